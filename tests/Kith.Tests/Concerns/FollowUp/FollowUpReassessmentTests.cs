using System.Net.Http.Json;
using System.Text.Json;
using Kith.Concerns.Domain;
using Kith.Responders.Escalation;
using Kith.Tests.Concerns.CaseWork;

namespace Kith.Tests.Concerns.FollowUp;

/// <summary>The app for <see cref="FollowUpReassessmentTests"/>: a hand-moved clock, so deadlines can be asserted exactly.</summary>
public sealed class FollowUpClockApp : KithApp
{
    public FollowUpClockApp() => Time = Clock;

    public ManualTime Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero));
}

/// <summary>
/// Every message a reporter sends later is read for risk like the concern itself (issue 13): a message that reads
/// higher raises the tier, restarts the acknowledgement deadline and the escalation chain (what Responders stores:
/// the deadline checks in the outbox, the alerts), reopens a closed concern, shows the reporter the crisis lines
/// first, and marks the case unread for its team until one of them opens it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FollowUpReassessmentTests(FollowUpClockApp app) : IClassFixture<FollowUpClockApp>
{
    private static readonly TimeSpan Imminent = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_worrying_follow_up_on_the_page_raises_the_tier_restarts_escalation_shows_the_crisis_lines_first_and_marks_the_case_unread()
    {
        var desk = await CaseDesk.OpenAsync(app, "raise-web");
        var (receipt, concern) = await desk.ReportAsync(urgency: "soon", category: "bullying", narrative: "Marker: Sam has been posting sad songs.");
        Assert.Equal("urgent", concern.Tier);
        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, concern.Id, "acknowledge", new { })).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var (response, _, page) = await ConcernPages.ReplyAsync(app.Browser(), receipt, "Sam posted again tonight saying goodbye. I am scared.");

        // The reporter: the crisis lines come first in the page, focused without script, then the conversation.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var main = page.QuerySelector("main")!;
        var first = main.FirstElementChild!;
        Assert.Equal("crisis-options", first.Id);
        Assert.Equal("-1", first.GetAttribute("tabindex"));
        Assert.True(first.HasAttribute("autofocus"));
        Assert.NotNull(first.QuerySelector(".concern-danger a[href^='tel:']"));
        Assert.Equal("#follow-up-messages", first.QuerySelector(".concern-danger p a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#follow-up-messages"));
        Assert.NotNull(page.QuerySelector("#follow-up-sent.alert.success:not([autofocus])")); // the crisis lines hold the focus

        // The concern: raised, its rules kept and the message's added, acknowledgement cleared, the imminent deadline from now.
        var after = await desk.ReloadAsync(concern.Id);
        Assert.Equal("imminent", after.Tier);
        var rules = after.TriageRules.Split(' ');
        Assert.Contains("urgency.soon", rules);
        Assert.Contains("phrase.en.goodbye", rules);
        Assert.Equal(((DateTime?)null, (string?)null, 0, now + Imminent), (after.AcknowledgedAt, after.AcknowledgedBy, after.EscalationLevel, after.AcknowledgeBy));
        Assert.Equal("acknowledged", after.Status); // it stays where it was, and must be acknowledged again
        Assert.Equal(now, after.UnreadSince);

        // Responders: the old deadline check is retired, a new one for step 0 is due at the imminent deadline, and the
        // chain's first step (every member: nobody is on the rota) is paged about the raised concern.
        var deadlines = await ConcernData.ReadAsync(app, db => db.Outbox.AsNoTracking()
            .Where(m => m.Topic == AcknowledgeDeadlineHandler.TopicName && m.IdempotencyKey!.StartsWith($"concern-deadline:{concern.Id:N}:"))
            .Select(m => new { m.IdempotencyKey, m.DueAt, m.CompletedAt }).ToListAsync());
        var pending = Assert.Single(deadlines, d => d.CompletedAt is null);
        Assert.Equal(($"concern-deadline:{concern.Id:N}:0", now + Imminent), (pending.IdempotencyKey, pending.DueAt));
        Assert.Contains(deadlines, d => d.IdempotencyKey!.Contains(":retired-") && d.CompletedAt == now);
        var paged = await ConcernData.ReadAsync(app, db => db.Alerts.AsNoTracking()
            .Where(a => a.SubjectId == concern.Id && a.Kind == AlertKinds.RaisedByReporter).Select(a => new { a.UserId, a.SubjectTier }).ToListAsync());
        Assert.Equal(new[] { desk.ResponderId, desk.LeadId }.Order(), paged.Select(p => p.UserId).Order());
        Assert.All(paged, p => Assert.Equal("imminent", p.SubjectTier));
        Assert.False(await ConcernData.ReadAsync(app, db => db.Alerts.AnyAsync(a => a.SubjectId == concern.Id && a.Kind == AlertKinds.ReporterReplied)));

        // The team: the queue says in words that the case is unread; the case page says so and records why it was raised.
        var queue = await QueueRowAsync(desk, concern.Id);
        var marker = queue.QuerySelector(".queue-unread")!;
        Assert.Equal("Unread: the reporter wrote", marker.TextContent.Trim());
        Assert.Equal(marker.Id, queue.QuerySelector("th a")!.GetAttribute("aria-describedby"));
        var (_, _, casePage) = await ConcernPages.GetAsync(desk.Responder, $"/staff/concerns/{concern.Id}");
        Assert.Contains("Unread: the reporter wrote", casePage.QuerySelector("#case-unread")!.TextContent);
        Assert.Contains(casePage.QuerySelectorAll(".case-entry-note .case-entry-text"),
            e => e.TextContent.Contains("Raised from urgent to imminent danger by the reporter's message (phrase.en.goodbye)"));
        Assert.Contains("Imminent", casePage.QuerySelector(".case-facts .case-tier")!.TextContent);

        // Opening it read it: the queue and the JSON no longer say unread.
        Assert.Null((await QueueRowAsync(desk, concern.Id)).QuerySelector(".queue-unread"));
        var json = await CaseDesk.JsonAsync(await desk.Responder.GetAsync($"/api/concerns/{concern.Id}"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("unreadSince").ValueKind);
        Assert.Null((await desk.ReloadAsync(concern.Id)).UnreadSince);
    }

    [Fact]
    public async Task A_worrying_follow_up_through_the_api_reopens_a_closed_concern_and_the_answer_carries_the_crisis_lines()
    {
        var desk = await CaseDesk.OpenAsync(app, "raise-api");
        var (receipt, concern) = await desk.ReportAsync();
        Assert.Equal("routine", concern.Tier);
        var closed = await CaseDesk.ActAsync(desk.Responder, concern.Id, "status", new { status = "closed", reason = "Spoke to her", outcome = "duplicate" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(2));
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var response = await app.CreateClient().PostAsJsonAsync("/api/concerns/follow-up/messages",
            new { receipt, text = "He said tonight he will kill himself." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("showCrisisOptions").GetBoolean());
        Assert.False(answer.GetProperty("closed").GetBoolean()); // the existing shape is kept
        Assert.Contains(answer.GetProperty("messages").EnumerateArray(), m => m.GetProperty("fromReporter").GetBoolean());
        var contacts = answer.GetProperty("crisisLines").EnumerateArray().SelectMany(l => l.GetProperty("contacts").EnumerateArray())
            .Select(c => c.GetProperty("href").GetString()).ToList();
        Assert.Contains(contacts, h => h!.StartsWith("tel:", StringComparison.Ordinal));

        var after = await desk.ReloadAsync(concern.Id);
        Assert.Equal(("in_progress", (DateTime?)null, (string?)null, "imminent"), (after.Status, after.ClosedAt, after.Outcome, after.Tier));
        Assert.Equal((0, (DateTime?)null, now + Imminent), (after.EscalationLevel, after.AcknowledgedAt, after.AcknowledgeBy));
        Assert.True(await ConcernData.ReadAsync(app, db => db.Outbox.AnyAsync(m =>
            m.IdempotencyKey == $"concern-deadline:{concern.Id:N}:0" && m.CompletedAt == null && m.DueAt == now + Imminent)));
        Assert.True(await ConcernData.ReadAsync(app, db => db.Alerts.AnyAsync(a =>
            a.SubjectId == concern.Id && a.Kind == AlertKinds.RaisedByReporter && a.UserId == desk.ResponderId)));
        Assert.True(await ConcernData.ReadAsync(app, db => db.ConcernStatusChanges.AnyAsync(s =>
            s.ConcernId == concern.Id && s.PreviousStatus == "closed" && s.Status == "in_progress" && s.ById == null)));
        Assert.NotNull((await QueueRowAsync(desk, concern.Id)).QuerySelector(".queue-unread"));
        // On the page, in the reader's language: a message that reads as risk shows the lines even at the same tier.
        var spanish = app.Browser();
        await spanish.GetAsync("/language/es?returnUrl=%2Fconcerns%2Ffollow-up");
        var (_, _, page) = await ConcernPages.ReplyAsync(spanish, receipt, "Dijo que se va a matar esta noche.");
        Assert.Equal("Si alguien está en peligro ahora", page.QuerySelector("main > #crisis-options h2")!.TextContent.Trim());
        // Nothing of what was written reaches the logs.
        Assert.DoesNotContain(app.Logs.Lines, m => m.Contains("kill himself", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_harmless_follow_up_changes_no_tier_and_shows_no_crisis_lines_but_is_unread_for_the_team()
    {
        var desk = await CaseDesk.OpenAsync(app, "harmless");
        var (receipt, concern) = await desk.ReportAsync(urgency: "soon");
        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, concern.Id, "acknowledge", new { })).StatusCode);
        var acknowledged = await desk.ReloadAsync(concern.Id);

        var (pageResponse, _, page) = await ConcernPages.ReplyAsync(app.Browser(), receipt, "Thanks, he seems better today.");
        var apiResponse = await app.CreateClient().PostAsJsonAsync("/api/concerns/follow-up/messages", new { receipt, text = "Thanks, he seems better today." });

        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Null(page.QuerySelector("#crisis-options, .concern-danger"));
        var answer = await apiResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("showCrisisOptions").GetBoolean());
        var after = await desk.ReloadAsync(concern.Id);
        Assert.Equal((acknowledged.Tier, acknowledged.TriageRules, acknowledged.AcknowledgedAt, acknowledged.AcknowledgeBy),
            (after.Tier, after.TriageRules, after.AcknowledgedAt, after.AcknowledgeBy));
        Assert.False(await ConcernData.ReadAsync(app, db => db.Alerts.AnyAsync(a => a.SubjectId == concern.Id && a.Kind == AlertKinds.RaisedByReporter)));
        Assert.NotNull(after.UnreadSince);
        Assert.NotNull((await QueueRowAsync(desk, concern.Id)).QuerySelector(".queue-unread"));
    }

    private static async Task<AngleSharp.Dom.IElement> QueueRowAsync(CaseDesk desk, Guid concern)
    {
        var (_, _, queue) = await ConcernPages.GetAsync(desk.Responder, "/staff/concerns");
        return queue.QuerySelector($"tr[data-concern-id='{concern}']")!;
    }
}
