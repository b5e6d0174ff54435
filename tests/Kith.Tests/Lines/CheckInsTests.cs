using System.Net.Http.Json;
using Kith.Lines.CheckIns;
using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Jobs;

namespace Kith.Tests.Lines;

/// <summary>
/// Check-ins and caring contacts (issue 14, item 6; ADR 38), through the API, signed webhooks and the job runner polled
/// by hand on the hand-moved clock, with sends counted at the fake Twilio Messages API: nothing before the member's YES,
/// each due text once at its local time, a low score, risk words and silence each put a person on it, PAUSE and a
/// responder's stop hold, caring contacts follow a crisis conversation signed with the chosen name, and STOP stops
/// both (erasing the caring contacts' number) while START resumes the check-ins.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CheckInsTests(SmsLinesApp app) : IClassFixture<SmsLinesApp>
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Fact]
    public async Task Check_ins_go_once_at_their_local_time_after_YES_and_low_scores_risk_words_and_silence_reach_a_person()
    {
        var (line, team) = await app.LineAsync("check-ins", "+15075550140");
        var (responder, _) = await app.ResponderAsync("checkins@lines.test", team);
        var refused = await responder.PostAsJsonAsync("/api/lines/check-ins", new { line, number = "555", language = "fr", consentHow = "", time = "9am", weekdays = new[] { "funday" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(["consentHow", "language", "number", "time", "weekdays"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());

        // good, risk, low, silent, paused, stopped by the responder, never said YES
        string[] members = ["+15555550141", "+15555550142", "+15555550143", "+15555550144", "+15555550145", "+15555550146", "+15555550147"];
        var at = Local(app.Clock.GetUtcNow()).AddMinutes(30);
        var time = $"{at.Hour:00}:{at.Minute:00}";
        var ids = new List<Guid>();
        foreach (var number in members)
        {
            var enrolled = await responder.PostAsJsonAsync("/api/lines/check-ins", new
            {
                line, number, language = "en", consentHow = "verbal on call", time,
                weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" },
            });
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
            ids.Add((await enrolled.Content.ReadFromJsonAsync<CreatedId>())!.Id);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await responder.PostAsJsonAsync("/api/lines/check-ins", new
            { line, number = members[0], language = "en", consentHow = "verbal", time, everyDays = 2 })).StatusCode);
        await DueAsync();
        Assert.All(members, m => Assert.Contains("Reply YES", Assert.Single(Sent(m))));

        // Before YES nothing is asked, even past the time.
        app.Clock.Advance(TimeSpan.FromHours(1));
        await DueAsync();
        Assert.All(members, m => Assert.Single(Sent(m)));
        foreach (var number in members[..6]) Assert.Contains("you are set up", await TextAsync(number, number == members[3] ? "Yes!" : "YES"));
        Assert.Contains("Paused", await TextAsync(members[4], "pause"));
        Assert.Equal(HttpStatusCode.NoContent, (await responder.PostAsync($"/api/lines/check-ins/{ids[5]}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await responder.PostAsync($"/api/lines/check-ins/{ids[5]}/pause", null)).StatusCode);

        // The next day at the chosen local time: one question each to the four active members, whichever runs see it due.
        var due = NextLocal(at);
        app.Clock.Advance(due - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        await DueAsync();
        Assert.All(members, m => Assert.Single(Sent(m)));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await DueAsync();
        await DueAsync();
        foreach (var number in members[..4]) Assert.Equal(2, Sent(number).Count);
        Assert.Contains("How are you doing today, 1–5?", Sent(members[0])[1]);
        foreach (var number in members[4..]) Assert.Single(Sent(number));
        Assert.Null(await ReadAsync(db => db.LineCheckIns.Where(c => c.Id == ids[5]).Select(c => c.Number).SingleAsync()));
        var (viewer, _) = await app.ResponderAsync("checkins-viewer@lines.test", team); // signed in now: the clock moved past the first session
        var page = await viewer.GetStringAsync("/staff/lines/check-ins");
        Assert.Contains($"check-in-{ids[4]}", page);
        Assert.DoesNotContain("5555550141", page); // never a number

        Assert.Equal("Thank you.", await TextAsync(members[0], "4, thanks"));
        Assert.Equal((4, 4), await ReadAsync(async db => (
            (await db.LineCheckInSends.SingleAsync(s => s.CheckInId == ids[0] && s.Kind == "check-in")).Score!.Value,
            (await db.LineCheckIns.SingleAsync(c => c.Id == ids[0])).LastScore!.Value)));
        Assert.Null(await OpenConversationAsync(members[0]));

        var risk = await TextAsync(members[1], "honestly I want to kill myself");
        Assert.Contains(await CrisisAsync(), risk);
        var atRisk = await OpenConversationAsync(members[1]);
        Assert.NotNull(atRisk);
        Assert.NotEqual(ConversationTiers.Routine, atRisk.Tier);

        Assert.Contains("Someone will text you back", await TextAsync(members[2], "2"));
        var low = await OpenConversationAsync(members[2]);
        Assert.Equal((ConversationTiers.Urgent, ConversationStatuses.Waiting), (low!.Tier, low.Status));
        Assert.Contains(CheckInQueue.LowScore, low.TierRules);

        // Silence past the window (24 hours): a person is asked to look, once; the answered ones are not chased.
        app.Clock.Advance(TimeSpan.FromHours(24));
        await DueAsync();
        var silent = await OpenConversationAsync(members[3]);
        Assert.Equal((ConversationTiers.Routine, CheckInQueue.NoReply), (silent!.Tier, silent.TierRules));
        Assert.Null(await OpenConversationAsync(members[0]));
        Assert.Equal(3, Sent(members[0]).Count); // the third day's question went too
        Assert.Single(Sent(members[4]));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await DueAsync();
        Assert.Equal(1, await ReadAsync(db => db.LineConversations.CountAsync(c => c.SenderHash == Hash(members[3]))));

        var facts = await app.Services.CreateScope().ServiceProvider.GetRequiredService<Kith.Lines.Contracts.ICheckInFacts>()
            .BetweenAsync(DateOnly.FromDateTime(due.UtcDateTime.AddDays(-1)), DateOnly.FromDateTime(due.UtcDateTime.AddDays(2)), CancellationToken.None);
        var first = facts.Where(f => f.LineId == line && f.Day == DateOnly.FromDateTime(Local(due).DateTime)).ToList();
        Assert.Equal(4, first.Count);
        Assert.Equal(new (int?, bool, bool)[] { (2, true, true), (null, false, true), (null, true, true), (4, true, false) },
            first.Select(f => (f.Score, f.Replied ?? false, f.QueueItem)).OrderBy(f => f.Score ?? 3).ThenBy(f => f.Item2).ToList());
    }

    [Fact]
    public async Task Caring_contacts_follow_a_crisis_conversation_once_each_and_STOP_ends_them_and_holds_check_ins_until_START()
    {
        var (line, team) = await app.LineAsync("caring", "+15075550150");
        var (responder, _) = await app.ResponderAsync("caring@lines.test", team);
        const string texter = "+15555550151";
        var (admin, _) = await Staff.SignedInAsync(app, "caring-admin@lines.test", Roles.Admin);
        var allWeek = LineSetup.Weekdays.ToDictionary(w => w.Code, _ => new[] { "00:00-24:00" });
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/lines/{line}",
            LinesAdminApiTests.Body("caring", team, "+15075550150", hours: allWeek, caring: ["1d", "3d", "1m"]))).StatusCode);
        await TextAsync(texter, "I feel hopeless and I want to die", "+15075550150");
        var taken = await responder.PostAsync("/api/lines/queue/next", null);
        var crisis = (await taken.Content.ReadFromJsonAsync<Kith.Lines.Queue.ConversationSummary>())!;
        Assert.Contains("form-caring-offer", await responder.GetStringAsync($"/staff/lines/conversations/{crisis.Id}"));
        Assert.Equal(HttpStatusCode.BadRequest, (await responder.PostAsJsonAsync($"/api/lines/conversations/{crisis.Id}/caring-contacts", new { senderName = "" })).StatusCode);
        var offered = await Staff.PostFormAsync(responder, $"/staff/lines/conversations/{crisis.Id}/caring-contacts", "caring-offer", [new("senderName", "Sam")]);
        Assert.Equal($"/staff/lines/conversations/{crisis.Id}", Staff.RedirectPath(offered)); // the page's form, as a responder sends it
        Assert.Equal(HttpStatusCode.Conflict, (await responder.PostAsJsonAsync($"/api/lines/conversations/{crisis.Id}/caring-contacts", new { senderName = "Sam" })).StatusCode);
        var local = Local(app.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Created, (await responder.PostAsJsonAsync("/api/lines/check-ins", new
            { line, number = texter, language = "en", consentHow = "texted YES", time = "09:00", everyDays = 1 })).StatusCode);
        await DueAsync();
        Assert.Equal(2, Sent(texter).Count(t => t.Contains("Reply YES")));
        Assert.Contains("set up", await TextAsync(texter, "yes", "+15075550150")); // both confirmed; kept in the open conversation
        Assert.Equal(HttpStatusCode.NoContent, (await responder.PostAsJsonAsync($"/api/lines/conversations/{crisis.Id}/close", new { disposition = "supported" })).StatusCode);
        Assert.Equal(3, (await ReadAsync(db => db.LineCheckIns.SingleAsync(c => c.Kind == "caring" && c.LineId == line))).DueDates.Split(' ').Length); // the line's own schedule

        // Day 1 at 10:00 local: one caring contact, signed with the chosen name; and the 09:00 check-in.
        var day1 = new DateTimeOffset(local.Date.AddDays(1).AddHours(10), Chicago.GetUtcOffset(local.Date.AddDays(1).AddHours(10)));
        app.Clock.Advance(day1 - app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await DueAsync();
        await DueAsync();
        var caring = Assert.Single(Sent(texter), t => t.Contains("Thinking of you"));
        Assert.EndsWith("— Sam", caring);
        Assert.DoesNotContain("crisis", caring, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Sent(texter), t => t.Contains("How are you doing today"));

        Assert.Equal("Thank you.", await TextAsync(texter, "5", "+15075550150"));
        await TextAsync(texter, "thank you for the note, still a rough week", "+15075550150");
        var reply = await OpenConversationAsync(texter);
        Assert.Equal((ConversationStatuses.Waiting, line), (reply!.Status, reply.LineId));

        // STOP: the caring contacts end and forget the number; the check-ins keep their schedule but nothing is sent.
        await TextAsync(texter, "STOP", "+15075550150");
        var schedules = await ReadAsync(db => db.LineCheckIns.Where(c => c.SenderHash == Hash(texter)).OrderBy(c => c.Kind).ToListAsync());
        Assert.Equal(("caring", CheckInStatuses.Stopped, (string?)null), (schedules[0].Kind, schedules[0].Status, schedules[0].Number));
        Assert.Equal(("check-in", CheckInStatuses.Active), (schedules[1].Kind, schedules[1].Status));
        var before = Sent(texter).Count;
        app.Clock.Advance(TimeSpan.FromDays(7));
        await DueAsync();
        Assert.Equal(before, Sent(texter).Count);
        Assert.Equal("skipped", await ReadAsync(db => db.LineCheckInSends.Where(s => s.CheckInId == schedules[1].Id).OrderByDescending(s => s.DueAt).Select(s => s.Status).FirstAsync()));

        // START: the check-ins resume at their next due time; the caring contacts stay ended.
        await TextAsync(texter, "START", "+15075550150");
        app.Clock.Advance(TimeSpan.FromDays(1));
        await DueAsync();
        Assert.Equal(before + 1, Sent(texter).Count);
        Assert.Contains("How are you doing today", Sent(texter)[^1]);
        Assert.Single(Sent(texter), t => t.Contains("Thinking of you"));
    }

    [Fact]
    public void A_nine_oclock_check_in_stays_at_nine_local_across_the_March_change_in_Chicago()
    {
        var checkIn = new CheckIn
        {
            Kind = CheckInKinds.CheckIn, SenderHash = "", Language = "en", ConsentHow = "", LocalMinutes = 9 * 60,
            Weekdays = "monday tuesday wednesday thursday friday saturday sunday",
        };
        var at = new DateTime(2027, 3, 12, 16, 0, 0, DateTimeKind.Utc); // Friday 10:00 CST
        var due = new List<DateTime>();
        for (var i = 0; i < 4; i++) due.Add((at = CheckInSchedule.NextCheckIn(checkIn, Chicago, at)!.Value));
        Assert.Equal(new DateTime[] { new(2027, 3, 13, 15, 0, 0), new(2027, 3, 14, 14, 0, 0), new(2027, 3, 15, 14, 0, 0), new(2027, 3, 16, 14, 0, 0) }, due);
        Assert.All(due, d => Assert.Equal(9, TimeZoneInfo.ConvertTimeFromUtc(d, Chicago).Hour));
        checkIn.LocalMinutes = 2 * 60 + 30; // skipped on the Sunday: an hour later, never not at all
        Assert.Equal(new DateTime(2027, 3, 14, 8, 30, 0), CheckInSchedule.NextCheckIn(checkIn, Chicago, new DateTime(2027, 3, 14, 5, 0, 0, DateTimeKind.Utc)));
    }

    private static DateTimeOffset Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Chicago);

    private static DateTimeOffset NextLocal(DateTimeOffset local)
    {
        var next = local.DateTime.AddDays(1);
        return new DateTimeOffset(next, Chicago.GetUtcOffset(next));
    }

    private List<string> Sent(string number) => [.. app.Gateway.Received.Where(s => s.To == number).Select(s => s.Body ?? "")];

    /// <summary>The due job run as two nodes would race for it (twice), then the outbox until empty.</summary>
    private async Task DueAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == "lines.check-ins-due").RunAsync(CancellationToken.None);
        }
        while (await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None) > 0) { }
    }

    private async Task<string> TextAsync(string from, string body, string to = "+15075550140")
    {
        var response = await app.TextAsync(to, from, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        return System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Message")?.Value ?? "";
    }

    private string Hash(string number) => app.Services.GetRequiredService<SenderKey>().Hash(SenderKey.Normalize(number));

    private Task<T> ReadAsync<T>(Func<KithDb, Task<T>> read) => Concerns.ConcernData.ReadAsync(app, read);

    private Task<Conversation?> OpenConversationAsync(string number) =>
        ReadAsync(db => db.LineConversations.AsNoTracking().Where(c => c.SenderHash == Hash(number) && c.ClosedAt == null).SingleOrDefaultAsync());

    private async Task<string> CrisisAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<CrisisText>().In("en");
    }
}
