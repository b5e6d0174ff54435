using System.Net.Http.Json;
using System.Text.Json;
using Kith.Lines.Routing;

namespace Kith.Tests.Lines;

/// <summary>
/// Routing on the hand-moved clock: a line's steps hold a conversation for speakers of the texter's language, then for
/// a skill, each for its seconds, then anyone on the line, then the backup line at the line's wait limit; a responder's
/// own limit comes from their profile and holds when they press twice at once; a supervisor's switchboard sends a
/// line's queue and new texts to another line until it ends.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RoutingTests(SmsLinesApp app) : IClassFixture<SmsLinesApp>
{
    [Fact]
    public async Task Relaxation_steps_fire_at_their_times_then_anyone_on_the_line_then_the_backup_line_and_the_profile_limit_holds()
    {
        var admin = (await Staff.SignedInAsync(app, "admin@routing.test", Roles.Admin)).Client;
        var (backup, backupTeam) = await app.LineAsync("route-county", "+15075551001");
        var (backupResponder, _) = await app.ResponderAsync("county@routing.test", backupTeam);
        var (line, team) = await app.LineAsync("route-es", "+15075551000");
        await app.EditLineAsync(line, l => { l.Languages = "es en"; l.BackupLineId = backup; l.MaxWaitRoutineSeconds = 400; });
        var bad = await admin.PutAsJsonAsync($"/api/lines/{line}/routing", new { steps = new object[] { new { language = false, seconds = 5 } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["steps[0]", "steps[0].seconds"], (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        var set = await admin.PutAsJsonAsync($"/api/lines/{line}/routing", new
        {
            steps = new object[] { new { language = true, seconds = 180 }, new { language = false, skill = "veterans", seconds = 120 } },
        });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(1, await app.AuditedAsync("lines.routing-set", line.ToString()));

        var (speaker, speakerId) = await app.ResponderAsync("hablo@routing.test", team);
        var (veteran, veteranId) = await app.ResponderAsync("veteran@routing.test", team);
        var (anyone, anyoneId) = await app.ResponderAsync("anyone@routing.test", team);
        await RoutingTestKit.ProfileAsync(admin, speakerId, ["en", "es"], []);
        await RoutingTestKit.ProfileAsync(admin, veteranId, ["en"], ["veterans"]);
        await RoutingTestKit.ProfileAsync(admin, anyoneId, ["en"], [], maxActive: 1);
        var mine = await anyone.GetFromJsonAsync<JsonElement>("/api/lines/responders/me/profile");
        Assert.Equal((1, false), (mine.GetProperty("maxActive").GetInt32(), mine.GetProperty("defaultLimit").GetBoolean()));

        await app.TextedAsync("+15075551000", "+15075551101", "hola, necesito hablar");   // A at 0 s
        await app.TextedAsync("+15075551000", "+15075551102", "hola, ¿hay alguien?");      // B at 1 s
        await app.TextedAsync("+15075551000", "+15075551103", "hola");                     // C at 2 s
        await app.TextedAsync("+15075551000", "+15075551104", "buenas noches");            // D at 3 s
        var (a, b, c, d) = ((await app.ConversationsAsync("+15075551101"))[0].Id, (await app.ConversationsAsync("+15075551102"))[0].Id,
            (await app.ConversationsAsync("+15075551103"))[0].Id, (await app.ConversationsAsync("+15075551104"))[0].Id);
        Assert.Equal(a, (await RoutingTestKit.NextAsync(speaker))?.Id); // a Spanish speaker at once

        app.Clock.Advance(TimeSpan.FromSeconds(179 - 3)); // B has waited 179 s
        Assert.Null(await RoutingTestKit.NextAsync(veteran));
        Assert.Null(await RoutingTestKit.NextAsync(anyone));
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // B 180 s: the skill step
        Assert.Null(await RoutingTestKit.NextAsync(anyone));
        Assert.Equal(b, (await RoutingTestKit.NextAsync(veteran))?.Id);

        app.Clock.Advance(TimeSpan.FromSeconds(120)); // C (2 s after A) has waited 299 s: still the skill step
        Assert.Null(await RoutingTestKit.NextAsync(anyone));
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // C 300 s: anyone on the line, the oldest first
        Assert.Equal(c, (await RoutingTestKit.NextAsync(anyone))?.Id);
        var full = await anyone.PostAsync("/api/lines/queue/next", null);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode); // their own limit is one
        Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);

        Assert.Null(await RoutingTestKit.NextAsync(backupResponder)); // D is not the backup's yet
        app.Clock.Advance(TimeSpan.FromSeconds(101)); // D (3 s after A) has waited 400 s: the line's limit
        await app.RunDueAsync();
        var rolled = await app.ConversationAsync(d);
        Assert.Equal((backup, (Guid?)line), (rolled.LineId, rolled.RolledFromLineId));
        Assert.Equal(d, (await RoutingTestKit.NextAsync(backupResponder))?.Id);
    }

    [Fact]
    public async Task The_same_responder_pressing_twice_at_once_never_holds_more_than_their_limit()
    {
        var admin = (await Staff.SignedInAsync(app, "admin2@routing.test", Roles.Admin)).Client;
        var (_, team) = await app.LineAsync("route-race", "+15075551010");
        var (responder, id) = await app.ResponderAsync("twice@routing.test", team);
        var refused = await admin.PutAsJsonAsync($"/api/lines/responders/{id}/profile", new { languages = new[] { "EN!" }, skills = new[] { "ok" }, maxActive = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["languages", "maxActive"], (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        await RoutingTestKit.ProfileAsync(admin, id, ["en"], [], maxActive: 1);
        for (var i = 0; i < 8; i++) await app.TextedAsync("+15075551010", $"+150755512{i:00}", "hello, anyone?");

        for (var round = 0; round < 4; round++)
        {
            var answers = await Task.WhenAll(responder.PostAsync("/api/lines/queue/next", null), responder.PostAsync("/api/lines/queue/next", null));
            Assert.True(answers.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1);
            var held = await Concerns.ConcernData.ReadAsync(app, db => db.LineConversations.Where(c => c.AssignedTo == id && c.Status == "active").Select(c => c.Id).ToListAsync());
            Assert.True(held.Count <= 1, $"round {round}: holds {held.Count}");
            foreach (var conversation in held)
                Assert.Equal(HttpStatusCode.NoContent, (await responder.PostAsJsonAsync($"/api/lines/conversations/{conversation}/close", new { disposition = "test" })).StatusCode);
        }
    }

    [Fact]
    public async Task The_switchboard_sends_the_waiting_queue_and_new_texts_to_the_target_line_until_it_ends()
    {
        var lead = await Staff.AddAsync(app, "lead@switchboard.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Switchboard org"));
        var (farm, farmTeam) = await app.LineAsync("switch-farm", "+15075551020", lead);
        var (county, _) = await app.LineAsync("switch-county", "+15075551021");
        var (member, _) = await app.ResponderAsync("member@switchboard.test", farmTeam);
        var supervisor = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(supervisor, "lead@switchboard.test")).StatusCode);
        await app.TextedAsync("+15075551020", "+15075551301", "long day on the farm");
        var waiting = (await app.ConversationsAsync("+15075551301"))[0].Id;

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/lines/{farm}/switchboard", new { toLineId = county, minutes = 120, reason = "staff meeting" })).StatusCode);
        var bad = await supervisor.PostAsJsonAsync($"/api/lines/{farm}/switchboard", new { toLineId = county, minutes = 0, reason = "staff meeting" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("minutes", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var started = await supervisor.PostAsJsonAsync($"/api/lines/{farm}/switchboard", new { toLineId = county, minutes = 120, reason = "staff meeting" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(1, await app.AuditedAsync("lines.switchboard-started", farm.ToString()));
        var moved = await app.ConversationAsync(waiting);
        Assert.Equal((county, (DateTime?)app.Now()), (moved.LineId, moved.QueuedAt));
        var listed = await supervisor.GetFromJsonAsync<JsonElement>("/api/lines/switchboard");
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("fromLineId").GetGuid() == farm && s.GetProperty("reason").GetString() == "staff meeting");

        await app.TextedAsync("+15075551020", "+15075551302", "can someone talk");
        Assert.Equal(county, (await app.ConversationsAsync("+15075551302"))[0].LineId); // straight to the target
        Assert.Null(await RoutingTestKit.NextAsync(member)); // the farm line's queue is empty meanwhile

        app.Clock.Advance(TimeSpan.FromMinutes(120));
        await app.TextedAsync("+15075551020", "+15075551303", "hello again");
        Assert.Equal(farm, (await app.ConversationsAsync("+15075551303"))[0].LineId); // ended at its time
        Assert.DoesNotContain((await supervisor.GetFromJsonAsync<JsonElement>("/api/lines/switchboard")).EnumerateArray(), s => s.GetProperty("fromLineId").GetGuid() == farm);

        // The console page: started again there, and ended by hand; each post lands on its result.
        var again = await Staff.PostFormAsync(supervisor, "/staff/lines/switchboard", "start",
            [new("fromLineId", farm.ToString()), new("toLineId", county.ToString()), new("minutes", "60"), new("reason", "Marker-switch-reason")]);
        Assert.Equal("/staff/lines/switchboard?done=started", RoutingTestKit.Landing(again));
        var switchId = (await supervisor.GetFromJsonAsync<JsonElement>("/api/lines/switchboard")).EnumerateArray()
            .Single(s => s.GetProperty("fromLineId").GetGuid() == farm).GetProperty("id").GetGuid();
        Assert.Contains("Marker-switch-reason", await supervisor.GetStringAsync("/staff/lines/switchboard"));
        var ended = await Staff.PostFormAsync(supervisor, "/staff/lines/switchboard", $"end-{switchId}", []);
        Assert.Equal("/staff/lines/switchboard?done=ended", RoutingTestKit.Landing(ended));
        Assert.Equal(1, await app.AuditedAsync("lines.switchboard-ended", farm.ToString()));
        await app.TextedAsync("+15075551020", "+15075551304", "hello once more");
        Assert.Equal(farm, (await app.ConversationsAsync("+15075551304"))[0].LineId);
    }
}

/// <summary>The relaxation rules alone: which step holds a conversation after so long, and who satisfies it.</summary>
public sealed class RoutingRulesTests
{
    private static readonly StepRule[] Steps = [new(true, null, 180), new(false, "veterans", 120)];
    private static readonly Speaker Spanish = new(new HashSet<string> { "es" }, new HashSet<string>());
    private static readonly Speaker Veteran = new(new HashSet<string> { "en" }, new HashSet<string> { "veterans" });

    [Theory]
    [InlineData(0, true, false, false)]
    [InlineData(179, true, false, false)]
    [InlineData(180, false, true, false)]
    [InlineData(299, false, true, false)]
    [InlineData(300, true, true, true)]
    public void Each_step_holds_for_its_seconds_then_the_next_then_anyone(int waited, bool spanish, bool veteran, bool nobody)
    {
        var at = TimeSpan.FromSeconds(waited);
        Assert.Equal((spanish, veteran, nobody),
            (RoutingRules.MayTake(Steps, at, "es", Spanish), RoutingRules.MayTake(Steps, at, "es", Veteran), RoutingRules.MayTake(Steps, at, "es", Speaker.Nobody)));
    }

    [Fact]
    public void No_steps_means_anyone_and_a_step_needs_a_match_and_sane_seconds()
    {
        Assert.True(RoutingRules.MayTake([], TimeSpan.Zero, "so", Speaker.Nobody));
        Assert.True(RoutingRules.MayTake([new(true, "veterans", 60)], TimeSpan.Zero, "en", new(new HashSet<string> { "en" }, new HashSet<string> { "veterans" })));
        Assert.False(RoutingRules.MayTake([new(true, "veterans", 60)], TimeSpan.Zero, "en", Veteran with { Skills = new HashSet<string>() }));
        Assert.Equal(["steps[0]", "steps[1].seconds", "steps[2].skill"],
            RoutingRules.CheckSteps([new(false, null, 60), new(true, null, 9), new(false, "Bad Skill", 60)]).Keys.Order());
        Assert.Contains("steps", RoutingRules.CheckSteps([.. Enumerable.Repeat(new StepRule(true, null, 60), 6)]).Keys);
        Assert.Empty(RoutingRules.CheckSteps([new(true, null, 180), new(false, "veterans", 120)]));
    }
}
