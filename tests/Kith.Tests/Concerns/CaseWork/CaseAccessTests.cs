using System.Text.Json;

namespace Kith.Tests.Concerns.CaseWork;

/// <summary>Only the routed team and administrators open a concern; everyone else is told nothing; every read is audited.</summary>
[Trait("Category", "Integration")]
public sealed class CaseAccessTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task The_routed_team_reads_it_and_each_read_is_audited_with_the_reader()
    {
        var desk = await CaseDesk.OpenAsync(app, "access-read");
        var (_, concern) = await desk.ReportAsync(narrative: "Marker-read: he gave away his games.");

        var api = await desk.Responder.GetAsync($"/api/concerns/{concern.Id}");
        var page = await desk.Responder.GetAsync($"/staff/concerns/{concern.Id}");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var json = await CaseDesk.JsonAsync(api);
        Assert.Equal(concern.Reference, json.GetProperty("reference").GetString());
        Assert.Equal("Marker-read: he gave away his games.", json.GetProperty("narrative").GetString());
        Assert.False(json.GetProperty("readAsAdmin").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(concern.Reference, await page.Content.ReadAsStringAsync());
        var reads = await ConcernData.ReadAsync(app, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "concern.read" && e.SubjectId == concern.Id.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(desk.ResponderId, r.ActorId));
        Assert.Contains("\"via\":\"api\"", reads[0].Detail);
        Assert.Contains("\"via\":\"page\"", reads[1].Detail);
        Assert.All(reads, r => Assert.DoesNotContain("Marker-read", r.Detail));
    }

    [Fact]
    public async Task Another_teams_responder_gets_404_on_the_api_and_the_denied_page_and_nothing_is_recorded_as_read()
    {
        var desk = await CaseDesk.OpenAsync(app, "access-own");
        var other = await CaseDesk.OpenAsync(app, "access-other");
        var (_, concern) = await desk.ReportAsync();
        var before = await ConcernData.ReadAsync(app, db => db.AuditEntries.CountAsync(e => e.SubjectId == concern.Id.ToString()));

        var api = await other.Responder.GetAsync($"/api/concerns/{concern.Id}");
        var missing = await other.Responder.GetAsync($"/api/concerns/{Guid.NewGuid()}");
        var page = await other.Responder.GetAsync($"/staff/concerns/{concern.Id}");
        var act = await CaseDesk.ActAsync(other.Responder, concern.Id, "acknowledge", new { });

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        // A concern that exists and one that does not get the same answer.
        Assert.Equal(Answer(await CaseDesk.JsonAsync(missing)), Answer(await CaseDesk.JsonAsync(api)));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/staff/denied", Staff.RedirectPath(page));
        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);
        Assert.Null((await desk.ReloadAsync(concern.Id)).AcknowledgedAt);
        Assert.Equal(before, await ConcernData.ReadAsync(app, db => db.AuditEntries.CountAsync(e => e.SubjectId == concern.Id.ToString())));
    }

    [Fact]
    public async Task Staff_who_are_not_responders_are_refused_whatever_the_id()
    {
        var desk = await CaseDesk.OpenAsync(app, "access-roles");
        var (_, concern) = await desk.ReportAsync();
        var (coordinator, coordinatorId) = await Staff.SignedInAsync(app, "coordinator@access-roles.test", Roles.Coordinator, desk.Organisation);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Even on the team: the role is what lets someone work on concerns at all.
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            db.TeamMembers.Add(new Kith.Responders.Domain.TeamMember { TeamId = desk.Team, UserId = coordinatorId });
            await db.SaveChangesAsync();
        }

        var api = await coordinator.GetAsync($"/api/concerns/{concern.Id}");
        var page = await coordinator.GetAsync($"/staff/concerns/{concern.Id}");
        var anonymous = await app.Browser().GetAsync($"/api/concerns/{concern.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("/staff/denied", Staff.RedirectPath(page));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, await desk.AuditCountAsync("concern.read", concern.Id));
    }

    [Fact]
    public async Task An_administrator_reads_any_concern_and_the_audit_says_it_was_as_administrator()
    {
        var desk = await CaseDesk.OpenAsync(app, "access-admin");
        var (_, concern) = await desk.ReportAsync();
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin@access-admin.test", Roles.Admin);

        var api = await admin.GetAsync($"/api/concerns/{concern.Id}");
        var page = await admin.GetStringAsync($"/staff/concerns/{concern.Id}");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True((await CaseDesk.JsonAsync(api)).GetProperty("readAsAdmin").GetBoolean());
        Assert.Contains("as an administrator", page);
        var reads = await ConcernData.ReadAsync(app, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "concern.read" && e.SubjectId == concern.Id.ToString()).ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(adminId, r.ActorId));
        Assert.All(reads, r => Assert.Equal(JsonValueKind.True, JsonDocument.Parse(r.Detail!).RootElement.GetProperty("asAdmin").ValueKind));
    }

    [Fact]
    public async Task A_concern_no_rule_routed_is_for_administrators_only()
    {
        var desk = await CaseDesk.OpenAsync(app, "access-unrouted");
        var (admin, _) = await Staff.SignedInAsync(app, "admin@access-unrouted.test", Roles.Admin);
        // No organisation: none of the desks' rules match.
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine("Marker-unrouted"));
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        Assert.Null(concern.TeamId);

        Assert.Equal(HttpStatusCode.NotFound, (await desk.Responder.GetAsync($"/api/concerns/{concern.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/concerns/{concern.Id}")).StatusCode);
        var acknowledged = await CaseDesk.ActAsync(admin, concern.Id, "acknowledge", new { revision = concern.Revision });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
    }

    [Fact]
    public async Task Every_action_is_audited_with_ids_and_codes_only()
    {
        var desk = await CaseDesk.OpenAsync(app, "access-audit");
        var (_, concern) = await desk.ReportAsync();
        var id = concern.Id;

        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, id, "acknowledge", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, id, "assign", new { to = "me" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, id, "notes", new { text = "Marker-note-secret" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, id, "messages", new { text = "Marker-reply-secret" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, id, "flag", new { flag = "false" })).StatusCode);

        var entries = await ConcernData.ReadAsync(app, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == id.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["concern.acknowledged", "concern.assigned", "concern.note-added", "concern.replied", "concern.flagged"],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(desk.ResponderId, e.ActorId));
        Assert.All(entries, e => Assert.DoesNotContain("secret", e.Detail ?? ""));
    }

    /// <summary>A problem's answer without its trace id, which differs per request.</summary>
    private static (int, string?, string?) Answer(JsonElement problem) =>
        (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString());
}
