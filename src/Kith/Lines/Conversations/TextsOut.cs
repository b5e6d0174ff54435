using Kith.Lines.Domain;
using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Kith.Platform.Realtime;
using Kith.Lines.WebChat;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Conversations;

/// <summary>
/// The one way a text leaves a line, for every caller (automatic replies, responders, later check-ins): it is kept as
/// an outgoing <see cref="Message"/> and goes nowhere when the number has opted out. Immediate answers ride on the
/// provider's webhook response (TwiML); others go through the outbox, and <see cref="SmsDispatch"/> checks the
/// opt-out again when it sends, since STOP may arrive in between. A web chat's text never goes to the SMS outbox: it is
/// delivered by being kept (the visitor's page and stream read it), and announced on the visitor's live channel by
/// <see cref="AnnounceAsync"/>, which every caller runs after its commit.
/// </summary>
internal sealed class TextsOut(KithDb db, ILiveEvents live, TimeProvider time)
{
    public const string Topic = "lines.sms-out";
    public const string Delivered = "delivered";

    private readonly List<LiveEvent> announce = [];

    /// <summary>Whether the number is opted out, counting a STOP or START of this unit of work not yet saved.</summary>
    public async Task<bool> OptedOutAsync(string senderHash, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<OptOut>().LastOrDefault(e => e.Entity.SenderHash == senderHash);
        if (pending is { State: EntityState.Added or EntityState.Deleted }) return pending.State == EntityState.Added;
        return await db.LineOptOuts.AnyAsync(o => o.SenderHash == senderHash, ct);
    }

    /// <summary>An answer to carry in the webhook's response: kept and returned, or null when the number opted out.</summary>
    public async Task<string?> AnswerAsync(string senderHash, Conversation? conversation, string text, CancellationToken ct)
    {
        if (await OptedOutAsync(senderHash, ct)) return null;
        if (conversation is not null) Keep(conversation, text, null, Answered(conversation));
        return text;
    }

    /// <summary>
    /// The one confirmation of an opt-out (required by carriers, sent once, as the answer to STOP itself):
    /// the only text that goes to a number after it opted out.
    /// </summary>
    public string Confirm(Conversation? conversation, string text)
    {
        if (conversation is not null) Keep(conversation, text, null, Answered(conversation));
        return text;
    }

    /// <summary>A text sent later, through the outbox (same commit as the caller's change). Kept as "opted-out" and not sent when it must not go.</summary>
    public async Task<Message> SendAsync(Conversation conversation, string text, string? authorId, CancellationToken ct)
    {
        // A visitor who ended the chat holds no page or cookie for it any more: kept for the record, shown to nobody.
        if (conversation.Channel == ChatEvents.Web) return Keep(conversation, text, authorId, conversation.LeftAt is null ? Delivered : "undeliverable");
        var optedOut = await OptedOutAsync(conversation.SenderHash, ct);
        var message = Keep(conversation, text, authorId, optedOut ? "opted-out" : "pending");
        if (!optedOut)
            db.Outbox.Add(OutboxMessage.Create(Topic, new SmsOut(message.Id), time.GetUtcNow().UtcDateTime, idempotencyKey: $"lines:sms:{message.Id}"));
        return message;
    }

    /// <summary>Whether a text to the conversation still waits to be sent (counting this unit of work's): its number is needed until then.</summary>
    public async Task<bool> PendingAsync(Guid conversationId, CancellationToken ct) =>
        db.ChangeTracker.Entries<Message>().Any(e => e.Entity.ConversationId == conversationId && e.Entity.DeliveryStatus == "pending")
        || await db.LineMessages.AnyAsync(m => m.ConversationId == conversationId && m.DeliveryStatus == "pending", ct);

    /// <summary>A visitor's own message, announced with the rest (another tab of theirs shows it too).</summary>
    public void Announce(Conversation conversation, Message message)
    {
        if (conversation.Channel == ChatEvents.Web) announce.Add(ChatEvents.Message(conversation.Id, message.Id));
    }

    /// <summary>After the commit: the web visitors whose conversations got a message hear of it (ids only).</summary>
    public async Task AnnounceAsync(CancellationToken ct)
    {
        if (announce.Count == 0) return;
        var events = announce.ToList();
        announce.Clear();
        await live.PublishAsync(events, ct);
    }

    // An automatic answer rides on the webhook's response (SMS) or is on the visitor's page once kept (web).
    private static string Answered(Conversation conversation) => conversation.Channel == ChatEvents.Web ? Delivered : "replied";

    private Message Keep(Conversation conversation, string text, string? authorId, string status)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = new Message
        {
            Id = Guid.CreateVersion7(now), ConversationId = conversation.Id, Direction = Message.Out, Text = text, At = now,
            AuthorId = authorId, DeliveryStatus = status, StatusAt = now,
        };
        db.LineMessages.Add(message);
        Announce(conversation, message);
        return message;
    }
}

/// <summary>The outbox payload: only the message's id (the text and number stay encrypted in their tables).</summary>
internal sealed record SmsOut(Guid MessageId);
