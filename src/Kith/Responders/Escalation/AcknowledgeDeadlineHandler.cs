using Kith.Concerns.Domain;
using Kith.Concerns.Routing;
using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.Escalation;

internal sealed record AcknowledgeDeadline(Guid ConcernId, int Level);

/// <summary>
/// Runs when a concern's acknowledgement deadline passes (an outbox message due then, claimed by one node
/// under a lease). Still unacknowledged: the next step of the chain is paged, with a fresh deadline, and the
/// following check is scheduled — in one commit, keyed so a retry or a second node never pages twice.
/// </summary>
internal sealed class AcknowledgeDeadlineHandler(
    KithDb db, EscalationChain chain, Pager pager, AcknowledgeDeadlines deadlines, TimeProvider time,
    Platform.Observability.KithMetrics metrics, ILogger<AcknowledgeDeadlineHandler> log) : IOutboxHandler
{
    public const string TopicName = "concerns.acknowledge-deadline";
    public string Topic => TopicName;

    public static OutboxMessage Schedule(Concern concern, int level, DateTime now) =>
        OutboxMessage.Create(TopicName, new AcknowledgeDeadline(concern.Id, level), now, concern.AcknowledgeBy,
            idempotencyKey: $"concern-deadline:{concern.Id:N}:{level}");

    public async Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        var deadline = delivery.Read<AcknowledgeDeadline>();
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == deadline.ConcernId, ct);
        // Acknowledged, closed, purged, or already moved on by another step: nothing to do.
        if (concern is null || concern.AcknowledgedAt is not null || concern.ClosedAt is not null || concern.EscalationLevel != deadline.Level)
            return;
        var now = time.GetUtcNow().UtcDateTime;
        // The deadline moved later since this check was scheduled (a hand-off gave the new team its own allowance).
        if (concern.AcknowledgeBy > now) return;
        var level = deadline.Level;
        IReadOnlyList<Pagee> pagees = [];
        while (pagees.Count == 0 && level < EscalationChain.LastLevel)
        {
            level++;
            pagees = await chain.AtAsync(concern.TeamId, level, now, ct);
        }
        if (pagees.Count == 0) return; // the whole chain, administrators included, has been paged; the alerts stay open

        concern.EscalationLevel = level;
        concern.AcknowledgeBy = deadlines.From(concern.TierValue, now);
        concern.UpdatedAt = now;
        concern.Revision++;
        var paged = await pager.PageAsync(concern, AlertKinds.Escalated, level, pagees, now, ct);
        if (level < EscalationChain.LastLevel) db.Outbox.Add(Schedule(concern, level, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acknowledged (or another step ran) at this very moment: their change stands.
            log.LogInformation("Escalation of concern {ConcernId} skipped: it changed meanwhile", concern.Id);
            return;
        }
        metrics.ConcernsEscalated.Add(1, new("tier", concern.Tier), new("level", level));
        await pager.NudgeAsync(concern.Id, AlertKinds.Escalated, paged, ct);
    }
}
