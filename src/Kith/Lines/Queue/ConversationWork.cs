using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Queue;

/// <summary>What a responder's action on a conversation came to.</summary>
internal enum WorkOutcome { Done, NotFound, NotYours, Invalid, Closed }

/// <summary>
/// A responder's reply and the close of a conversation: only the responder it was given to (or an administrator)
/// may act on it. A reply is a text through <see cref="TextsOut"/> (so an opted-out number gets nothing); closing
/// records the disposition and forgets the number (kept while a reply was possible, not longer).
/// </summary>
internal sealed class ConversationWork(KithDb db, TextsOut texts, AuditLog audit, Kith.Platform.Realtime.ILiveEvents live, TimeProvider time)
{
    public const int MaxReplyLength = 1600; // Twilio's limit for one message body

    public static readonly IReadOnlyList<string> Dispositions =
        ["supported", "resolved", "referred", "active-rescue", "texter-left", "abusive", "test", "other"];

    public async Task<(WorkOutcome Outcome, Guid? MessageId, string? Status)> ReplyAsync(Guid id, string? text, string userId, bool admin, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxReplyLength || text.Any(c => char.IsControl(c) && c is not '\n'))
            return (WorkOutcome.Invalid, null, null);
        var (outcome, conversation) = await MineAsync(id, userId, admin, ct);
        if (conversation is null) return (outcome, null, null);
        var message = await texts.SendAsync(conversation, text.Trim(), userId, ct);
        conversation.LastMessageAt = message.At;
        conversation.Revision++;
        await db.SaveChangesAsync(ct);
        await texts.AnnounceAsync(ct);
        return (WorkOutcome.Done, message.Id, message.DeliveryStatus);
    }

    public async Task<WorkOutcome> CloseAsync(Guid id, string? disposition, string userId, bool admin, CancellationToken ct)
    {
        if (disposition is null || !Dispositions.Contains(disposition)) return WorkOutcome.Invalid;
        var (outcome, conversation) = await MineAsync(id, userId, admin, ct);
        if (conversation is null) return outcome;
        var now = time.GetUtcNow().UtcDateTime;
        conversation.Status = ConversationStatuses.Closed;
        conversation.ClosedAt = now;
        conversation.Disposition = disposition;
        conversation.SenderNumber = null;
        conversation.Revision++;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("lines.conversation-closed", userId, "line-conversation", id.ToString(), new { disposition }, ct);
        await transaction.CommitAsync(ct);
        // A web visitor's page says the chat ended (ids only on the event).
        if (conversation.Channel == WebChat.ChatEvents.Web) await live.PublishAsync(WebChat.ChatEvents.Closed(id), ct);
        return WorkOutcome.Done;
    }

    private async Task<(WorkOutcome, Conversation?)> MineAsync(Guid id, string userId, bool admin, CancellationToken ct)
    {
        var conversation = await db.LineConversations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null) return (WorkOutcome.NotFound, null);
        if (conversation.ClosedAt is not null) return (WorkOutcome.Closed, null);
        if (conversation.AssignedTo != userId && !admin) return (WorkOutcome.NotYours, null);
        return (WorkOutcome.Done, conversation);
    }
}
