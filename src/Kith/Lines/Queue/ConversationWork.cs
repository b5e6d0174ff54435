using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Queue;

/// <summary>What a responder's action on a conversation came to.</summary>
internal enum WorkOutcome { Done, NotFound, NotYours, Invalid, Closed }

/// <summary>A close's outcome; when invalid, the field at fault and (for the referrals) what is wrong, in English (a translation key).</summary>
internal sealed record CloseOutcome(WorkOutcome Outcome, string Field = "disposition", string? Problem = null);

/// <summary>
/// A responder's reply and the close of a conversation: only the responder it was given to (or an administrator)
/// may act on it. A reply is a text through <see cref="TextsOut"/> (so an opted-out number gets nothing); closing
/// records the disposition, sends the directory services picked for the texter as one text, and forgets the number
/// (kept while a reply was possible, not longer: until the texts still queued for them have gone, see <see cref="SmsDispatch"/>).
/// </summary>
internal sealed class ConversationWork(KithDb db, TextsOut texts, ConversationNews news, IDirectoryServices directory, Referrals.ReferralText referralText,
    AuditLog audit, Kith.Platform.Realtime.ILiveEvents live, TimeProvider time)
{
    public const int MaxReplyLength = 1600; // Twilio's limit for one message body
    /// <summary>A short text a person can act on: more than three services is a list, not a referral.</summary>
    public const int MaxReferrals = 3;

    private static readonly Dictionary<string, string[]> ReferralProblems = new()
    {
        ["too-many"] = ["Pick at most 3 services."],
        ["unknown"] = ["A service picked is not an active service of the directory."],
    };

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

    public async Task<CloseOutcome> CloseAsync(Guid id, string? disposition, IReadOnlyList<string>? referrals, string userId, bool admin, CancellationToken ct)
    {
        var picked = (referrals ?? []).Select(r => r?.Trim() ?? "").Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        disposition ??= picked.Count > 0 ? "referred" : null;
        if (disposition is null || !Dispositions.Contains(disposition)) return new(WorkOutcome.Invalid);
        if (picked.Count > MaxReferrals) return new(WorkOutcome.Invalid, "referrals", ReferralProblems["too-many"][0]);
        IReadOnlyList<ServiceSuggestion> services = picked.Count == 0 ? [] : await directory.FindAsync(picked, "en", ct);
        if (services.Count < picked.Count) return new(WorkOutcome.Invalid, "referrals", ReferralProblems["unknown"][0]);
        var (outcome, conversation) = await MineAsync(id, userId, admin, ct);
        if (conversation is null) return new(outcome);
        var now = time.GetUtcNow().UtcDateTime;
        // One text with every service, sent (unless they opted out) while their number is still known.
        if (services.Count > 0) await texts.SendAsync(conversation, referralText.In(conversation.Language, services), userId, ct);
        conversation.Status = ConversationStatuses.Closed;
        conversation.ClosedAt = now;
        conversation.Disposition = disposition;
        conversation.Referrals = string.Join(' ', picked);
        if (!await texts.PendingAsync(conversation.Id, ct)) conversation.SenderNumber = null;
        conversation.Revision++;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("lines.conversation-closed", userId, "line-conversation", id.ToString(), new { disposition, referrals = picked.Count }, ct);
        await transaction.CommitAsync(ct);
        await texts.AnnounceAsync(ct); // a web visitor sees the services sent at close
        await news.ChangedAsync(conversation, ct); // the holder's other screens drop it from "your conversations"
        // A web visitor's page says the chat ended (ids only on the event).
        if (conversation.Channel == WebChat.ChatEvents.Web) await live.PublishAsync(WebChat.ChatEvents.Closed(id), ct);
        return new(WorkOutcome.Done);
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
