using Kith.Concerns.Domain;
using Kith.Responders.Escalation;

namespace Kith.Tests.Concerns.CaseWork;

/// <summary>The app for <see cref="AcknowledgeAndHandOffTests"/>: a hand-moved clock and the job runner on.</summary>
public sealed class ConcernClockApp : KithApp
{
    public ConcernClockApp()
    {
        Time = Clock;
        RunJobs = true;
    }

    public ManualTime Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero));
}

/// <summary>
/// Acknowledging is what stops the escalation chain; handing off starts it again for the new team. The runner
/// really runs (leased outbox); the test moves the clock and waits for the deadline messages to be handled.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AcknowledgeAndHandOffTests(ConcernClockApp app) : IClassFixture<ConcernClockApp>
{
    private static readonly TimeSpan Imminent = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task An_acknowledged_concern_is_not_escalated_when_its_deadline_passes_and_an_unacknowledged_one_is()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang guard, not a timing assertion
        var desk = await CaseDesk.OpenAsync(app, "clock-ack");
        var (_, handled) = await desk.ReportAsync("danger-now");
        var (_, ignored) = await desk.ReportAsync("danger-now");
        Assert.Equal("imminent", handled.Tier);

        Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(desk.Responder, handled.Id, "acknowledge", new { revision = handled.Revision })).StatusCode);
        app.Clock.Advance(Imminent + TimeSpan.FromMinutes(1));

        // The unacknowledged one reaches the lead: the runner is running escalations.
        await WaitAsync(db => db.Alerts.AnyAsync(a => a.SubjectId == ignored.Id && a.Kind == AlertKinds.Escalated && a.UserId == desk.LeadId), guard.Token);
        // The acknowledged one's deadline was handled too — and did nothing.
        await WaitAsync(db => db.Outbox.AnyAsync(m => m.IdempotencyKey == $"concern-deadline:{handled.Id:N}:0" && m.CompletedAt != null), guard.Token);
        Assert.False(await ConcernData.ReadAsync(app, db => db.Alerts.AnyAsync(a => a.SubjectId == handled.Id && a.Kind == AlertKinds.Escalated)));
        Assert.Equal(0, (await desk.ReloadAsync(handled.Id)).EscalationLevel);
    }

    [Fact]
    public async Task A_hand_off_pages_the_new_team_clears_the_acknowledgement_and_the_new_team_must_acknowledge_in_time()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var from = await CaseDesk.OpenAsync(app, "clock-from");
        var to = await CaseDesk.OpenAsync(app, "clock-to");
        var (_, concern) = await from.ReportAsync("danger-now");
        await CaseDesk.ActAsync(from.Responder, concern.Id, "acknowledge", new { });
        await CaseDesk.ActAsync(from.Responder, concern.Id, "assign", new { to = "me" });
        app.Clock.Advance(TimeSpan.FromMinutes(3)); // part of the first team's window used up

        var missingReason = await CaseDesk.ActAsync(from.Responder, concern.Id, "hand-off", new { teamId = to.Team });
        var sameTeam = await CaseDesk.ActAsync(from.Responder, concern.Id, "hand-off", new { teamId = from.Team, reason = "x" });
        var noSuchTeam = await CaseDesk.ActAsync(from.Responder, concern.Id, "hand-off", new { teamId = Guid.NewGuid(), reason = "x" });
        Assert.All(new[] { missingReason, sameTeam, noSuchTeam }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));

        var handed = await CaseDesk.ActAsync(from.Responder, concern.Id, "hand-off", new { teamId = to.Team, reason = "Marker: he moved schools" });

        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        var after = await from.ReloadAsync(concern.Id);
        var handedAt = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal((to.Team, (string?)null, (DateTime?)null, 0), (after.TeamId, after.AssignedTo, after.AcknowledgedAt, after.EscalationLevel));
        Assert.Equal(handedAt + Imminent, after.AcknowledgeBy);
        var handOff = await ConcernData.ReadAsync(app, db => db.HandOffs.AsNoTracking().SingleAsync(h => h.ConcernId == concern.Id));
        Assert.Equal((from.Team, to.Team, from.ResponderId, "Marker: he moved schools"), (handOff.FromTeamId, handOff.ToTeamId, handOff.ById, handOff.Reason));
        var paged = await ConcernData.ReadAsync(app, db => db.Alerts.AsNoTracking()
            .Where(a => a.SubjectId == concern.Id && a.Kind == AlertKinds.HandedOff).Select(a => a.UserId).ToListAsync());
        Assert.Equal(new[] { to.ResponderId, to.LeadId }.Order(), paged.Order());
        // The old team lost the concern; the new one has it.
        Assert.Equal(HttpStatusCode.NotFound, (await from.Responder.GetAsync($"/api/concerns/{concern.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await to.Responder.GetAsync($"/api/concerns/{concern.Id}")).StatusCode);

        // The first team's deadline no longer applies: marked done at the hand-off, so the runner never runs it,
        // and its key is free for the new team's chain.
        var retired = await ConcernData.ReadAsync(app, db => db.Outbox.AsNoTracking()
            .SingleAsync(m => m.IdempotencyKey!.StartsWith($"concern-deadline:{concern.Id:N}:0:retired-")));
        Assert.Equal(handedAt, retired.CompletedAt);
        var fresh = await ConcernData.ReadAsync(app, db => db.Outbox.AsNoTracking().SingleAsync(m => m.IdempotencyKey == $"concern-deadline:{concern.Id:N}:0"));
        Assert.Equal((handedAt + Imminent, (DateTime?)null), (fresh.DueAt, fresh.CompletedAt));

        // Past the new team's own deadline, unacknowledged: its lead is paged — never the old team's.
        app.Clock.Advance(Imminent + TimeSpan.FromMinutes(1));
        await WaitAsync(db => db.Alerts.AnyAsync(a => a.SubjectId == concern.Id && a.Kind == AlertKinds.Escalated && a.UserId == to.LeadId), guard.Token);
        Assert.False(await ConcernData.ReadAsync(app, db => db.Alerts.AnyAsync(a => a.SubjectId == concern.Id && a.Kind == AlertKinds.Escalated && a.UserId == from.LeadId)));
        Assert.True(await ConcernData.ReadAsync(app, db => db.Outbox.AnyAsync(m => m.Topic == AcknowledgeDeadlineHandler.TopicName
            && m.IdempotencyKey == $"concern-deadline:{concern.Id:N}:1")));

        // The new team acknowledges: the chain stops there.
        var acknowledged = await CaseDesk.ActAsync(to.Responder, concern.Id, "acknowledge", new { });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(to.ResponderId, (await to.ReloadAsync(concern.Id)).AcknowledgedBy);
    }

    [Fact]
    public async Task A_closed_concern_cannot_be_handed_off()
    {
        var from = await CaseDesk.OpenAsync(app, "clock-closed-from");
        var to = await CaseDesk.OpenAsync(app, "clock-closed-to");
        var (_, concern) = await from.ReportAsync();
        await CaseDesk.ActAsync(from.Responder, concern.Id, "status", new { status = "closed", reason = "duplicate", outcome = "duplicate" });

        var handed = await CaseDesk.ActAsync(from.Responder, concern.Id, "hand-off", new { teamId = to.Team, reason = "x" });

        Assert.Equal(HttpStatusCode.Conflict, handed.StatusCode);
        Assert.Equal(from.Team, (await from.ReloadAsync(concern.Id)).TeamId);
    }

    private async Task WaitAsync(Func<KithDb, Task<bool>> condition, CancellationToken ct)
    {
        while (!await ConcernData.ReadAsync(app, condition))
            await Task.Delay(50, ct);
    }
}
