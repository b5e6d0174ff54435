using Kith.Lines.Domain;
using Kith.Lines.Sms;
using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Conversations;

/// <summary>
/// Sends the outbox's line texts through the SMS adapter, from the line's own number. The opt-out is checked here,
/// at the moment of sending, whoever queued the text. A text that already has a provider id is not sent again.
/// </summary>
internal sealed class SmsDispatch(KithDb db, ISmsChannel channel, TimeProvider time) : IOutboxHandler
{
    public string Topic => TextsOut.Topic;

    public async Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        var id = delivery.Read<SmsOut>().MessageId;
        var message = await db.LineMessages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.ProviderId is not null) return;
        var conversation = await db.LineConversations.SingleAsync(c => c.Id == message.ConversationId, ct);
        var from = await db.Lines.Where(l => l.Id == conversation.LineId).Select(l => l.SmsNumber ?? l.ShortCode).SingleAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var optedOut = await db.LineOptOuts.AnyAsync(o => o.SenderHash == conversation.SenderHash, ct);
        if (optedOut || conversation.SenderNumber is null || from is null)
        {
            // Opted out comes first: it is the reason that must show, even when the number is also gone.
            message.DeliveryStatus = optedOut ? "opted-out" : "undeliverable";
        }
        else
        {
            message.ProviderId = await channel.SendAsync(from, conversation.SenderNumber, message.Text, conversation.Reference, ct);
            // A delivery callback may already have set a later status.
            if (message.DeliveryStatus == "pending") message.DeliveryStatus = "queued";
        }
        message.StatusAt = now;
        // A closed conversation kept its number only for the texts queued before the close (the referrals): the last one gone, it goes.
        if (conversation.ClosedAt is not null && !await db.LineMessages.AnyAsync(m => m.ConversationId == conversation.Id && m.Id != message.Id && m.DeliveryStatus == "pending", ct))
            conversation.SenderNumber = null;
        await db.SaveChangesAsync(ct);
    }
}
