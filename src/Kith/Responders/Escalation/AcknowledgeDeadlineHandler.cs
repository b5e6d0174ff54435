using Kith.Platform.Outbox;
using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Kith.Responders.Paging;
using Microsoft.EntityFrameworkCore;

namespace Kith.Responders.Escalation;

internal sealed record AcknowledgeDeadline(string Kind, Guid Id, int Level);

/// <summary>
/// Runs when a subject's acknowledgement deadline passes (an outbox message due then, claimed by one node
/// under a lease). Still unacknowledged: the next step of the chain is paged, with a fresh deadline, and the
/// following check is scheduled — in one commit, keyed so a retry or a second node never pages twice.
/// Whether the subject still waits is for the module that owns it to say (<see cref="ISubjectEscalation"/>).
/// </summary>
internal sealed class AcknowledgeDeadlineHandler(
    KithDb db, IEnumerable<ISubjectEscalation> owners, EscalationChain chain, Pager pager, TimeProvider time,
    ILogger<AcknowledgeDeadlineHandler> log) : IOutboxHandler
{
    public const string TopicName = "responders.acknowledge-deadline";
    public string Topic => TopicName;

    /// <summary>"concern-deadline:{id}:" for a concern: the keys deadlines had before Responders was a module.</summary>
    public static string KeyPrefix(string kind, Guid id) => $"{kind}-deadline:{id:N}:";

    public static OutboxMessage Schedule(string kind, Guid id, int level, DateTime dueAt, DateTime now) =>
        OutboxMessage.Create(TopicName, new AcknowledgeDeadline(kind, id, level), now, dueAt, idempotencyKey: KeyPrefix(kind, id) + level);

    public async Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        var deadline = delivery.Read<AcknowledgeDeadline>();
        var owner = owners.SingleOrDefault(o => o.Kind == deadline.Kind)
            ?? throw new InvalidOperationException($"No module escalates subjects of kind '{deadline.Kind}'.");
        // Acknowledged, closed, gone, or already moved on by another step: nothing to do.
        var subject = await owner.WaitingAtAsync(deadline.Id, deadline.Level, ct);
        if (subject is null) return;
        var now = time.GetUtcNow().UtcDateTime;
        // The deadline moved later since this check was scheduled (a hand-off gave the new team its own allowance).
        if (subject.AcknowledgeBy > now) return;
        var level = deadline.Level;
        IReadOnlyList<Pagee> pagees = [];
        while (pagees.Count == 0 && level < EscalationChain.LastLevel)
        {
            level++;
            pagees = await chain.AtAsync(subject.TeamId, level, now, ct);
        }
        if (pagees.Count == 0) return; // the whole chain, administrators included, has been paged; the alerts stay open

        var acknowledgeBy = pager.AcknowledgeBy(subject.Subject.Tier, now);
        subject.Reached(level, acknowledgeBy, now);
        var paged = await pager.PageAsync(subject.Subject, CommonAlertKinds.Escalated, level, pagees, link => subject.Wording(CommonAlertKinds.Escalated, link), now, ct);
        if (level < EscalationChain.LastLevel) pager.ScheduleDeadline(subject.Subject, level, acknowledgeBy, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acknowledged (or another step ran) at this very moment: their change stands.
            log.LogInformation("Escalation of {Kind} {SubjectId} skipped: it changed meanwhile", deadline.Kind, deadline.Id);
            return;
        }
        subject.Escalated(level);
        await pager.NudgeAsync(subject.Subject.Kind, subject.Subject.Id, CommonAlertKinds.Escalated, paged, ct);
    }
}
