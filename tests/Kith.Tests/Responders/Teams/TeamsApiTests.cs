using System.Net.Http.Json;
using System.Text.Json;
using Kith.Tests.Concerns;
using Kith.Tests.Concerns.Admin;
using static Kith.Tests.Concerns.Admin.AdminApi;

namespace Kith.Tests.Responders.Teams;

/// <summary><c>/api/concerns/admin/teams</c>: teams, members and the rota, validated, audited, and for administrators only.</summary>
[Trait("Category", "Integration")]
public sealed class TeamsApiTests(RoutingAdminApp app) : IClassFixture<RoutingAdminApp>
{
    [Fact]
    public async Task An_admin_creates_changes_and_switches_off_a_team_and_every_change_is_audited_with_ids_only()
    {
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin@teams-api.test", Roles.Admin);
        var lead = await PersonAsync(app, "lead@teams-api.test");
        var org = await Staff.AddOrganisationAsync(app, "Teams API High");
        var backup = await CreateTeamAsync(admin, "Teams API county");

        var id = await CreateTeamAsync(admin, "Teams API school team", lead, org, backup);
        var team = await JsonAsync(await admin.GetAsync($"{Root}/teams/{id}"), HttpStatusCode.OK);
        Assert.Equal(("Teams API school team", lead, backup), (team.GetProperty("name").GetString(), team.GetProperty("leadUserId").GetString(), team.GetProperty("backupTeamId").GetGuid()));
        Assert.Equal("Teams API High", team.GetProperty("organisationName").GetString());
        Assert.Equal(lead, team.GetProperty("members")[0].GetProperty("person").GetProperty("id").GetString()); // the lead joined the new team

        var renamed = await JsonAsync(await admin.PutAsJsonAsync($"{Root}/teams/{id}",
            new { name = "Teams API school safety team", organisationId = org, leadUserId = lead, backupTeamId = backup, active = false }), HttpStatusCode.OK);
        Assert.False(renamed.GetProperty("active").GetBoolean());
        var list = await JsonAsync(await admin.GetAsync($"{Root}/teams"), HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("name").GetString() == "Teams API school safety team");

        Assert.Equal(["concerns.team-created", "concerns.team-updated"], await AuditActionsAsync(app, id.ToString()));
        var entries = await ConcernData.ReadAsync(app, db => db.AuditEntries.Where(e => e.SubjectId == id.ToString()).ToListAsync());
        Assert.All(entries, e => Assert.Equal((adminId, "concern-team"), (e.ActorId, e.SubjectType)));
        Assert.All(entries, e => Assert.DoesNotContain("school", e.Detail ?? "", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Bad_teams_are_refused_with_the_field_named_and_unknown_ids_are_404()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-bad@teams-api.test", Roles.Admin);
        var coordinator = await PersonAsync(app, "coord@teams-api.test", Roles.Coordinator);
        var stranger = await PersonAsync(app, "stranger@teams-api.test");
        var id = await CreateTeamAsync(admin, "Teams API validation");

        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/teams", new { name = "  " }), "name");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/teams", new { name = new string('x', 201) }), "name");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/teams", new { name = "X", organisationId = Guid.NewGuid() }), "organisationId");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/teams", new { name = "X", leadUserId = coordinator }), "leadUserId");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/teams", new { name = "X", backupTeamId = Guid.NewGuid() }), "backupTeamId");
        await AssertInvalidAsync(await admin.PutAsJsonAsync($"{Root}/teams/{id}", new { name = "Teams API validation", backupTeamId = id }), "backupTeamId");
        await AssertInvalidAsync(await admin.PutAsJsonAsync($"{Root}/teams/{id}", new { name = "Teams API validation", leadUserId = stranger }), "leadUserId");
        await AssertConflictAsync(await admin.PostAsJsonAsync($"{Root}/teams", new { name = "Teams API validation" }), "already exists");

        foreach (var path in new[] { $"/teams/{Guid.NewGuid()}", $"/teams/{Guid.NewGuid()}/shifts", $"/teams/{Guid.NewGuid()}/on-call" })
        {
            var missing = await admin.GetAsync(Root + path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"{Root}/teams/{Guid.NewGuid()}", new { name = "Nobody" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Root}/teams/{id}/members/{stranger}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Root}/teams/{id}/shifts/{Guid.NewGuid()}")).StatusCode);
        Assert.Empty(await AuditActionsAsync(app, id.ToString()).ContinueWith(t => t.Result.Skip(1).ToList()));
    }

    [Fact]
    public async Task Members_join_with_alert_settings_leave_with_their_shifts_and_the_lead_cannot_leave()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-members@teams-api.test", Roles.Admin);
        var lead = await PersonAsync(app, "lead-m@teams-api.test");
        var member = await PersonAsync(app, "member-m@teams-api.test");
        var leader = await PersonAsync(app, "leader-m@teams-api.test", Roles.Leader);
        var id = await CreateTeamAsync(admin, "Teams API members", lead);

        var team = await JsonAsync(await admin.PutAsJsonAsync($"{Root}/teams/{id}/members/{member}", new { emailAlerts = false, smsAlerts = true }), HttpStatusCode.OK);
        var added = team.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("person").GetProperty("id").GetString() == member);
        Assert.Equal((false, true), (added.GetProperty("emailAlerts").GetBoolean(), added.GetProperty("smsAlerts").GetBoolean()));
        await AssertInvalidAsync(await admin.PutAsJsonAsync($"{Root}/teams/{id}/members/{leader}", new { }), "userId");
        await AssertInvalidAsync(await admin.PutAsJsonAsync($"{Root}/teams/{id}/members/no-such-person", new { }), "userId");

        var start = app.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await JsonAsync(await admin.PostAsJsonAsync($"{Root}/teams/{id}/shifts", new { userId = member, startsAt = start, endsAt = start.AddHours(8) }), HttpStatusCode.Created);

        await AssertConflictAsync(await admin.DeleteAsync($"{Root}/teams/{id}/members/{lead}"), "leads the team");
        await JsonAsync(await admin.DeleteAsync($"{Root}/teams/{id}/members/{member}"), HttpStatusCode.NoContent);
        var after = await JsonAsync(await admin.GetAsync($"{Root}/teams/{id}"), HttpStatusCode.OK);
        Assert.Equal(1, after.GetProperty("members").GetArrayLength());
        Assert.Equal(0, after.GetProperty("upcomingShifts").GetArrayLength());
        Assert.Equal(["concerns.team-created", "concerns.team-member-added", "concerns.shift-added", "concerns.team-member-removed"],
            await AuditActionsAsync(app, id.ToString()));
    }

    [Fact]
    public async Task Shifts_in_local_time_overlap_visibly_and_say_who_is_on_call_as_the_clock_moves()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-rota@teams-api.test", Roles.Admin);
        var early = await PersonAsync(app, "early@teams-api.test");
        var late = await PersonAsync(app, "late@teams-api.test");
        var id = await CreateTeamAsync(admin, "Teams API rota", early);
        await admin.PutAsJsonAsync($"{Root}/teams/{id}/members/{late}", new { });
        // The clock says 09:00 on 1 March 2027 in Chicago (UTC-6). Local times carry no offset.
        var first = await JsonAsync(await admin.PostAsJsonAsync($"{Root}/teams/{id}/shifts",
            new { userId = early, startsAt = "2027-03-01T10:00:00", endsAt = "2027-03-01T18:00:00" }), HttpStatusCode.Created);
        Assert.Equal(new DateTime(2027, 3, 1, 16, 0, 0), first.GetProperty("startsAtUtc").GetDateTime());
        await JsonAsync(await admin.PostAsJsonAsync($"{Root}/teams/{id}/shifts",
            new { userId = late, startsAt = "2027-03-01T17:00:00", endsAt = "2027-03-02T01:00:00" }), HttpStatusCode.Created);

        Assert.Equal(0, (await JsonAsync(await admin.GetAsync($"{Root}/teams/{id}/on-call"), HttpStatusCode.OK)).GetArrayLength());
        app.Clock.Advance(TimeSpan.FromHours(2)); // 11:00
        Assert.Equal([early], await OnCallAsync(admin, id));
        app.Clock.Advance(TimeSpan.FromHours(6.5)); // 17:30: both
        Assert.Equal(new[] { early, late }.Order(), (await OnCallAsync(admin, id)).Order());
        var shifts = await JsonAsync(await admin.GetAsync($"{Root}/teams/{id}/shifts"), HttpStatusCode.OK);
        Assert.All(shifts.EnumerateArray(), s => Assert.True(s.GetProperty("overlaps").GetBoolean()));
        app.Clock.Advance(TimeSpan.FromHours(1)); // 18:30
        Assert.Equal([late], await OnCallAsync(admin, id));
        app.Clock.Advance(TimeSpan.FromHours(-9.5)); // back to 09:00 for the other tests
    }

    [Fact]
    public async Task Bad_shifts_are_refused()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-shifts@teams-api.test", Roles.Admin);
        var member = await PersonAsync(app, "member-s@teams-api.test");
        var outsider = await PersonAsync(app, "outsider-s@teams-api.test");
        var id = await CreateTeamAsync(admin, "Teams API bad shifts", member);
        async Task Refused(object body, string field) => await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/teams/{id}/shifts", body), field);

        await Refused(new { userId = member, startsAt = "2027-03-02T10:00:00", endsAt = "2027-03-02T09:00:00" }, "endsAt");
        // 31 days and a minute of real time: the clocks go forward an hour on 14 March, so 11:01 local.
        await Refused(new { userId = member, startsAt = "2027-03-02T10:00:00", endsAt = "2027-04-02T11:01:00" }, "endsAt");
        await Refused(new { userId = member, startsAt = "2027-02-01T10:00:00", endsAt = "2027-02-02T10:00:00" }, "endsAt"); // over already
        await Refused(new { userId = outsider, startsAt = "2027-03-02T10:00:00", endsAt = "2027-03-02T18:00:00" }, "userId");
        await Refused(new { userId = member, endsAt = "2027-03-02T18:00:00" }, "startsAt");
        await Refused(new { userId = member, startsAt = "2027-03-14T02:30:00", endsAt = "2027-03-14T08:00:00" }, "startsAt"); // the clocks skip 2:30
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Root}/teams/{id}/shifts",
            new StringContent("""{"userId":"x","startsAt":"not a time"}""", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(["concerns.team-created"], await AuditActionsAsync(app, id.ToString()));
    }

    [Fact]
    public async Task A_team_whose_members_are_all_gone_is_flagged_nobody_to_page()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-gone@teams-api.test", Roles.Admin);
        var member = await PersonAsync(app, "gone@teams-api.test");
        var id = await CreateTeamAsync(admin, "Teams API gone", member);
        Assert.False(await NobodyToPageAsync(admin, id));

        // Their account is locked (as an admin does when someone leaves).
        await ConcernData.ReadAsync(app, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == member);
            user.LockoutEnd = DateTimeOffset.MaxValue;
            return await db.SaveChangesAsync();
        });

        Assert.True(await NobodyToPageAsync(admin, id));
        var team = await JsonAsync(await admin.GetAsync($"{Root}/teams/{id}"), HttpStatusCode.OK);
        Assert.False(team.GetProperty("members")[0].GetProperty("person").GetProperty("pageable").GetBoolean());
    }

    [Fact]
    public async Task Responders_and_anonymous_callers_are_refused()
    {
        var (responder, _) = await Staff.SignedInAsync(app, "responder@teams-api.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Teams API denied"));
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.GetAsync($"{Root}/teams")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.PostAsJsonAsync($"{Root}/teams", new { name = "Sneaky" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.GetAsync($"{Root}/responders")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync($"{Root}/teams")).StatusCode);
        Assert.False(await ConcernData.ReadAsync(app, db => db.Teams.AnyAsync(t => t.Name == "Sneaky")));
    }

    private static async Task<List<string>> OnCallAsync(HttpClient admin, Guid id) =>
        (await JsonAsync(await admin.GetAsync($"{Root}/teams/{id}/on-call"), HttpStatusCode.OK)).EnumerateArray()
            .Select(p => p.GetProperty("id").GetString()!).ToList();

    private static async Task<bool> NobodyToPageAsync(HttpClient admin, Guid id) =>
        (await JsonAsync(await admin.GetAsync($"{Root}/teams"), HttpStatusCode.OK)).EnumerateArray()
            .Single(t => t.GetProperty("id").GetGuid() == id).GetProperty("nobodyToPage").GetBoolean();
}
