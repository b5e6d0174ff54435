using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using Kith.ServiceDirectory.Domain;
using Kith.Tests.ServiceDirectory.Editing;
using Kith.Tests.ServiceDirectory.HsdsApi;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Groups;

/// <summary>The app on a clock stopped on Monday 1 March 2027 in Riverbend (9 am), with a community centre that runs groups at a public hall and a refuge.</summary>
public sealed class GroupsApp : KithApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero));

    public GroupsApp()
    {
        Time = Clock;
        Set("Kith:RateLimits:GroupCodesPerMinute", "100000"); // the class sends many codes a minute; the brake is not what it tests
    }

    private Task<Setting>? setting;

    internal Task<Setting> SettingAsync()
    {
        lock (this) return setting ??= Setting.CreateAsync(this);
    }
}

/// <summary>The community centre, its coordinator signed in, a public hall and a confidential refuge in the directory.</summary>
internal sealed record Setting(HttpClient Coordinator, Guid Centre, string Hall, string Refuge)
{
    public const string HallAddress = "12 Mill Street";
    public const string RefugeAddress = "77 Quiet Lane";

    public static async Task<Setting> CreateAsync(KithApp app)
    {
        var (centre, directoryOrg) = await DirectoryData.AddOwnerAsync(app, "Cedar Flats Community Centre (groups)");
        var hall = await PlaceAsync(app, directoryOrg, "Cedar Flats hall", HallAddress, confidential: false);
        var refuge = await PlaceAsync(app, directoryOrg, "Harbour House", RefugeAddress, confidential: true);
        var (coordinator, _) = await Staff.SignedInAsync(app, "hodan@groups.test", "coordinator", centre);
        return new(coordinator, centre, hall, refuge);
    }

    private static async Task<string> PlaceAsync(KithApp app, string organisation, string name, string street, bool confidential) =>
        await DirectoryData.ReadAsync(app, async db =>
        {
            var id = Guid.NewGuid().ToString();
            db.Locations.Add(new Location { Id = id, LocationType = "physical", OrganizationId = organisation, Name = name, Confidential = confidential, Latitude = 44.01, Longitude = -92.95 });
            db.Addresses.Add(new Address { Id = Guid.NewGuid().ToString(), LocationId = id, Address1 = street, City = "Riverbend", StateProvince = "MN", PostalCode = "55901", Country = "US", AddressType = "physical" });
            await db.SaveChangesAsync();
            return id;
        });
}

/// <summary>
/// Groups through HTTP (issue 15, items 1–2): a coordinator makes a grief pod with two places; four people join without an
/// account — two get places, two wait; when places free, the longest waiting move up and are told by the route they chose,
/// except a number that sent STOP; session changes reach every calendar feed as EXDATE and RECURRENCE-ID with SEQUENCE bumped;
/// a person's feed uses neutral titles if asked and is replaced on request; a confidential place's address is in no feed or
/// page; the published directory service is valid HSDS; bad input is refused naming the field and stores nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class GroupsApiTests(GroupsApp app, ITestOutputHelper output) : IClassFixture<GroupsApp>
{
    private static object Pod(string location, int capacity = 2, string rule = "FREQ=WEEKLY;BYDAY=TU;COUNT=6") => new
    {
        name = "Grief pod: loss of a spouse", kind = "support-group", focus = "Loss of a husband, wife or partner",
        description = "A small group that meets weekly; members check on each other between sessions.", facilitators = "Amina and Joe",
        needs = new[] { "grief", "peer-support" }, locationId = location, firstStart = "2027-03-09T18:00", durationMinutes = 90,
        rule, capacity, language = "en",
    };

    [Fact]
    public async Task Four_join_a_pod_with_two_places_the_longest_waiting_move_up_when_places_free_and_are_told_unless_they_sent_STOP()
    {
        var s = await app.SettingAsync();
        var created = await s.Coordinator.PostAsJsonAsync("/api/groups", Pod(s.Hall));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var anyone = app.Browser();
        var optedOut = "+15075550177";
        await StopAsync(optedOut);
        var (ana, anaCode) = await JoinAsync(anyone, id, "Ana", "sms", "507 555 0101");
        var (ben, _) = await JoinAsync(anyone, id, "Ben", "email", "ben@example.org");
        var (cai, caiCode) = await JoinAsync(anyone, id, "Cai", "sms", optedOut);
        var (dee, deeCode) = await JoinAsync(anyone, id, "Dee", "email", "dee@example.org");
        Assert.Equal(["enrolled", "enrolled", "waitlisted", "waitlisted"], new[] { ana, ben, cai, dee });

        var group = await s.Coordinator.GetFromJsonAsync<JsonElement>($"/api/groups/{id}");
        Assert.Equal((2, 2), (group.GetProperty("enrolled").GetInt32(), group.GetProperty("waitlisted").GetInt32()));
        Assert.Equal(["Ana", "Ben", "Cai", "Dee"], group.GetProperty("roster").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).Order());
        // Names and routes for the organiser, never a number or address. (Not "555": a random id in the document can hold it.)
        Assert.DoesNotContain("5075550101", group.GetRawText());
        Assert.DoesNotContain(optedOut[1..], group.GetRawText());
        Assert.DoesNotContain("@example.org", group.GetRawText());
        Assert.Equal(1, group.GetProperty("needsToCome").GetProperty("childcare").GetInt32()); // Ben, who has a place

        // Ana leaves: Cai has waited longest and gets the place, but sent STOP: the place is theirs, no text goes.
        Assert.Equal(HttpStatusCode.NoContent, (await anyone.PostAsJsonAsync("/api/public/groups/mine/leave", new { code = anaCode, enrolmentId = await EnrolmentAsync(anyone, anaCode) })).StatusCode);
        Assert.Equal("enrolled", await StandingAsync(anyone, caiCode));
        Assert.Equal("waitlisted", await StandingAsync(anyone, deeCode));
        // The coordinator adds a place: Dee moves up and is emailed.
        Assert.Equal(HttpStatusCode.OK, (await s.Coordinator.PutAsJsonAsync($"/api/groups/{id}", Pod(s.Hall, capacity: 3))).StatusCode);
        Assert.Equal("enrolled", await StandingAsync(anyone, deeCode));
        var notices = await DirectoryData.ReadAsync(app, db => db.Outbox.Where(o => o.IdempotencyKey!.Contains(":promoted:")).Select(o => o.Payload).ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Contains("dee@example.org", notice);
        Assert.Contains("Grief pod: loss of a spouse", notice);
        Assert.DoesNotContain(optedOut, string.Join("\n", notices));

        // Joining twice with the same code is refused, and nothing more is stored.
        var twice = await anyone.PostAsJsonAsync($"/api/public/groups/{id}/join", new { name = "Dee", contactRoute = "none", code = deeCode });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task Session_changes_reach_the_group_feed_as_EXDATE_and_RECURRENCE_ID_with_SEQUENCE_bumped_and_the_feed_parses_back()
    {
        var s = await app.SettingAsync();
        var id = await CreateAsync(s, Pod(s.Hall, capacity: 8));
        Assert.Equal(HttpStatusCode.OK, (await s.Coordinator.PostAsJsonAsync($"/api/groups/{id}/sessions/cancel", new { start = "2027-03-23T18:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Coordinator.PostAsJsonAsync($"/api/groups/{id}/sessions/move", new { start = "2027-03-30T18:00", moveTo = "2027-03-31T17:30" })).StatusCode);
        var notASession = await s.Coordinator.PostAsJsonAsync($"/api/groups/{id}/sessions/cancel", new { start = "2027-03-24T18:00" });
        Assert.Equal(HttpStatusCode.BadRequest, notASession.StatusCode);
        Assert.Contains("originalStart", await notASession.Content.ReadAsStringAsync());

        using var anyone = app.Browser();
        var response = await anyone.GetAsync($"/groups/{id}/calendar.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine(text);
        Assert.Contains("VERSION:2.0", text);
        Assert.Contains("PRODID:-//Kith//Groups 1.0//EN", text);
        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.Contains("TZID:America/Chicago", text);
        Assert.Contains("EXDATE;TZID=America/Chicago:20270323T180000", text);
        Assert.Contains("RECURRENCE-ID;TZID=America/Chicago:20270330T180000", text);
        Assert.Contains(Setting.HallAddress, text);

        var calendar = Ical.Net.Calendar.Load(text)!;
        var series = calendar.Events.Single(e => e.RecurrenceIdentifier is null);
        Assert.Equal($"group-{id}@kith", series.Uid);
        Assert.Equal(2, series.Sequence); // two changes after it was made
        Assert.NotNull(series.DtStamp);
        var rule = series.RecurrenceRule!;
        Assert.Equal((Ical.Net.FrequencyType.Weekly, 6, DayOfWeek.Tuesday), (rule.Frequency, rule.Count, rule.ByDay.Single().DayOfWeek));
        var occurrences = calendar.GetOccurrences(new Ical.Net.DataTypes.CalDateTime(2027, 3, 1, 0, 0, 0, "America/Chicago"), null)
            .Select(o => o.Period.StartTime.ToTimeZone("America/Chicago").Value).Take(10).ToList();
        Assert.Equal([new DateTime(2027, 3, 9, 18, 0, 0), new DateTime(2027, 3, 16, 18, 0, 0), new DateTime(2027, 3, 31, 17, 30, 0),
            new DateTime(2027, 4, 6, 18, 0, 0), new DateTime(2027, 4, 13, 18, 0, 0)], occurrences.Order());
    }

    [Fact]
    public async Task A_person_s_feed_is_neutral_if_asked_holds_no_confidential_address_and_stops_when_replaced()
    {
        var s = await app.SettingAsync();
        var refuge = await CreateAsync(s, Pod(s.Refuge, capacity: 5));
        var hall = await CreateAsync(s, Pod(s.Hall, capacity: 5));
        using var anyone = app.Browser();
        var (_, code) = await JoinAsync(anyone, refuge, "Sam", "none", null, neutral: true);
        var again = await anyone.PostAsJsonAsync($"/api/public/groups/{hall}/join", new { name = "Sam", contactRoute = "none", code });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").ValueKind == JsonValueKind.Null); // one code for both

        var mine = await Mine(anyone, code);
        Assert.Equal(2, mine.GetProperty("groups").GetArrayLength());
        Assert.All(mine.GetProperty("groups").EnumerateArray(), g => Assert.Equal("Tuesday group", g.GetProperty("title").GetString()));
        Assert.Contains(mine.GetProperty("groups").EnumerateArray(), g => g.GetProperty("place").GetString() == "The organiser tells members where it meets.");
        var feed = mine.GetProperty("feedPath").GetString()!;
        var text = await anyone.GetStringAsync(feed);
        Assert.DoesNotContain("Grief pod", text);
        Assert.DoesNotContain("DESCRIPTION", text);
        Assert.DoesNotContain(Setting.RefugeAddress, text);
        Assert.DoesNotContain("Harbour House", text);
        Assert.Contains("SUMMARY:Tuesday group", text);
        Assert.Contains(Setting.HallAddress, text); // a public place's address, without its name
        Assert.DoesNotContain("Cedar Flats hall", text);

        // Neither the group's own feed nor its page shows the refuge's address.
        Assert.DoesNotContain(Setting.RefugeAddress, await anyone.GetStringAsync($"/groups/{refuge}/calendar.ics"));
        Assert.DoesNotContain(Setting.RefugeAddress, await anyone.GetStringAsync($"/groups/{refuge}"));
        Assert.DoesNotContain(Setting.RefugeAddress, await anyone.GetStringAsync($"/api/public/groups/{refuge}"));

        var renewed = await anyone.PostAsJsonAsync("/api/public/groups/mine/new-calendar", new { code });
        var newFeed = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("calendar").GetString()!;
        Assert.NotEqual(feed, newFeed);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(feed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(newFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.PostAsJsonAsync("/api/public/groups/mine", new { code = "ABCD-EFGH-JKMN-PQRS-TVWX" })).StatusCode);
    }

    [Fact]
    public async Task The_group_is_published_as_a_valid_HSDS_service_with_its_schedule_and_free_places()
    {
        var s = await app.SettingAsync();
        var id = await CreateAsync(s, Pod(s.Hall, capacity: 4));
        using var anyone = app.Browser();
        await JoinAsync(anyone, id, "Lee", "none", null);
        var service = (await s.Coordinator.GetFromJsonAsync<JsonElement>($"/api/groups/{id}")).GetProperty("serviceId").GetString()!;
        var hsds = await anyone.GetFromJsonAsync<JsonElement>($"/api/hsds/services/{service}");
        Assert.Equal("Grief pod: loss of a spouse", hsds.GetProperty("name").GetString());
        Assert.EndsWith($"/groups/{id}", hsds.GetProperty("url").GetString());
        var schedule = hsds.GetProperty("schedules").EnumerateArray().Single();
        Assert.Equal(("WEEKLY", "TU", 6m), (schedule.GetProperty("freq").GetString(), schedule.GetProperty("byday").GetString(), schedule.GetProperty("count").GetDecimal()));
        Assert.Equal(3m, (await DirectoryData.ReadAsync(app, db => db.ServiceCapacities.SingleAsync(c => c.ServiceId == service))).Available);

        using var documents = new HsdsDocuments();
        await documents.SaveAsync(anyone, $"/api/hsds/services/{service}", $"service__{service}.json");
        foreach (var sal in hsds.GetProperty("service_at_locations").EnumerateArray())
            await documents.SaveAsync(anyone, $"/api/hsds/service_at_locations/{sal.GetProperty("id").GetString()}", $"service_at_location__{sal.GetProperty("id").GetString()}.json");
        await documents.AssertAllValidAsync(output, atLeast: 1); // the service and its place at the hall
    }

    [Fact]
    public async Task Reminders_go_once_a_day_ahead_by_each_member_s_route_never_past_STOP_and_never_with_a_confidential_address()
    {
        var s = await app.SettingAsync();
        // One pod meets at the refuge 23 hours from the class's clock (reminded now), another 25 hours away (not yet).
        var soon = await CreateAsync(s, OneSession("Reminder pod", s.Refuge, TimeSpan.FromHours(23)));
        var later = await CreateAsync(s, OneSession("Later pod", s.Hall, TimeSpan.FromHours(25)));
        using var anyone = app.Browser();
        var stopped = "+15075550166";
        await StopAsync(stopped);
        await JoinAsync(anyone, soon, "Text", "sms", "507 555 0155");
        await JoinAsync(anyone, soon, "Stopped", "sms", stopped);
        await JoinAsync(anyone, soon, "Mail", "email", "mail@example.org", neutral: true);
        await JoinAsync(anyone, soon, "Quiet", "none", null);
        await JoinAsync(anyone, later, "Early", "email", "early@example.org");

        var reminders = await RemindersAsync();
        Assert.Equal(2, reminders.Count);
        Assert.Contains(reminders, r => r.Contains("+15075550155") && r.Contains("Reminder pod") && r.Contains("Reply STOP"));
        Assert.Contains(reminders, r => r.Contains("mail@example.org") && r.Contains(" group is on") && !r.Contains("Reminder pod")); // neutral title
        Assert.DoesNotContain(reminders, r => r.Contains(stopped) || r.Contains(Setting.RefugeAddress) || r.Contains("Harbour House") || r.Contains("early@example.org"));
        Assert.All(reminders, r => Assert.Contains("The organiser tells members where it meets.", r));
        Assert.Equal(2, (await RemindersAsync()).Count); // a second run sends nothing again
    }

    [Fact]
    public async Task Attendance_is_marked_for_a_session_that_has_begun_for_people_with_a_place_and_shown_to_the_organiser()
    {
        var s = await app.SettingAsync();
        // Weekly from two hours ago: the first session has begun, the rest are to come (so people can still join).
        var local = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime.AddHours(-2), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        var first = local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var id = await CreateAsync(s, new
        {
            name = "Attendance pod", kind = "peer-group", description = "Weekly.", facilitators = "Joe", locationId = s.Hall,
            firstStart = first, durationMinutes = 90, rule = "FREQ=WEEKLY;COUNT=4", capacity = 5,
        });
        using var anyone = app.Browser();
        await JoinAsync(anyone, id, "Came", "none", null);
        await JoinAsync(anyone, id, "Missed", "none", null);
        var roster = (await s.Coordinator.GetFromJsonAsync<JsonElement>($"/api/groups/{id}")).GetProperty("roster").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("enrolmentId").GetGuid());

        var marked = await s.Coordinator.PostAsJsonAsync($"/api/groups/{id}/sessions/attendance", new { start = first, present = new[] { roster["Came"] } });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var session = (await s.Coordinator.GetFromJsonAsync<JsonElement>($"/api/groups/{id}")).GetProperty("sessions").EnumerateArray().First();
        Assert.Equal((1, true), (session.GetProperty("present").GetInt32(), session.GetProperty("begun").GetBoolean()));
        Assert.Equal([roster["Came"]], session.GetProperty("presentIds").EnumerateArray().Select(e => e.GetGuid()));

        var next = DateTime.Parse(first, System.Globalization.CultureInfo.InvariantCulture).AddDays(7).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var future = await s.Coordinator.PostAsJsonAsync($"/api/groups/{id}/sessions/attendance", new { start = next, present = new[] { roster["Came"] } });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("start", await future.Content.ReadAsStringAsync());
        var stranger = await s.Coordinator.PostAsJsonAsync($"/api/groups/{id}/sessions/attendance", new { start = first, present = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("present", await stranger.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_join_form_sent_again_with_its_token_joins_once_shows_the_same_code_and_after_30_minutes_answers_409()
    {
        var s = await app.SettingAsync();
        var id = await CreateAsync(s, Pod(s.Hall, capacity: 5));
        using var anyone = app.Browser();
        var form = await JoinFormAsync(anyone, id);
        var (members, enrolments) = await CountsAsync(id);

        var (first, firstPage) = await SendJoinFormAsync(anyone, id, form, "Refresh");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var shown = firstPage.QuerySelector("#group-code")!.TextContent;
        Assert.Matches("^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$", shown);
        app.Clock.Advance(TimeSpan.FromMinutes(29)); // the browser re-posts the form on refresh, long after
        var (again, againPage) = await SendJoinFormAsync(anyone, id, form, "Refresh");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(shown, againPage.QuerySelector("#group-code")!.TextContent);
        Assert.Equal("You have a place.", againPage.QuerySelector("#group-joined-title")!.TextContent);
        Assert.Equal((members + 1, enrolments + 1), await CountsAsync(id));
        Assert.Equal("enrolled", await StandingAsync(anyone, shown)); // the code shown twice is the member's

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var (late, latePage) = await SendJoinFormAsync(anyone, id, form, "Refresh");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("This form was already sent.", latePage.QuerySelector("#join-errors")!.TextContent);
        Assert.Null(latePage.QuerySelector("#group-code"));
        Assert.Equal((members + 1, enrolments + 1), await CountsAsync(id));
    }

    [Fact]
    public async Task An_Idempotency_Key_joins_once_answers_the_same_code_refuses_another_body_and_a_short_key_and_is_never_reused()
    {
        var s = await app.SettingAsync();
        var id = await CreateAsync(s, Pod(s.Hall, capacity: 5));
        using var anyone = app.Browser();
        var key = Guid.NewGuid().ToString();
        var (members, enrolments) = await CountsAsync(id);
        var body = new { name = "Retry", contactRoute = "none" };

        var first = await JoinWithKeyAsync(anyone, id, body, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var code = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var again = await JoinWithKeyAsync(anyone, id, body, $"\"{key}\"");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(code, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await JoinWithKeyAsync(anyone, id, new { name = "Other", contactRoute = "none" }, key)).StatusCode);
        var shortKey = await JoinWithKeyAsync(anyone, id, body, "1");
        Assert.Equal(HttpStatusCode.BadRequest, shortKey.StatusCode);
        Assert.True((await shortKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal((members + 1, enrolments + 1), await CountsAsync(id));

        // Past 30 minutes the answer is not shown again; past a day the key is forgotten, and its member still stops a second join.
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await JoinWithKeyAsync(anyone, id, body, key);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.DoesNotContain(code!, await late.Content.ReadAsStringAsync());
        await DirectoryData.ReadAsync(app, db => db.SentOnce.Where(k => k.Scope == "groups.join").ExecuteDeleteAsync()); // as the purge does after a day
        Assert.Equal(HttpStatusCode.Conflict, (await JoinWithKeyAsync(anyone, id, body, key)).StatusCode);
        Assert.Equal((members + 1, enrolments + 1), await CountsAsync(id));

        var header = System.Text.Json.Nodes.JsonNode.Parse(await anyone.GetStringAsync("/openapi/v1.json"))!["paths"]!["/api/public/groups/{id}/join"]!["post"]!["parameters"]!
            .AsArray().Single(p => (string?)p!["name"] == "Idempotency-Key")!;
        Assert.Contains("30 minutes", (string?)header["description"]);
    }

    private static Task<HttpResponseMessage> JoinWithKeyAsync(HttpClient client, Guid group, object body, string key) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/public/groups/{group}/join")
        {
            Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", key } },
        });

    /// <summary>The join form as a browser holds it: its antiforgery token and its one-time token.</summary>
    private static async Task<(string Antiforgery, string Submission)> JoinFormAsync(HttpClient client, Guid group)
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync($"/groups/{group}"));
        return (page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            page.QuerySelector("form input[type=hidden][name=submission]")!.GetAttribute("value")!);
    }

    /// <summary>The join form sent as held, as a refresh re-sends it: the same tokens and answers.</summary>
    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> SendJoinFormAsync(HttpClient client, Guid group,
        (string Antiforgery, string Submission) form, string name)
    {
        var response = await client.PostAsync($"/groups/{group}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "join", ["__RequestVerificationToken"] = form.Antiforgery, ["submission"] = form.Submission,
            ["name"] = name, ["contactRoute"] = "none",
        }));
        return (response, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private Task<(int Members, int Enrolments)> CountsAsync(Guid group) =>
        DirectoryData.ReadAsync(app, async db => (await db.GroupMembers.CountAsync(), await db.GroupEnrolments.CountAsync(e => e.GroupId == group)));

    [Fact]
    public async Task Two_who_ask_become_buddies_oldest_first_see_a_contact_only_if_both_share_and_when_one_stops_or_leaves_the_other_is_told_and_waits()
    {
        var s = await app.SettingAsync();
        var id = await CreateAsync(s, Pod(s.Hall, capacity: 5));
        using var anyone = app.Browser();
        var (_, ana) = await JoinAsync(anyone, id, "Ana", "sms", "507 555 0121");
        var (_, ben) = await JoinAsync(anyone, id, "Ben", "email", "ben.buddy@example.org");
        var (_, cai) = await JoinAsync(anyone, id, "Cai", "email", "cai.buddy@example.org");
        var (_, dee) = await JoinAsync(anyone, id, "Dee", "none", null);
        var (_, eve) = await JoinAsync(anyone, id, "Eve", "email", "eve.buddy@example.org");
        var (standing, wes) = await JoinAsync(anyone, id, "Wes", "none", null);
        Assert.Equal("waitlisted", standing);

        // Ana asks on her groups page, letting her buddy see her number; nobody else waits yet.
        Assert.Contains("You asked for a buddy.", await BuddyPageAsync(anyone, ana, "buddy", ("shareContact", "true")));
        // Ben asks, sharing too: they are buddies, and each sees the other's name and contact.
        Assert.Equal(HttpStatusCode.NoContent, (await AskForBuddyAsync(anyone, ben, share: true)).StatusCode);
        Assert.Equal(("Ana", "+15075550121"), Seen(await BuddyOfAsync(anyone, ben)));
        Assert.Equal(("Ben", "ben.buddy@example.org"), Seen(await BuddyOfAsync(anyone, ana)));
        // Cai asks without sharing, then Dee (who gave no contact): buddies who meet at the sessions.
        await AskForBuddyAsync(anyone, cai, share: false);
        await AskForBuddyAsync(anyone, dee, share: true);
        Assert.Equal(("Dee", null), Seen(await BuddyOfAsync(anyone, cai)));
        Assert.Equal(("Cai", null), Seen(await BuddyOfAsync(anyone, dee)));
        Assert.Contains("you meet at the sessions", await BuddyPageAsync(anyone, cai, "open"));
        // Someone waiting for a place cannot ask; a code that is not theirs gets the one 404.
        Assert.Equal(HttpStatusCode.NotFound, (await AskForBuddyAsync(anyone, wes, share: false)).StatusCode);
        var stranger = await anyone.PostAsJsonAsync("/api/public/groups/mine/buddy", new { code = "ABCD-EFGH-JKMN-PQRS-TVWX", enrolmentId = await EnrolmentAsync(anyone, ana) });
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        // The organiser sees how many have a buddy, never who with whom.
        Assert.Contains("Members paired as buddies: 4.", await s.Coordinator.GetStringAsync($"/staff/groups/{id}"));
        Assert.DoesNotContain("buddy", (await s.Coordinator.GetStringAsync($"/api/groups/{id}")).ToLowerInvariant());

        // Ana stops on her page: Ben is told and waits; Eve asks and is Ben's buddy, as he waited longest.
        Assert.Contains("You stopped.", await BuddyPageAsync(anyone, ana, "buddy-stop"));
        Assert.False((await BuddyOfAsync(anyone, ben)).GetProperty("paired").GetBoolean());
        var doubleTap = await Task.WhenAll(AskForBuddyAsync(anyone, eve, share: true), AskForBuddyAsync(anyone, eve, share: true));
        Assert.All(doubleTap, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(("Ben", "ben.buddy@example.org"), Seen(await BuddyOfAsync(anyone, eve)));
        // Cai leaves the group: Dee's buddy is gone (Dee chose not to be reached: told nothing) and Dee waits again.
        await anyone.PostAsJsonAsync("/api/public/groups/mine/leave", new { code = cai, enrolmentId = await EnrolmentAsync(anyone, cai) });
        Assert.False((await BuddyOfAsync(anyone, dee)).GetProperty("paired").GetBoolean());

        // Told by the route each chose, never the one who just asked; nothing said between them is kept anywhere.
        var told = (await MessagesAsync("group-buddy:")).Where(m => m.Contains(".buddy@") || m.Contains("+15075550121")).ToList();
        Assert.Equal(4, told.Count);
        Assert.Contains(told, m => m.StartsWith("+15075550121 ") && m.Contains("Ben in Grief pod: loss of a spouse asked for a buddy too"));
        Assert.Contains(told, m => m.StartsWith("cai.buddy@example.org ") && m.Contains("Dee in"));
        Assert.Contains(told, m => m.StartsWith("ben.buddy@example.org ") && m.Contains("Ana stopped being your buddy"));
        Assert.Contains(told, m => m.StartsWith("ben.buddy@example.org ") && m.Contains("Eve in"));
        Assert.DoesNotContain(typeof(Kith.Groups.Domain.Buddy).GetProperties(), p => p.PropertyType == typeof(string));
    }

    [Fact]
    public async Task Buddies_are_nudged_once_midway_between_sessions_by_their_route_neutrally_if_asked_never_past_STOP_even_when_two_runs_race()
    {
        var s = await app.SettingAsync();
        // Weekly, last met three and a half days before a moment twenty minutes from now (in the day): the middle of this gap.
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var last = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, chicago).AddMinutes(20).AddHours(-84);
        var id = await CreateAsync(s, new
        {
            name = "Nudge pod", kind = "peer-group", description = "Weekly.", facilitators = "Joe", locationId = s.Hall,
            firstStart = last.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture), durationMinutes = 60,
            rule = "FREQ=WEEKLY;COUNT=4", capacity = 6,
        });
        using var anyone = app.Browser();
        var stopped = "+15075550133";
        await StopAsync(stopped);
        var people = new[] { ("Fay", "sms", "507 555 0131", false), ("Gus", "email", "gus.nudge@example.org", true), ("Hal", "sms", stopped, false), ("Ivy", "email", "ivy.nudge@example.org", false) };
        foreach (var (name, route, contact, neutral) in people)
            await AskForBuddyAsync(anyone, (await JoinAsync(anyone, id, name, route, contact, neutral)).Code, share: false);

        Assert.Empty(await NudgesAsync()); // not yet midway
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        var nudges = await NudgesAsync();
        Assert.Equal(3, nudges.Count);
        var weekday = last.AddDays(7).DayOfWeek;
        Assert.Contains(nudges, n => n.StartsWith("+15075550131 ") && n.Contains($"maybe check in with Gus before {weekday}'s group?") && n.Contains("Reply STOP"));
        Assert.Contains(nudges, n => n.StartsWith("gus.nudge@example.org ") && n.Contains("check in with Fay") && !n.Contains("Nudge pod")); // neutral
        Assert.Contains(nudges, n => n.StartsWith("ivy.nudge@example.org ") && n.Contains("check in with Hal") && n.Contains("Nudge pod"));
        Assert.DoesNotContain(nudges, n => n.Contains(stopped) || n.Contains(Setting.HallAddress));
        Assert.Equal(3, (await NudgesAsync()).Count); // once per member and gap, however often the job runs
    }

    /// <summary>The nudge job run as two nodes racing for it would (at once, each its own scope), then the nudges to this test's people.</summary>
    private async Task<List<string>> NudgesAsync()
    {
        await Task.WhenAll(RunJobAsync("groups.buddy-nudges"), RunJobAsync("groups.buddy-nudges"));
        return [.. (await MessagesAsync(":nudge:")).Where(m => m.Contains(".nudge@") || m.Contains("+1507555013"))];
    }

    private static async Task<HttpResponseMessage> AskForBuddyAsync(HttpClient client, string code, bool share) =>
        await client.PostAsJsonAsync("/api/public/groups/mine/buddy", new { code, enrolmentId = await EnrolmentAsync(client, code), shareContact = share });

    private static async Task<JsonElement> BuddyOfAsync(HttpClient client, string code) =>
        (await Mine(client, code)).GetProperty("groups").EnumerateArray().Single().GetProperty("buddy");

    private static (string?, string?) Seen(JsonElement buddy) => (buddy.GetProperty("name").GetString(), buddy.GetProperty("contact").GetString());

    /// <summary>A form of the member's groups page posted with their code (as the page's forms carry it), and the page it answers.</summary>
    private static async Task<string> BuddyPageAsync(HttpClient client, string code, string form, params (string, string)[] fields)
    {
        var handler = form == "open" ? form : $"{form}-{await EnrolmentAsync(client, code)}";
        var response = await Staff.PostFormAsync(client, "/groups/mine", handler,
            [KeyValuePair.Create("code", code), .. fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private object OneSession(string name, string location, TimeSpan fromNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime.Add(fromNow), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        return new
        {
            name, kind = "support-group", description = "One evening.", facilitators = "Amina", locationId = location,
            firstStart = local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture), durationMinutes = 60, capacity = 10,
        };
    }

    /// <summary>Runs the reminder job as the job runner would, and reads every reminder in the outbox.</summary>
    private async Task<List<string>> RemindersAsync()
    {
        await RunJobAsync("groups.session-reminders");
        return await MessagesAsync(":reminder:");
    }

    private async Task RunJobAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<Kith.Platform.Jobs.IRecurringJob>().Single(j => j.Name == name).RunAsync(CancellationToken.None);
    }

    /// <summary>"To subject body" of each message in the outbox whose key holds this, as the carrier gets it (the payload is JSON, which escapes "+").</summary>
    private async Task<List<string>> MessagesAsync(string keyPart)
    {
        var payloads = await DirectoryData.ReadAsync(app, db => db.Outbox.Where(o => o.IdempotencyKey!.Contains(keyPart)).Select(o => o.Payload).ToListAsync());
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement).Select(m => $"{m.GetProperty("To").GetString()} {m.GetProperty("Subject").GetString()} {m.GetProperty("Body").GetString()}")];
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_each_field_and_stores_nothing()
    {
        var s = await app.SettingAsync();
        var before = await DirectoryData.ReadAsync(app, db => db.Groups.CountAsync());
        var bad = await s.Coordinator.PostAsJsonAsync("/api/groups", new
        {
            name = "", kind = "party", description = "x", facilitators = "y", locationId = s.Hall, videoUrl = "http://insecure.example",
            firstStart = "next tuesday", durationMinutes = 5, rule = "FREQ=HOURLY", capacity = 0,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.Equal(["capacity", "durationMinutes", "firstStart", "kind", "locationId", "name", "rule", "videoUrl"], fields);
        Assert.Equal(before, await DirectoryData.ReadAsync(app, db => db.Groups.CountAsync()));

        var id = await CreateAsync(s, Pod(s.Hall));
        using var anyone = app.Browser();
        var members = await DirectoryData.ReadAsync(app, db => db.GroupMembers.CountAsync());
        var badJoin = await anyone.PostAsJsonAsync($"/api/public/groups/{id}/join", new { name = "", contactRoute = "sms", contact = "call me" });
        Assert.Equal(HttpStatusCode.BadRequest, badJoin.StatusCode);
        Assert.Equal(["contact", "name"], (await badJoin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(members, await DirectoryData.ReadAsync(app, db => db.GroupMembers.CountAsync()));

        var (responder, _) = await Staff.SignedInAsync(app, "someone@groups.test", "responder", s.Centre);
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.PostAsJsonAsync("/api/groups", Pod(s.Hall))).StatusCode);
    }

    private async Task<Guid> CreateAsync(Setting s, object pod)
    {
        var created = await s.Coordinator.PostAsJsonAsync("/api/groups", pod);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Joins a minute after the last join (the class's clock stands still otherwise), so "who waited longest" is plain.</summary>
    private async Task<(string Standing, string Code)> JoinAsync(HttpClient client, Guid group, string name, string route, string? contact, bool neutral = false)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var joined = await client.PostAsJsonAsync($"/api/public/groups/{group}/join", new { name, contactRoute = route, contact, neutralTitles = neutral, needsChildcare = name == "Ben" });
        Assert.True(joined.StatusCode == HttpStatusCode.Created, await joined.Content.ReadAsStringAsync());
        var body = await joined.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("standing").GetString()!, body.GetProperty("code").GetString()!);
    }

    private static async Task<JsonElement> Mine(HttpClient client, string code)
    {
        var mine = await client.PostAsJsonAsync("/api/public/groups/mine", new { code });
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        return await mine.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Guid> EnrolmentAsync(HttpClient client, string code) =>
        (await Mine(client, code)).GetProperty("groups").EnumerateArray().Single().GetProperty("enrolmentId").GetGuid();

    private static async Task<string> StandingAsync(HttpClient client, string code) =>
        (await Mine(client, code)).GetProperty("groups").EnumerateArray().Single().GetProperty("standing").GetString()!;

    [Fact]
    public async Task Members_say_how_a_session_went_without_their_name_and_words_of_danger_bring_the_crisis_lines_and_a_responder()
    {
        var s = await app.SettingAsync();
        var local = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime.AddHours(-2), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        var id = await CreateAsync(s, new
        {
            name = "Feedback pod", kind = "support-group", description = "Weekly.", facilitators = "Joe", locationId = s.Hall,
            firstStart = local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture), durationMinutes = 90, rule = "FREQ=WEEKLY;COUNT=4", capacity = 5,
        });
        using var anyone = app.Browser();
        var (_, calm) = await JoinAsync(anyone, id, "Calm", "none", null);
        var (_, worried) = await JoinAsync(anyone, id, "Worried", "none", null);
        async Task<(Guid Enrolment, string Html)> OpenAsync(string code)
        {
            var enrolment = (await Mine(anyone, code)).GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("groupId").GetGuid() == id).GetProperty("enrolmentId").GetGuid();
            return (enrolment, await (await Staff.PostFormAsync(anyone, "/groups/mine", "open", [new("code", code)])).Content.ReadAsStringAsync());
        }

        var (calmPlace, page) = await OpenAsync(calm);
        Assert.Contains("How helpful was the session on", page);
        KeyValuePair<string, string>[] Said(string code, string helpful, string comment) => [new("code", code), new("helpful", helpful), new("comment", comment)];
        var sent = await (await Staff.PostFormAsync(anyone, "/groups/mine", $"feedback-{calmPlace}", Said(calm, "4", "Lovely to meet people who understand."))).Content.ReadAsStringAsync();
        Assert.Contains("Thank you. The organiser sees your answer without your name.", sent);
        Assert.DoesNotContain("How helpful was the session on", sent); // asked once per session
        var resent = await Staff.PostFormAsync(anyone, "/groups/mine", $"feedback-{calmPlace}", Said(calm, "1", "Changed my mind."));
        Assert.Contains("it counted once", await resent.Content.ReadAsStringAsync());

        var (worriedPlace, _) = await OpenAsync(worried);
        var danger = await (await Staff.PostFormAsync(anyone, "/groups/mine", $"feedback-{worriedPlace}", Said(worried, "2", "I want to kill myself tonight."))).Content.ReadAsStringAsync();
        Assert.Contains("If you or someone else is in danger now", danger);
        Assert.Contains("tel:988", danger);
        Assert.Matches("Your receipt:.{0,40}<code translate=\"no\">[A-Z0-9-]{10,}</code>", danger);
        var concern = await Concerns.ConcernData.ReadAsync(app, db => db.Concerns.Where(c => c.OrganisationId == s.Centre).OrderByDescending(c => c.SubmittedAt).Select(c => new { c.Tier, c.Narrative }).FirstAsync());
        Assert.Equal("imminent", concern.Tier);
        Assert.Contains("I want to kill myself tonight.", concern.Narrative);
        Assert.DoesNotContain("Worried", concern.Narrative);

        var organiser = await s.Coordinator.GetStringAsync($"/staff/groups/{id}");
        Assert.Contains("2 answered", organiser);
        Assert.DoesNotContain("on average", organiser); // two answers: their mean would be theirs
        Assert.Contains("Lovely to meet people who understand.", organiser);
        Assert.Contains("1 comment(s) spoke of danger and went to a responder instead.", organiser);
        Assert.DoesNotContain("kill myself", organiser);
        Assert.DoesNotContain("Calm", organiser[organiser.IndexOf("feedback-title", StringComparison.Ordinal)..organiser.IndexOf("needs-title", StringComparison.Ordinal)]);
        var stored = await DirectoryData.ReadAsync(app, db => db.Database.SqlQueryRaw<string>("SELECT comment AS \"Value\" FROM groups_feedback WHERE comment IS NOT NULL").ToListAsync());
        Assert.DoesNotContain(stored, c => c.Contains("Lovely"));

        // Insights reads the session as a fact: the day, the organisation, the kind, how many, the ratings — no one.
        await using var scope = app.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(local);
        var fact = (await scope.ServiceProvider.GetRequiredService<Kith.Groups.Contracts.IGroupFacts>().BetweenAsync(today, today, CancellationToken.None))
            .Single(f => f.OrganisationId == s.Centre && f.Kind == "support-group" && f.Feedback > 0);
        Assert.Equal((2, 2, 6, 1, (int?)null), (fact.Enrolled, fact.Feedback, fact.HelpfulSum, fact.PassedToResponder, fact.Present));
    }

    [Fact]
    public async Task Members_answer_WHO_5_before_and_after_and_the_organiser_sees_averages_only_from_enough_pairs()
    {
        var s = await app.SettingAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        string At(TimeSpan fromNow) => TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime + fromNow, zone).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var first = At(TimeSpan.FromHours(-2));
        var id = await CreateAsync(s, new
        {
            name = "Evaluated pod", kind = "support-group", description = "Three weeks.", facilitators = "Joe", locationId = s.Hall,
            firstStart = first, durationMinutes = 60, rule = "FREQ=WEEKLY;COUNT=3", capacity = 12,
        });
        using var anyone = app.Browser();
        var people = new List<(string Code, Guid Enrolment)>();
        for (var i = 0; i < 11; i++)
        {
            var (_, code) = await JoinAsync(anyone, id, $"Member {i}", "none", null);
            people.Add((code, (await Mine(anyone, code)).GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("groupId").GetGuid() == id).GetProperty("enrolmentId").GetGuid()));
        }
        KeyValuePair<string, string>[] Who5(string code, string each, int items = 5) =>
            [new("code", code), .. Enumerable.Range(1, items).Select(i => new KeyValuePair<string, string>($"item-{i}", each))];
        var page = await (await Staff.PostFormAsync(anyone, "/groups/mine", "open", [new("code", people[0].Code)])).Content.ReadAsStringAsync();
        Assert.Contains("Before the group: how have you been?", page);
        var partial = await Staff.PostFormAsync(anyone, "/groups/mine", $"outcome-{people[0].Enrolment}", Who5(people[0].Code, "2", items: 4));
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        Assert.Contains("Answer all five questions.", await partial.Content.ReadAsStringAsync());
        foreach (var (code, enrolment) in people) // each before: raw 10 of 25, 40 of 100
            Assert.Contains("Only averages of many people", await (await Staff.PostFormAsync(anyone, "/groups/mine", $"outcome-{enrolment}", Who5(code, "2"))).Content.ReadAsStringAsync());
        Assert.Contains("they counted once", await (await Staff.PostFormAsync(anyone, "/groups/mine", $"outcome-{people[0].Enrolment}", Who5(people[0].Code, "5"))).Content.ReadAsStringAsync());

        // The group ends early: its second session moves to an hour ago, its third is cancelled. "After" is asked now.
        var second = DateTime.Parse(first, System.Globalization.CultureInfo.InvariantCulture).AddDays(7).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var third = DateTime.Parse(first, System.Globalization.CultureInfo.InvariantCulture).AddDays(14).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await s.Coordinator.PostAsJsonAsync($"/api/groups/{id}/sessions/move", new { start = second, moveTo = At(TimeSpan.FromHours(-1)) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Coordinator.PostAsJsonAsync($"/api/groups/{id}/sessions/cancel", new { start = third })).StatusCode);
        for (var i = 0; i < 10; i++) // ten pairs: one fewer than the smallest count shown
            await Staff.PostFormAsync(anyone, "/groups/mine", $"outcome-{people[i].Enrolment}", Who5(people[i].Code, "3")); // after: 60 of 100
        var organiser = await s.Coordinator.GetStringAsync($"/staff/groups/{id}");
        Assert.Contains("11 answered before the group; 10 answered both before and after.", organiser);
        Assert.Contains("The averages are shown once 11 people have answered both", organiser);
        var last = await (await Staff.PostFormAsync(anyone, "/groups/mine", "open", [new("code", people[10].Code)])).Content.ReadAsStringAsync();
        Assert.Contains("Now the group has ended: how have you been?", last);
        await Staff.PostFormAsync(anyone, "/groups/mine", $"outcome-{people[10].Enrolment}", Who5(people[10].Code, "3"));
        organiser = await s.Coordinator.GetStringAsync($"/staff/groups/{id}");
        var averages = WebUtility.HtmlDecode(organiser[organiser.IndexOf("outcomes-title", StringComparison.Ordinal)..organiser.IndexOf("feedback-title", StringComparison.Ordinal)]);
        Assert.True(averages.Contains("Well-being, out of 100, on average: 40.0 before, 60.0 after (+20.0)."), averages);
        Assert.Equal(22, await DirectoryData.ReadAsync(app, db => db.GroupOutcomes.CountAsync(o => o.GroupId == id)));
        await using var scope = app.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, zone));
        var pairs = (await scope.ServiceProvider.GetRequiredService<Kith.Groups.Contracts.IGroupFacts>().OutcomesAsync(today, today, CancellationToken.None))
            .Where(f => f.OrganisationId == s.Centre).ToList();
        Assert.Equal(11, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(("who-5", 40, 60), (p.Instrument, p.Before, p.After)));
    }

    [Fact]
    public async Task A_wrong_code_on_the_my_groups_page_is_answered_by_that_page_not_a_generic_not_found()
    {
        using var anyone = app.Browser();
        var answer = await Staff.PostFormAsync(anyone, "/groups/mine", "open", [new("code", "ABCD-EFGH-JKMN-PQRS-TVWX")]);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("No groups match this code. Check it and try again.", html);
        Assert.Contains("id=\"mine-problem\"", html);
    }

    private Task StopAsync(string number) => TextStops.StopAsync(app, number);
}
