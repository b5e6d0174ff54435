using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kith.Concerns.Domain;
using Kith.Tests.Platform;

namespace Kith.Tests.Concerns.CaseWork;

/// <summary>The queue, the case page's forms (plain posts, no JavaScript), filing for a caller, and the live stream.</summary>
[Trait("Category", "Integration")]
public sealed partial class CaseWorkPagesTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task The_queue_lists_the_teams_open_concerns_imminent_then_urgent_then_routine_oldest_first()
    {
        var desk = await CaseDesk.OpenAsync(app, "queue-order");
        var other = await CaseDesk.OpenAsync(app, "queue-order-other");
        var (_, oldRoutine) = await desk.ReportAsync();
        var (_, urgent) = await desk.ReportAsync(category: "suicide-self-harm");
        var (_, imminent) = await desk.ReportAsync("danger-now");
        var (_, newRoutine) = await desk.ReportAsync();
        var (_, elsewhere) = await other.ReportAsync("danger-now");
        Assert.Equal(("urgent", "imminent"), (urgent.Tier, imminent.Tier));

        var html = await desk.Responder.GetStringAsync("/staff/concerns");

        Assert.Equal([imminent.Id, urgent.Id, oldRoutine.Id, newRoutine.Id], RowIds(html));
        Assert.DoesNotContain(elsewhere.Id.ToString(), html);
        Assert.Contains(imminent.Reference, html);
        Assert.Contains("Talking about suicide or self-harm", html); // categories by title
        Assert.Contains("queue-order team", html);
    }

    [Fact]
    public async Task Filters_show_mine_unassigned_and_closed()
    {
        var desk = await CaseDesk.OpenAsync(app, "queue-filters");
        var (_, mine) = await desk.ReportAsync();
        var (_, unassigned) = await desk.ReportAsync();
        var (_, closed) = await desk.ReportAsync();
        await CaseDesk.ActAsync(desk.Responder, mine.Id, "assign", new { to = "me" });
        await CaseDesk.ActAsync(desk.Responder, closed.Id, "status", new { status = "closed", reason = "Marker", outcome = "duplicate" });

        Assert.Equal([mine.Id, unassigned.Id], RowIds(await desk.Responder.GetStringAsync("/staff/concerns")));
        Assert.Equal([mine.Id], RowIds(await desk.Responder.GetStringAsync("/staff/concerns?filter=mine")));
        Assert.Equal([unassigned.Id], RowIds(await desk.Responder.GetStringAsync("/staff/concerns?filter=unassigned")));
        Assert.Equal([closed.Id], RowIds(await desk.Responder.GetStringAsync("/staff/concerns?filter=closed")));
        Assert.Equal([mine.Id, unassigned.Id], RowIds(await desk.Responder.GetStringAsync("/staff/concerns?filter=%3Cscript%3E")));
    }

    [Fact]
    public async Task An_administrator_sees_every_teams_concerns_and_the_unrouted_ones()
    {
        var desk = await CaseDesk.OpenAsync(app, "queue-admin");
        var (admin, _) = await Staff.SignedInAsync(app, "admin@queue-admin.test", Roles.Admin);
        var (_, routed) = await desk.ReportAsync();
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine("Marker-queue-unrouted"));
        var unrouted = await ConcernData.ByReceiptAsync(app, receipt);

        var ids = RowIds(await admin.GetStringAsync("/staff/concerns"));

        Assert.Contains(routed.Id, ids);
        Assert.Contains(unrouted.Id, ids);
    }

    [Fact]
    public async Task New_concern_alerts_show_at_the_top_until_the_person_opens_the_concern()
    {
        var desk = await CaseDesk.OpenAsync(app, "queue-alerts");
        var (_, concern) = await desk.ReportAsync();

        var before = await desk.Responder.GetStringAsync("/staff/concerns");
        Assert.Contains($"New concern: {concern.Reference}", AlertsSection(before));

        Assert.Equal(HttpStatusCode.OK, (await desk.Responder.GetAsync($"/staff/concerns/{concern.Id}")).StatusCode);

        var after = await desk.Responder.GetStringAsync("/staff/concerns");
        Assert.DoesNotContain(concern.Reference, AlertsSection(after));
        Assert.NotNull(await ConcernData.ReadAsync(app, db => db.Alerts.Where(a => a.SubjectId == concern.Id && a.UserId == desk.ResponderId)
            .Select(a => a.SeenAt).SingleAsync()));
        // The lead has not opened it: their alert stays.
        Assert.Null(await ConcernData.ReadAsync(app, db => db.Alerts.Where(a => a.SubjectId == concern.Id && a.UserId == desk.LeadId)
            .Select(a => a.SeenAt).SingleAsync()));
    }

    [Fact]
    public async Task The_case_page_shows_the_report_why_this_tier_and_the_timeline_marked_internal_or_reporter_visible()
    {
        var desk = await CaseDesk.OpenAsync(app, "page-show");
        var (_, concern) = await desk.ReportAsync("danger-now", narrative: "Marker-page: he said goodbye to everyone");
        await CaseDesk.ActAsync(desk.Responder, concern.Id, "notes", new { text = "Marker-page-note" });
        await CaseDesk.ActAsync(desk.Responder, concern.Id, "messages", new { text = "Marker-page-reply" });

        var html = WebUtility.HtmlDecode(await desk.Responder.GetStringAsync($"/staff/concerns/{concern.Id}"));

        Assert.Contains("Marker-page: he said goodbye to everyone", html);
        Assert.Contains("urgency.danger-now", html);
        Assert.Contains("Imminent danger", html);
        Assert.Matches(@"Internal note</span>\s*<span class=""case-visibility case-internal"">", html);
        Assert.Matches(@"Reply to the reporter</span>\s*<span class=""case-visibility case-shared"">", html);
        Assert.Contains("The reporter stayed anonymous", html);
        Assert.Contains("<script type=\"module\" src=\"js/concerns-live", html);
    }

    [Fact]
    public async Task The_forms_act_without_javascript_and_come_back_with_what_happened()
    {
        var desk = await CaseDesk.OpenAsync(app, "page-forms");
        var (receipt, concern) = await desk.ReportAsync();
        var page = $"/staff/concerns/{concern.Id}";

        var acknowledged = await Staff.PostFormAsync(desk.Responder, page, "acknowledge", [new("revision", concern.Revision.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.Equal(page, Staff.RedirectPath(acknowledged));
        Assert.EndsWith("?done=acknowledge", acknowledged.Headers.Location!.OriginalString);
        Assert.Equal("acknowledged", (await desk.ReloadAsync(concern.Id)).Status);
        Assert.Contains("The escalation has stopped", await desk.Responder.GetStringAsync($"{page}?done=acknowledge"));

        var replied = await Staff.PostFormAsync(desk.Responder, page, "reply", [new("text", "Marker-form-reply")]);
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var follow = await app.CreateClient().PostAsJsonAsync("/api/concerns/follow-up", new { receipt });
        Assert.Contains("Marker-form-reply", await follow.Content.ReadAsStringAsync());

        var today = app.Services.GetRequiredService<Kith.Platform.Time.DeploymentCalendar>().Today.ToString("yyyy-MM-dd");
        var intervention = await Staff.PostFormAsync(desk.Responder, page, "intervention", [new("type", "conversation"), new("occurredOn", today), new("notes", "")]);
        Assert.Equal(HttpStatusCode.Redirect, intervention.StatusCode);

        var current = await desk.ReloadAsync(concern.Id);
        var closedWithoutOutcome = await Staff.PostFormAsync(desk.Responder, page, "status",
            [new("revision", current.Revision.ToString()), new("status", "closed"), new("outcome", ""), new("reason", "Marker-kept-reason")]);
        Assert.Equal(HttpStatusCode.BadRequest, closedWithoutOutcome.StatusCode);
        var problem = WebUtility.HtmlDecode(await closedWithoutOutcome.Content.ReadAsStringAsync());
        Assert.Contains("Choose how the concern ended.", problem);
        Assert.Contains("Marker-kept-reason", problem); // what was typed is kept
        Assert.Equal("acknowledged", (await desk.ReloadAsync(concern.Id)).Status);

        var closed = await Staff.PostFormAsync(desk.Responder, page, "status",
            [new("revision", current.Revision.ToString()), new("status", "closed"), new("outcome", "supported"), new("reason", "Spoke with him")]);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(("closed", "supported"), ((await desk.ReloadAsync(concern.Id)).Status, (await desk.ReloadAsync(concern.Id)).Outcome));

        // The page now offers reopening; a stale revision is refused with the reload message.
        var stale = await Staff.PostFormAsync(desk.Responder, page, "reopen", [new("revision", current.Revision.ToString()), new("reason", "again")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this concern; reload", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        var reopened = await Staff.PostFormAsync(desk.Responder, page, "reopen",
            [new("revision", (await desk.ReloadAsync(concern.Id)).Revision.ToString()), new("reason", "He wrote again")]);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal("in_progress", (await desk.ReloadAsync(concern.Id)).Status);
    }

    [Fact]
    public async Task A_form_posted_to_another_teams_concern_is_denied_and_changes_nothing()
    {
        var desk = await CaseDesk.OpenAsync(app, "page-outsider");
        var other = await CaseDesk.OpenAsync(app, "page-outsider-other");
        var (_, concern) = await desk.ReportAsync();
        var token = await Staff.AntiforgeryTokenAsync(other.Responder, "/staff/concerns");

        var response = await other.Responder.PostAsync($"/staff/concerns/{concern.Id}", new FormUrlEncodedContent(
            [new("_handler", "acknowledge"), new("__RequestVerificationToken", token), new("revision", concern.Revision.ToString())]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/denied", Staff.RedirectPath(response));
        Assert.Null((await desk.ReloadAsync(concern.Id)).AcknowledgedAt);
    }

    [Fact]
    public async Task A_responder_files_a_concern_for_a_caller_who_gets_their_own_receipt()
    {
        var desk = await CaseDesk.OpenAsync(app, "file-caller");
        var form = new List<KeyValuePair<string, string>>
        {
            new("about", "neighbour"), new("categories", "being-hurt"), new("categories", "substances"), new("urgency", "soon"),
            new("narrative", "Marker-caller: shouting every night"), new("language", "es"), new("organisationId", desk.Organisation.ToString()),
            new("contactPhone", "555 010 0199"),
        };

        var incomplete = await Staff.PostFormAsync(desk.Responder, "/staff/concerns/new", "file-concern", form.Where(f => f.Key != "about"));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("Choose who you are worried about.", WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync()));

        var filed = await Staff.PostFormAsync(desk.Responder, "/staff/concerns/new", "file-concern", form);

        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var html = await filed.Content.ReadAsStringAsync();
        var receipt = Receipt().Match(html).Value;
        Assert.NotEmpty(receipt);
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        Assert.Equal(("staff", desk.ResponderId, desk.Team, "es", false), (concern.Channel, concern.FiledBy, concern.TeamId, concern.Language, concern.Anonymous));
        Assert.Equal("being-hurt substances", concern.Categories);
        Assert.Contains($"/staff/concerns/{concern.Id}", html);
        var follow = await app.CreateClient().PostAsJsonAsync("/api/concerns/follow-up", new { receipt });
        Assert.Equal(HttpStatusCode.OK, follow.StatusCode);
    }

    [Fact]
    public async Task A_team_member_with_the_console_open_gets_a_concern_event_when_one_arrives_and_when_a_colleague_acts()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang guard, not a timing assertion
        var desk = await CaseDesk.OpenAsync(app, "live-queue");
        await desk.ColleagueAsync("watcher");
        await EventStream.WaitForListenerAsync(app, guard.Token);
        await using var stream = await EventStream.OpenAsync(app, "watcher@live-queue.test", guard.Token);
        Assert.Equal("ready", (await stream.NextAsync(guard.Token)).Type);

        var (_, concern) = await desk.ReportAsync("danger-now");

        var arrived = await stream.NextAsync(guard.Token);
        Assert.Equal("concern", arrived.Type);
        var data = JsonDocument.Parse(arrived.Data).RootElement;
        Assert.Equal((concern.Id, "new"), (data.GetProperty("id").GetGuid(), data.GetProperty("kind").GetString()));
        Assert.DoesNotContain("Marker", arrived.Data);

        await CaseDesk.ActAsync(desk.Responder, concern.Id, "acknowledge", new { });
        var acted = JsonDocument.Parse((await stream.NextAsync(guard.Token)).Data).RootElement;
        Assert.Equal((concern.Id, "acknowledged"), (acted.GetProperty("id").GetGuid(), acted.GetProperty("kind").GetString()));
    }

    private static List<Guid> RowIds(string html) =>
        RowId().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    private static string AlertsSection(string html)
    {
        var start = html.IndexOf("id=\"queue-alerts\"", StringComparison.Ordinal);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(html[start..end]);
    }

    [GeneratedRegex(@"<tr class=""queue-row[^""]*"" data-concern-id=""([0-9a-f-]{36})""")]
    private static partial Regex RowId();

    [GeneratedRegex("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}")]
    private static partial Regex Receipt();
}
