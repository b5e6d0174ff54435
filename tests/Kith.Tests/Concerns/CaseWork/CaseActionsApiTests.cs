using System.Net.Http.Json;
using System.Text.Json;

namespace Kith.Tests.Concerns.CaseWork;

/// <summary>
/// The case actions through <c>/api/concerns/{id}/…</c>: the default status table's moves, closing and reopening,
/// the two-way conversation with the reporter, interventions, assignment, flags, validation and concurrency.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CaseActionsApiTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Acknowledging_moves_a_new_concern_to_acknowledged_and_records_who_and_when()
    {
        var desk = await CaseDesk.OpenAsync(app, "act-ack");
        var (_, concern) = await desk.ReportAsync();

        var response = await CaseDesk.ActAsync(desk.Responder, concern.Id, "acknowledge", new { revision = concern.Revision });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await CaseDesk.JsonAsync(response);
        var after = await desk.ReloadAsync(concern.Id);
        Assert.Equal(("acknowledged", after.Revision), (body.GetProperty("status").GetString(), body.GetProperty("revision").GetInt32()));
        Assert.Equal(concern.Revision + 1, after.Revision);
        Assert.Equal(("acknowledged", desk.ResponderId), (after.Status, after.AcknowledgedBy));
        Assert.NotNull(after.AcknowledgedAt);
        var history = await ConcernData.ReadAsync(app, db => db.ConcernStatusChanges.AsNoTracking()
            .Where(s => s.ConcernId == concern.Id).OrderBy(s => s.At).ToListAsync());
        Assert.Equal(("new", "acknowledged", desk.ResponderId), (history[^1].PreviousStatus, history[^1].Status, history[^1].ById));

        var again = await CaseDesk.ActAsync(desk.Responder, concern.Id, "acknowledge", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(new[] { "acknowledged", "in_progress", "waiting_for_reporter", "in_progress" }, "")]
    [InlineData(new[] { "in_progress" }, "")]
    [InlineData(new[] { "waiting_for_reporter" }, "waiting_for_reporter")] // new cannot wait for the reporter
    [InlineData(new[] { "acknowledged", "new" }, "new")]                     // nothing goes back to new
    [InlineData(new[] { "acknowledged", "acknowledged" }, "acknowledged")]   // not a move at all
    public async Task The_default_table_allows_its_moves_and_refuses_the_rest_changing_nothing(string[] path, string refused)
    {
        var desk = await CaseDesk.OpenAsync(app, "act-moves-" + string.Concat(path.Select(p => p[0])));
        var (_, concern) = await desk.ReportAsync();

        for (var step = 0; step < path.Length; step++)
        {
            var status = path[step];
            var before = await desk.ReloadAsync(concern.Id);
            var response = await CaseDesk.ActAsync(desk.Responder, concern.Id, "status", new { status, reason = "Marker: next step", revision = before.Revision });
            var after = await desk.ReloadAsync(concern.Id);
            if (refused.Length > 0 && step == path.Length - 1)
            {
                Assert.Equal(refused, status);
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal((before.Status, before.Revision), (after.Status, after.Revision));
                Assert.Equal(path.Length, await HistoryCountAsync(concern.Id)); // the first row is "received"; the refused move adds none
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(status, after.Status);
            }
        }
    }

    [Fact]
    public async Task An_unknown_status_or_a_missing_reason_is_a_400_and_changes_nothing()
    {
        var desk = await CaseDesk.OpenAsync(app, "act-bad-status");
        var (_, concern) = await desk.ReportAsync();

        var unknown = await CaseDesk.ActAsync(desk.Responder, concern.Id, "status", new { status = "resolved", reason = "x" });
        var noReason = await CaseDesk.ActAsync(desk.Responder, concern.Id, "status", new { status = "in_progress" });
        var tooLong = await CaseDesk.ActAsync(desk.Responder, concern.Id, "status", new { status = "in_progress", reason = new string('x', 10_001) });

        foreach (var (response, field) in new[] { (unknown, "status"), (noReason, "reason"), (tooLong, "reason") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await CaseDesk.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
        }
        Assert.Equal(("new", concern.Revision), ((await desk.ReloadAsync(concern.Id)).Status, (await desk.ReloadAsync(concern.Id)).Revision));
    }

    [Fact]
    public async Task Closing_needs_an_outcome_and_reopening_brings_it_back_without_one()
    {
        var desk = await CaseDesk.OpenAsync(app, "act-close");
        var (_, concern) = await desk.ReportAsync();
        await CaseDesk.ActAsync(desk.Responder, concern.Id, "acknowledge", new { });

        var withoutOutcome = await CaseDesk.ActAsync(desk.Responder, concern.Id, "status", new { status = "closed", reason = "Spoke to her" });
        var strangeOutcome = await CaseDesk.ActAsync(desk.Responder, concern.Id, "status", new { status = "closed", reason = "Spoke to her", outcome = "happy" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutOutcome.StatusCode);
        Assert.True((await CaseDesk.JsonAsync(withoutOutcome)).GetProperty("errors").TryGetProperty("outcome", out _));
        Assert.Equal(HttpStatusCode.BadRequest, strangeOutcome.StatusCode);
        Assert.Equal("acknowledged", (await desk.ReloadAsync(concern.Id)).Status);

        var closed = await CaseDesk.ActAsync(desk.Responder, concern.Id, "status", new { status = "closed", reason = "Spoke to her", outcome = "supported" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var afterClose = await desk.ReloadAsync(concern.Id);
        Assert.Equal(("closed", "supported"), (afterClose.Status, afterClose.Outcome));
        Assert.NotNull(afterClose.ClosedAt);

        var reopenWithoutReason = await CaseDesk.ActAsync(desk.Responder, concern.Id, "reopen", new { });
        Assert.Equal(HttpStatusCode.BadRequest, reopenWithoutReason.StatusCode);
        var reopened = await CaseDesk.ActAsync(desk.Responder, concern.Id, "reopen", new { reason = "Her brother called again" });
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var afterReopen = await desk.ReloadAsync(concern.Id);
        Assert.Equal(("in_progress", null, null), (afterReopen.Status, afterReopen.Outcome, afterReopen.ClosedAt));
        var last = await ConcernData.ReadAsync(app, db => db.ConcernStatusChanges.AsNoTracking()
            .Where(s => s.ConcernId == concern.Id).OrderByDescending(s => s.At).FirstAsync());
        Assert.Equal(("closed", "in_progress", "Her brother called again"), (last.PreviousStatus, last.Status, last.Reason));

        var reopenOpen = await CaseDesk.ActAsync(desk.Responder, concern.Id, "reopen", new { reason = "again" });
        Assert.Equal(HttpStatusCode.Conflict, reopenOpen.StatusCode);
    }

    [Fact]
    public async Task A_reply_reaches_the_reporter_with_their_receipt_and_an_internal_note_never_does()
    {
        var desk = await CaseDesk.OpenAsync(app, "act-reply");
        var (receipt, concern) = await desk.ReportAsync();

        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, concern.Id, "notes", new { text = "Marker-internal: knows the family" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, concern.Id, "messages", new { text = "Marker-reply: thank you, we are on it" })).StatusCode);

        var follow = await app.CreateClient().PostAsJsonAsync("/api/concerns/follow-up", new { receipt });
        Assert.Equal(HttpStatusCode.OK, follow.StatusCode);
        var text = await follow.Content.ReadAsStringAsync();
        Assert.Contains("Marker-reply: thank you, we are on it", text);
        Assert.DoesNotContain("Marker-internal", text);
        var messages = (await CaseDesk.JsonAsync(follow)).GetProperty("messages").EnumerateArray().ToList();
        Assert.Single(messages);
        Assert.False(messages[0].GetProperty("fromReporter").GetBoolean());
    }

    [Fact]
    public async Task A_question_waits_for_the_reporter_and_their_answer_brings_it_back_to_in_progress()
    {
        var desk = await CaseDesk.OpenAsync(app, "act-question");
        var (receipt, concern) = await desk.ReportAsync();
        await CaseDesk.ActAsync(desk.Responder, concern.Id, "acknowledge", new { });

        var asked = await CaseDesk.ActAsync(desk.Responder, concern.Id, "questions", new { text = "Marker-question: which class is he in?" });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("waiting_for_reporter", (await desk.ReloadAsync(concern.Id)).Status);
        var view = await CaseDesk.JsonAsync(await app.CreateClient().PostAsJsonAsync("/api/concerns/follow-up", new { receipt }));
        Assert.True(view.GetProperty("messages")[0].GetProperty("isQuestion").GetBoolean());

        var answered = await app.CreateClient().PostAsJsonAsync("/api/concerns/follow-up/messages", new { receipt, text = "Marker-answer: 9B" });

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("in_progress", (await desk.ReloadAsync(concern.Id)).Status);
        var timeline = (await CaseDesk.JsonAsync(await desk.Responder.GetAsync($"/api/concerns/{concern.Id}"))).GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "reporter" && e.GetProperty("text").GetString() == "Marker-answer: 9B");
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "status" && e.GetProperty("previousStatus").GetString() == "waiting_for_reporter"
                                       && e.GetProperty("status").GetString() == "in_progress");
    }

    [Fact]
    public async Task Interventions_need_a_known_type_and_a_date_not_in_the_future_and_are_recorded_as_the_callers()
    {
        var desk = await CaseDesk.OpenAsync(app, "act-intervention");
        var (_, concern) = await desk.ReportAsync();
        var today = app.Services.GetRequiredService<Kith.Platform.Time.DeploymentCalendar>().Today;

        var badType = await CaseDesk.ActAsync(desk.Responder, concern.Id, "interventions", new { type = "hug", occurredOn = today });
        var future = await CaseDesk.ActAsync(desk.Responder, concern.Id, "interventions", new { type = "welfare-check", occurredOn = today.AddDays(1) });
        var noDate = await CaseDesk.ActAsync(desk.Responder, concern.Id, "interventions", new { type = "welfare-check" });
        var good = await CaseDesk.ActAsync(desk.Responder, concern.Id, "interventions", new { type = "guardian-contacted", occurredOn = today, notes = "Marker: mother called" });

        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.True((await CaseDesk.JsonAsync(future)).GetProperty("errors").TryGetProperty("occurredOn", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var kept = await ConcernData.ReadAsync(app, db => db.Interventions.AsNoTracking().SingleAsync(i => i.ConcernId == concern.Id));
        Assert.Equal(("guardian-contacted", today, desk.ResponderId, "Marker: mother called"), (kept.Type, kept.OccurredOn, kept.ById, kept.Notes));
    }

    [Fact]
    public async Task Assignment_goes_to_a_team_member_or_me_and_never_outside_the_team()
    {
        var desk = await CaseDesk.OpenAsync(app, "act-assign");
        var other = await CaseDesk.OpenAsync(app, "act-assign-other");
        var (_, colleague) = await desk.ColleagueAsync("colleague");
        var (_, concern) = await desk.ReportAsync();

        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, concern.Id, "assign", new { to = "me" })).StatusCode);
        Assert.Equal(desk.ResponderId, (await desk.ReloadAsync(concern.Id)).AssignedTo);
        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, concern.Id, "assign", new { to = colleague })).StatusCode);
        Assert.Equal(colleague, (await desk.ReloadAsync(concern.Id)).AssignedTo);

        var outsider = await CaseDesk.ActAsync(desk.Responder, concern.Id, "assign", new { to = other.ResponderId });
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Equal(colleague, (await desk.ReloadAsync(concern.Id)).AssignedTo);

        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, concern.Id, "assign", new { to = "nobody" })).StatusCode);
        Assert.Null((await desk.ReloadAsync(concern.Id)).AssignedTo);
    }

    [Fact]
    public async Task Flags_mark_false_or_abusive_reports_and_can_be_cleared()
    {
        var desk = await CaseDesk.OpenAsync(app, "act-flag");
        var (_, concern) = await desk.ReportAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await CaseDesk.ActAsync(desk.Responder, concern.Id, "flag", new { flag = "rude" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, concern.Id, "flag", new { flag = "abusive" })).StatusCode);
        Assert.Equal("abusive", (await desk.ReloadAsync(concern.Id)).Flag);
        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, concern.Id, "flag", new { flag = "none" })).StatusCode);
        Assert.Null((await desk.ReloadAsync(concern.Id)).Flag);
    }

    [Theory]
    [InlineData("notes", "")]
    [InlineData("messages", "   ")]
    [InlineData("questions", null)]
    [InlineData("notes", "LONG")]
    public async Task Empty_or_overlong_text_is_a_400_and_nothing_is_kept(string action, string? text)
    {
        var desk = await CaseDesk.OpenAsync(app, $"act-text-{action}-{text?.Length ?? -1}");
        var (_, concern) = await desk.ReportAsync();

        var response = await CaseDesk.ActAsync(desk.Responder, concern.Id, action, new { text = text == "LONG" ? new string('x', 10_001) : text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await CaseDesk.JsonAsync(response)).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(0, await ConcernData.ReadAsync(app, db => db.ConcernMessages.CountAsync(m => m.ConcernId == concern.Id)));
    }

    [Fact]
    public async Task Two_acknowledgements_racing_on_the_same_revision_one_wins_the_other_is_a_409_never_a_500()
    {
        var desk = await CaseDesk.OpenAsync(app, "act-race");
        var (colleague, _) = await desk.ColleagueAsync("racer");
        for (var round = 0; round < 5; round++)
        {
            var (_, concern) = await desk.ReportAsync();

            var responses = await Task.WhenAll(
                CaseDesk.ActAsync(desk.Responder, concern.Id, "acknowledge", new { revision = concern.Revision }),
                CaseDesk.ActAsync(colleague, concern.Id, "acknowledge", new { revision = concern.Revision }));

            var codes = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);
            var conflict = await CaseDesk.JsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict));
            Assert.Equal("Someone else changed this concern; reload", conflict.GetProperty("title").GetString());
            Assert.Equal(1, await desk.AuditCountAsync("concern.acknowledged", concern.Id));
        }
    }

    [Fact]
    public async Task A_stale_revision_is_refused_with_409_and_changes_nothing()
    {
        var desk = await CaseDesk.OpenAsync(app, "act-stale");
        var (_, concern) = await desk.ReportAsync();
        await CaseDesk.ActAsync(desk.Responder, concern.Id, "assign", new { to = "me" });

        var stale = await CaseDesk.ActAsync(desk.Responder, concern.Id, "acknowledge", new { revision = concern.Revision });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Null((await desk.ReloadAsync(concern.Id)).AcknowledgedAt);
    }

    [Theory]
    [InlineData("acknowledge", """{"revision":"seven"}""")]
    [InlineData("assign", """{"to":5}""")]
    [InlineData("interventions", """{"type":"welfare-check","occurredOn":"yesterday"}""")]
    [InlineData("hand-off", """{"teamId":"not-a-guid","reason":"x"}""")]
    [InlineData("status", "not json")]
    public async Task Malformed_bodies_are_400_problems(string action, string json)
    {
        var desk = await CaseDesk.OpenAsync(app, "act-malformed-" + action);
        var (_, concern) = await desk.ReportAsync();

        var response = await desk.Responder.PostAsync($"/api/concerns/{concern.Id}/{action}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private Task<int> HistoryCountAsync(Guid id) => ConcernData.ReadAsync(app, db => db.ConcernStatusChanges.CountAsync(s => s.ConcernId == id));
}
