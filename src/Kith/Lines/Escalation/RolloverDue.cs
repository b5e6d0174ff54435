using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Escalation;

/// <summary>
/// A wait check comes due (claimed by one node under a lease): the conversation still waits on the line it was
/// checked for, past its tier's limit, so it moves on (see <see cref="Rollover"/>). Taken, closed, moved or already
/// unanswered: nothing to do. A responder taking it at the same moment wins (the revision is a concurrency token).
/// </summary>
internal sealed class RolloverDue(KithDb db, Rollover rollover, ConversationAlerts alerts, TextsOut texts, ConversationNews news, TimeProvider time,
    ILogger<RolloverDue> log) : IOutboxHandler
{
    public string Topic => Rollover.Topic;

    public async Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        var check = delivery.Read<RolloverCheck>();
        var conversation = await db.LineConversations.SingleOrDefaultAsync(c => c.Id == check.ConversationId, ct);
        if (conversation is not { Status: ConversationStatuses.Waiting, ClosedAt: null, UnansweredAt: null } || conversation.LineId != check.LineId) return;
        var line = LineSetup.Of(await db.Lines.AsNoTracking().SingleAsync(l => l.Id == conversation.LineId, ct));
        var now = time.GetUtcNow().UtcDateTime;
        if (Rollover.DueAt(conversation, line) > now) return;

        var (movedTo, paged) = await rollover.MoveOnAsync(conversation, line, now, sendCrisisText: true, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogInformation("Rollover of conversation {ConversationId} skipped: it changed meanwhile", conversation.Id);
            return;
        }
        await texts.AnnounceAsync(ct); // a web visitor sees the crisis numbers sent when no line could answer
        if (movedTo is null) await alerts.NudgeAsync(conversation.Id, Rollover.Unanswered, paged, ct);
        // Both lines' queues hear of it, on every node (ids only).
        await news.ChangedAsync(conversation, ct, from: check.LineId);
    }
}
