using System.Net.Http.Json;
using System.Text.Json;
using Kith.Tests.Groups;
using Kith.Tests.ServiceDirectory.Editing;

namespace Kith.Tests.Volunteers;

/// <summary>People who help on the GroupsApp's stopped clock (Monday 1 March 2027, 9 am in Riverbend), with its community centre.</summary>
public sealed class VolunteersApp : KithApp
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero));

    public VolunteersApp() => Time = Clock;

    private Task<Setting>? setting;

    internal Task<Setting> SettingAsync()
    {
        lock (this) return setting ??= Setting.CreateAsync(this);
    }
}

/// <summary>
/// People who help through HTTP (issue 15, item 5): certificates stand current, expiring soon or lapsed; someone whose
/// required training lapsed cannot be scheduled to lead a group until they renew (the refusal names them and stores
/// nothing); supervision notes are encrypted and read only by the supervisor and the person (each read audited); renewal
/// reminders and lapse notices go by the person's route, on their day, once, never past STOP; bad input is refused
/// naming the field and stores nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VolunteersTests(VolunteersApp app) : IClassFixture<VolunteersApp>
{
    private static readonly Guid Pfa = Guid.Parse("0193a5f0-0000-7000-8000-000000000001");

    [Fact]
    public async Task A_leader_whose_required_certificate_lapsed_cannot_be_scheduled_until_it_is_renewed()
    {
        var s = await app.SettingAsync();
        var abdi = await AddAsync(s.Coordinator, "Abdi", certifiedOn: "2024-02-01");  // PFA until 31 January 2027: lapsed
        var joe = await AddAsync(s.Coordinator, "Joe", certifiedOn: "2026-01-10");    // until 9 January 2029
        var carol = await AddAsync(s.Coordinator, "Carol", certifiedOn: "2024-03-20"); // until 19 March 2027: expiring soon
        var nell = await AddAsync(s.Coordinator, "Nell");

        var lapsed = await s.Coordinator.PostAsJsonAsync("/api/groups", Pod(s.Hall, "Lapsed pod", [abdi]));
        Assert.Equal(HttpStatusCode.BadRequest, lapsed.StatusCode);
        var refusal = (await lapsed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("leaders")[0].GetString();
        Assert.Equal("Abdi's Psychological First Aid certificate lapsed on 31 January 2027: they cannot be scheduled to lead until it is renewed.", refusal);
        var none = await s.Coordinator.PostAsJsonAsync("/api/groups", Pod(s.Hall, "Lapsed pod", [nell]));
        Assert.Contains("Nell holds no Psychological First Aid certificate", await none.Content.ReadAsStringAsync());
        Assert.Equal(0, await DirectoryData.ReadAsync(app, db => db.Groups.CountAsync(g => g.Name == "Lapsed pod")));

        var created = await s.Coordinator.PostAsJsonAsync("/api/groups", Pod(s.Hall, "Led pod", [joe, carol])); // Carol's ends before the last session: allowed
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var group = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var adding = await s.Coordinator.PutAsJsonAsync($"/api/groups/{group}", Pod(s.Hall, "Led pod", [joe, abdi]));
        Assert.Equal(HttpStatusCode.BadRequest, adding.StatusCode);
        Assert.Equal(new[] { joe, carol }.Order(), (await LeadersAsync(s, group)).Order());

        var renewed = await s.Coordinator.PostAsJsonAsync($"/api/volunteers/{abdi}/certifications", new { trainingId = Pfa, completedOn = "2027-02-27" });
        Assert.Equal(HttpStatusCode.Created, renewed.StatusCode);
        var now = await s.Coordinator.PutAsJsonAsync($"/api/groups/{group}", Pod(s.Hall, "Led pod", [joe, abdi]));
        Assert.True(now.StatusCode == HttpStatusCode.OK, await now.Content.ReadAsStringAsync());
        Assert.Equal(new[] { joe, abdi }.Order(), (await LeadersAsync(s, group)).Order());

        var list = await s.Coordinator.GetFromJsonAsync<JsonElement>("/api/volunteers");
        string Standing(Guid id) => list.EnumerateArray().Single(v => v.GetProperty("id").GetGuid() == id).GetProperty("certificates")[0].GetProperty("standing").GetString()!;
        Assert.Equal(("current", "expiring-soon", "current"), (Standing(abdi), Standing(carol), Standing(joe)));
        var page = await s.Coordinator.GetStringAsync($"/staff/groups/{group}");
        Assert.Contains($"href=\"/staff/volunteers/{abdi}\"", page);
        Assert.Contains("Psychological First Aid until 2030-02-26", page);

        var (elsewhere, _) = await Staff.SignedInAsync(app, "coord@elsewhere-volunteers.test", "coordinator", await Staff.AddOrganisationAsync(app, "Elsewhere (volunteers)"));
        var stranger = await AddAsync(elsewhere, "Stranger", certifiedOn: "2026-06-01");
        var foreign = await s.Coordinator.PutAsJsonAsync($"/api/groups/{group}", Pod(s.Hall, "Led pod", [joe, stranger]));
        Assert.Contains("Choose leaders among your organisation's active people who help.", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Supervision_notes_are_encrypted_and_read_only_by_the_supervisor_and_the_person_each_read_audited()
    {
        var s = await app.SettingAsync();
        var (supervisor, supervisorId) = await Staff.SignedInAsync(app, "sam@groups.test", "responder", s.Centre);
        var created = await s.Coordinator.PostAsJsonAsync("/api/volunteers", new { name = "Lena", role = "volunteer", contactRoute = "none", supervisorId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var code = body.GetProperty("code").GetString()!;
        const string text = "Lena asked for fewer evening sessions while her father is unwell.";

        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync($"/api/volunteers/{id}/notes", new { text })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Coordinator.PostAsJsonAsync($"/api/volunteers/{id}/notes", new { text = "Not theirs to write." })).StatusCode);
        var asCoordinator = await s.Coordinator.GetFromJsonAsync<JsonElement>($"/api/volunteers/{id}");
        Assert.Equal(JsonValueKind.Null, asCoordinator.GetProperty("notes").ValueKind);
        Assert.DoesNotContain(text, await s.Coordinator.GetStringAsync($"/staff/volunteers/{id}"));
        var asSupervisor = await supervisor.GetFromJsonAsync<JsonElement>($"/api/volunteers/{id}");
        Assert.Equal(text, asSupervisor.GetProperty("notes")[0].GetProperty("text").GetString());
        Assert.Contains(text, await supervisor.GetStringAsync($"/staff/volunteers/{id}"));

        var stored = await DirectoryData.ReadAsync(app, db => db.Database.SqlQueryRaw<string>("SELECT text AS \"Value\" FROM volunteers_supervision_notes").ToListAsync());
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, t => t.Contains("father"));

        using var anyone = app.Browser();
        var own = await Staff.PostFormAsync(anyone, "/volunteer/me", "open", [new("code", code.ToLowerInvariant())]);
        var html = await own.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Hello, Lena.", html);
        Assert.Contains(text, html);
        var wrong = await Staff.PostFormAsync(anyone, "/volunteer/me", "open", [new("code", "ABCD-EFGH-JKMN-PQRS-TVWX")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.True(wrongHtml.Contains("That code is not one we know."), wrongHtml);
        Assert.Equal(3, await DirectoryData.ReadAsync(app, db => db.AuditEntries.CountAsync(a => a.Action == "volunteers.notes-read" && a.SubjectId == id.ToString())));
    }

    [Fact]
    public async Task Renewal_reminders_and_lapse_notices_go_on_their_day_by_the_person_s_route_once_never_past_STOP()
    {
        var s = await app.SettingAsync();
        var (_, supervisorId) = await Staff.SignedInAsync(app, "rae@groups.test", "coordinator", s.Centre);
        var training = await TrainingAsync(s, "Reminder refresher", months: 12, renewalDays: 30);
        var today = new DateOnly(2027, 3, 1);
        // A certificate's last day is completion + 12 months − 1 day; its window opens 29 days before that.
        string Completed(int lastDayFromToday) => today.AddDays(lastDayFromToday + 1).AddMonths(-12).ToString("yyyy-MM-dd");
        var opensTomorrow = await AddAsync(s.Coordinator, "Tomas", "sms", "507 555 0191", training, Completed(30), supervisorId);
        var opensToday = await AddAsync(s.Coordinator, "Tara", "sms", "507 555 0192", training, Completed(29), supervisorId);
        var stopped = await AddAsync(s.Coordinator, "Stan", "sms", "507 555 0193", training, Completed(29));
        var lapsedYesterday = await AddAsync(s.Coordinator, "Lou", "email", "lou@example.org", training, Completed(-1), supervisorId);
        var lapsedLongAgo = await AddAsync(s.Coordinator, "Old", "email", "old@example.org", training, Completed(-8));
        var renewed = await AddAsync(s.Coordinator, "Ren", "email", "ren@example.org", training, Completed(-1));
        Assert.Equal(HttpStatusCode.Created, (await s.Coordinator.PostAsJsonAsync($"/api/volunteers/{renewed}/certifications", new { trainingId = training, completedOn = "2027-02-28" })).StatusCode);
        await StopAsync("+15075550193");

        await RunRemindersAsync();
        await RunRemindersAsync(); // again: nothing new
        var sent = (await DirectoryData.ReadAsync(app, db => db.Outbox.Where(o => o.IdempotencyKey!.StartsWith("message:volunteers:cert:")).Select(o => o.Payload).ToListAsync()))
            .Select(p => JsonSerializer.Deserialize<JsonElement>(p)).Select(m => $"{m.GetProperty("To").GetString()} {m.GetProperty("Body").GetString()}").ToList();
        var mine = sent.Where(p => new[] { "0191", "0192", "0193", "lou@", "old@", "ren@", "rae@groups.test" }.Any(p.Contains)).ToList();
        Assert.Equal(4, mine.Count); // Tara and her supervisor, Lou and his supervisor
        Assert.Contains(mine, p => p.Contains("+15075550192") && p.Contains("Reminder refresher certificate ends on 30 March 2027") && p.Contains("Reply STOP"));
        Assert.Contains(mine, p => p.Contains("rae@groups.test") && p.Contains("Tara's Reminder refresher certificate ends on 30 March 2027"));
        Assert.Contains(mine, p => p.Contains("lou@example.org") && p.Contains("ended on 28 February 2027") && p.Contains("cannot be scheduled to lead"));
        Assert.Contains(mine, p => p.Contains("rae@groups.test") && p.Contains("Lou's Reminder refresher certificate ended on 28 February 2027"));
        Assert.DoesNotContain(mine, p => p.Contains("+15075550191") || p.Contains("+15075550193") || p.Contains("old@") || p.Contains("ren@"));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_stores_nothing()
    {
        var s = await app.SettingAsync();
        var (supervisor, supervisorId) = await Staff.SignedInAsync(app, "bea@groups.test", "coordinator", s.Centre);
        async Task<string[]> FieldsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)];
        }
        Assert.Equal(["contactRoute", "name", "role"], (await FieldsAsync(await s.Coordinator.PostAsJsonAsync("/api/volunteers", new { }))).Order());
        Assert.Equal(["contact"], await FieldsAsync(await s.Coordinator.PostAsJsonAsync("/api/volunteers", new { name = "Bad", role = "volunteer", contactRoute = "sms", contact = "call me" })));
        Assert.Equal(["role"], await FieldsAsync(await s.Coordinator.PostAsJsonAsync("/api/volunteers", new { name = "Bad", role = "boss", contactRoute = "none" })));
        Assert.Equal(["supervisorId"], await FieldsAsync(await s.Coordinator.PostAsJsonAsync("/api/volunteers", new { name = "Bad", role = "volunteer", contactRoute = "none", supervisorId = "nobody" })));
        Assert.Equal(0, await DirectoryData.ReadAsync(app, db => db.Volunteers.CountAsync(v => v.Name == "Bad")));

        var id = await AddAsync(s.Coordinator, "Good", supervisorId: supervisorId);
        Assert.Equal(["completedOn"], await FieldsAsync(await s.Coordinator.PostAsJsonAsync($"/api/volunteers/{id}/certifications", new { trainingId = Pfa, completedOn = "2027-03-02" })));
        Assert.Equal(["completedOn"], await FieldsAsync(await s.Coordinator.PostAsJsonAsync($"/api/volunteers/{id}/certifications", new { trainingId = Pfa, completedOn = "1 March" })));
        Assert.Equal(["trainingId"], await FieldsAsync(await s.Coordinator.PostAsJsonAsync($"/api/volunteers/{id}/certifications", new { trainingId = Guid.NewGuid(), completedOn = "2027-01-02" })));
        Assert.Equal(["expiresOn"], await FieldsAsync(await s.Coordinator.PostAsJsonAsync($"/api/volunteers/{id}/certifications", new { trainingId = Pfa, completedOn = "2027-01-02", expiresOn = "2026-01-01" })));
        Assert.Equal(0, await DirectoryData.ReadAsync(app, db => db.Certifications.CountAsync(c => c.VolunteerId == id)));
        Assert.Equal(["validMonths"], await FieldsAsync(await s.Coordinator.PostAsJsonAsync("/api/volunteers/trainings", new { name = "Bad course", kind = "custom", validMonths = 0 })));
        Assert.Equal(["forEveryone"], await FieldsAsync(await s.Coordinator.PostAsJsonAsync("/api/volunteers/trainings", new { name = "Bad course", kind = "custom", validMonths = 12, forEveryone = true })));
        Assert.Equal(["name"], await FieldsAsync(await s.Coordinator.PostAsJsonAsync("/api/volunteers/trainings", new { name = "Psychological First Aid", kind = "pfa", validMonths = 12 })));
        Assert.Equal(["text"], await FieldsAsync(await supervisor.PostAsJsonAsync($"/api/volunteers/{id}/notes", new { text = " " })));
        Assert.Equal(0, await DirectoryData.ReadAsync(app, db => db.Trainings.CountAsync(t => t.Name == "Bad course")));
        Assert.Equal(0, await DirectoryData.ReadAsync(app, db => db.SupervisionNotes.CountAsync(n => n.VolunteerId == id)));

        var page = await Staff.PostFormAsync(s.Coordinator, "/staff/volunteers/new", "volunteer", [new("name", ""), new("role", "volunteer"), new("contactRoute", "sms"), new("contact", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#volunteer-name\"", html);
        Assert.Contains("href=\"#volunteer-contact\"", html);
    }

    [Fact]
    public async Task A_coordinator_adds_someone_on_the_page_sees_their_code_once_and_records_a_certificate()
    {
        var s = await app.SettingAsync();
        var added = await Staff.PostFormAsync(s.Coordinator, "/staff/volunteers/new", "volunteer",
            [new("name", "Paz"), new("role", "ambassador"), new("contactRoute", "email"), new("contact", "paz@example.org")]);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("id=\"volunteer-created\"", html);
        Assert.Matches("id=\"volunteer-code\" translate=\"no\">[0-9A-Z]{4}(-[0-9A-Z]{4}){4}<", html);
        var id = Guid.Parse(System.Text.RegularExpressions.Regex.Match(html, "href=\"/staff/volunteers/([0-9a-f-]{36})\"").Groups[1].Value);

        var certified = await Staff.PostFormAsync(s.Coordinator, $"/staff/volunteers/{id}", "certify", [new("trainingId", Pfa.ToString()), new("completedOn", "2027-02-20"), new("expiresOn", "")]);
        Assert.Equal(HttpStatusCode.Redirect, certified.StatusCode);
        var page = await s.Coordinator.GetStringAsync($"/staff/volunteers/{id}?done=certified");
        Assert.Contains("id=\"volunteer-done\"", page);
        Assert.Contains("2030-02-19", page); // 36 months, less a day
        Assert.Contains("Paz", await s.Coordinator.GetStringAsync("/staff/volunteers"));
    }

    [Fact]
    public async Task Anyone_signs_up_without_an_account_once_however_often_the_form_is_sent_and_coordinators_learn_only_that_someone_did()
    {
        var s = await app.SettingAsync();
        var offered = await s.Coordinator.PostAsJsonAsync("/api/volunteers/opportunities", new
        {
            title = "Walk leader", description = "Lead the river walk.", commitment = "One morning a week", role = "volunteer", trainingId = Pfa,
        });
        Assert.Equal(HttpStatusCode.Created, offered.StatusCode);
        var id = (await offered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var anyone = app.Browser();
        Assert.Contains($"href=\"/volunteer/{id}\"", await anyone.GetStringAsync("/volunteer"));

        var page = await anyone.GetStringAsync($"/volunteer/{id}");
        Assert.Contains("Psychological First Aid", page); // the training given first
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"submission\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        KeyValuePair<string, string>[] fields = [new("name", "Ines"), new("contactRoute", "sms"), new("contact", "507 555 0170"), new("submission", token)];
        var first = await (await Staff.PostFormAsync(anyone, $"/volunteer/{id}", "sign-up", fields)).Content.ReadAsStringAsync();
        var again = await (await Staff.PostFormAsync(anyone, $"/volunteer/{id}", "sign-up", fields)).Content.ReadAsStringAsync(); // a refresh
        string CodeIn(string html) => System.Text.RegularExpressions.Regex.Match(html, "id=\"volunteer-code\" translate=\"no\">([0-9A-Z-]{24})<").Groups[1].Value;
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", CodeIn(first));
        Assert.Equal(CodeIn(first), CodeIn(again));
        Assert.Equal(1, await DirectoryData.ReadAsync(app, db => db.Volunteers.CountAsync(v => v.OpportunityId == id && v.Status == "applied")));
        var told = (await DirectoryData.ReadAsync(app, db => db.Outbox.Where(o => o.IdempotencyKey!.StartsWith("message:volunteers:signup:")).Select(o => o.Payload).ToListAsync()))
            .Where(p => p.Contains("Walk leader")).ToList();
        Assert.Contains(told, p => p.Contains("hodan@groups.test"));
        Assert.DoesNotContain(told, p => p.Contains("Ines") || p.Contains("0170"));
        var list = await s.Coordinator.GetFromJsonAsync<JsonElement>("/api/volunteers");
        Assert.Contains(list.EnumerateArray(), v => v.GetProperty("name").GetString() == "Ines" && v.GetProperty("status").GetString() == "applied");
        var own = await Staff.PostFormAsync(anyone, "/volunteer/me", "open", [new("code", CodeIn(first))]);
        Assert.Contains("Hello, Ines.", await own.Content.ReadAsStringAsync());

        async Task<(HttpStatusCode, string)> ApiAsync(string key, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/public/volunteer-opportunities/{id}/sign-up") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await anyone.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var one = await ApiAsync("key-1", new { name = "Jon", contactRoute = "email", contact = "jon@example.org" });
        var two = await ApiAsync("key-1", new { name = "Jon", contactRoute = "email", contact = "jon@example.org" });
        Assert.Equal(HttpStatusCode.Created, one.Item1);
        Assert.Equal(one, two);
        Assert.Equal(1, await DirectoryData.ReadAsync(app, db => db.Volunteers.CountAsync(v => v.OpportunityId == id && v.ContactRoute == "email")));
        var bad = await ApiAsync("key-2", new { name = "", contactRoute = "none" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Item1);
        Assert.Contains("\"contactRoute\"", bad.Item2);
        Assert.Contains("\"name\"", bad.Item2);

        Assert.Equal(HttpStatusCode.OK, (await s.Coordinator.PutAsJsonAsync($"/api/volunteers/opportunities/{id}", new
        {
            title = "Walk leader", description = "Lead the river walk.", commitment = "One morning a week", role = "volunteer", open = false,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ApiAsync("key-3", new { name = "Late", contactRoute = "sms", contact = "507 555 0171" })).Item1);
        Assert.DoesNotContain($"href=\"/volunteer/{id}\"", await anyone.GetStringAsync("/volunteer"));
        Assert.Equal(2, await DirectoryData.ReadAsync(app, db => db.Volunteers.CountAsync(v => v.OpportunityId == id))); // Ines and Jon; nobody after it closed
    }

    [Fact]
    public async Task A_helper_checks_in_once_a_month_for_themselves_and_their_organisation_sees_only_ended_months_with_small_counts_hidden()
    {
        var s = await app.SettingAsync();
        var (_, supervisorId) = await Staff.SignedInAsync(app, "vera@groups.test", "coordinator", s.Centre);
        var created = await s.Coordinator.PostAsJsonAsync("/api/volunteers", new { name = "Wren", role = "lay-leader", contactRoute = "none", supervisorId });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (id, code) = (body.GetProperty("id").GetGuid(), body.GetProperty("code").GetString()!);
        using var phone = app.Browser();
        KeyValuePair<string, string>[] Answers(string each, int count = 5) =>
            [new("code", code), .. Enumerable.Range(1, count).Select(i => new KeyValuePair<string, string>($"item-{i}", each))];

        var partial = await Staff.PostFormAsync(phone, "/volunteer/me", "checkin", Answers("3", count: 4));
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        var partialHtml = await partial.Content.ReadAsStringAsync();
        Assert.True(partialHtml.Contains("Answer all five questions."), partialHtml[partialHtml.IndexOf("<main", StringComparison.Ordinal)..]);

        var low = await Staff.PostFormAsync(phone, "/volunteer/me", "checkin", Answers("1")); // raw 5 of 25: 20 of 100
        var html = await low.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, low.StatusCode);
        Assert.Contains("Very low well-being", html);
        Assert.Contains("20 of 100", html);
        Assert.Contains("If you are struggling, you do not have to wait", html); // the crisis lines, at once
        Assert.Contains("988", html);
        Assert.Contains("Ask my supervisor to get in touch", html);
        var again = await Staff.PostFormAsync(phone, "/volunteer/me", "checkin", Answers("5"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("You have checked in this month", await again.Content.ReadAsStringAsync());
        Assert.Contains("You have checked in this month", await (await Staff.PostFormAsync(phone, "/volunteer/me", "open", [new("code", code)])).Content.ReadAsStringAsync());

        var asked = await Staff.PostFormAsync(phone, "/volunteer/me", "reach-out", [new("code", code)]);
        Assert.Contains("We asked them to get in touch with you soon.", await asked.Content.ReadAsStringAsync());
        var emails = (await DirectoryData.ReadAsync(app, db => db.Outbox.Where(o => o.IdempotencyKey!.StartsWith($"message:volunteers:reach-out:{id}")).Select(o => o.Payload).ToListAsync()));
        Assert.Single(emails);
        Assert.Contains("vera@groups.test", emails[0]);
        var said = JsonDocument.Parse(emails[0]).RootElement.GetProperty("Body").GetString()!;
        Assert.Contains("Wren asked you to get in touch", said);
        Assert.DoesNotContain("20", said); // asked to get in touch, never told the score or the band
        Assert.DoesNotContain("low", said, StringComparison.OrdinalIgnoreCase);

        var stored = await DirectoryData.ReadAsync(app, db => db.Database.SqlQueryRaw<string>("SELECT result AS \"Value\" FROM volunteers_wellbeing_check_ins").ToListAsync());
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, r => r.Contains("depression") || r.Contains("item") || r.Contains("\"1\""));
        Assert.DoesNotContain(await s.Coordinator.GetStringAsync($"/staff/volunteers/{id}"), "20 of 100");

        // Two helpers checking in at the same moment, the month's first of their band, are both counted.
        var codes = new List<string>();
        foreach (var name in new[] { "Ari", "Bo" })
            codes.Add((await (await s.Coordinator.PostAsJsonAsync("/api/volunteers", new { name, role = "volunteer", contactRoute = "none" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
        KeyValuePair<string, string>[] Well(string c) => [new("code", c), .. Enumerable.Range(1, 5).Select(i => new KeyValuePair<string, string>($"item-{i}", "5"))];
        var both = await Task.WhenAll(codes.Select(c => Staff.PostFormAsync(app.Browser(), "/volunteer/me", "checkin", Well(c))));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, await DirectoryData.ReadAsync(app, db => db.WellbeingTallies.Where(t => t.OrganisationId == s.Centre && t.Month == "2027-03" && t.Band == "adequate").SumAsync(t => t.Count)));

        await DirectoryData.ReadAsync(app, async db =>
        {
            db.WellbeingTallies.AddRange(
                new Kith.Volunteers.Domain.WellbeingTally { OrganisationId = s.Centre, Month = "2027-02", Band = "adequate", Count = 14 },
                new Kith.Volunteers.Domain.WellbeingTally { OrganisationId = s.Centre, Month = "2027-02", Band = "poor", Count = 3 });
            return await db.SaveChangesAsync();
        });
        var page = await s.Coordinator.GetStringAsync("/staff/volunteers");
        Assert.Contains("<th scope=\"row\">2027-02</th>", page);
        Assert.DoesNotContain("<th scope=\"row\">2027-03</th>", page); // this month's counts still change: not shown
        var february = page[page.IndexOf("<th scope=\"row\">2027-02</th>", StringComparison.Ordinal)..];
        february = february[..february.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<td>3</td>", february);
        Assert.DoesNotContain("<td>14</td>", february); // shown beside the total, it would give the 3 away: hidden to protect it
        Assert.Contains("<td>17</td>", february);
    }

    private static object Pod(string location, string name, Guid[] leaders) => new
    {
        name, kind = "support-group", description = "A grief pod.", facilitators = "Peer leaders", locationId = location,
        firstStart = "2027-03-09T18:00", durationMinutes = 90, rule = "FREQ=WEEKLY;BYDAY=TU;COUNT=6", capacity = 8, language = "en",
        leaders, requiredTrainingId = Pfa,
    };

    private async Task<Guid> AddAsync(HttpClient coordinator, string name, string route = "none", string? contact = null, Guid? training = null,
        string? certifiedOn = null, string? supervisorId = null)
    {
        var created = await coordinator.PostAsJsonAsync("/api/volunteers", new { name, role = "lay-leader", contactRoute = route, contact, supervisorId });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (certifiedOn is not null)
        {
            var certified = await coordinator.PostAsJsonAsync($"/api/volunteers/{id}/certifications", new { trainingId = training ?? Pfa, completedOn = certifiedOn });
            Assert.True(certified.StatusCode == HttpStatusCode.Created, await certified.Content.ReadAsStringAsync());
        }
        return id;
    }

    private static async Task<Guid> TrainingAsync(Setting s, string name, int months, int renewalDays)
    {
        var created = await s.Coordinator.PostAsJsonAsync("/api/volunteers/trainings", new { name, kind = "custom", validMonths = months, renewalDays });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<IEnumerable<Guid>> LeadersAsync(Setting s, Guid group) =>
        (await s.Coordinator.GetFromJsonAsync<JsonElement>($"/api/groups/{group}")).GetProperty("leaders").EnumerateArray().Select(l => l.GetGuid()).ToList();

    private async Task RunRemindersAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<Kith.Platform.Jobs.IRecurringJob>().Single(j => j.Name == "volunteers.certification-reminders").RunAsync(CancellationToken.None);
    }

    private Task StopAsync(string number) => TextStops.StopAsync(app, number);
}
