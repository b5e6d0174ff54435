using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Messaging;

/// <summary>A message the development sink kept instead of sending (table <c>platform_dev_messages</c>).</summary>
internal sealed class DevMessage
{
    public Guid Id { get; set; }
    public MessageChannel Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    /// <summary>Encrypted at rest, like every stored message text.</summary>
    public required string Body { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTime SentAt { get; set; }
}

/// <summary>
/// The default carrier for both channels: keeps each message in the database for developers, tests and
/// demos (see /staff/messages) so nothing reaches a real person until an operator configures a channel.
/// Idempotent by key: the outbox may run a message twice.
/// </summary>
internal sealed class DevelopmentSink(KithDb db, TimeProvider time) : IMessageSender
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (await KeptAsync(message.IdempotencyKey, ct)) return;
        db.DevMessages.Add(new DevMessage
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Channel = message.Channel,
            Recipient = message.To,
            Subject = message.Subject,
            Body = message.Body,
            IdempotencyKey = message.IdempotencyKey,
            SentAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await KeptAsync(message.IdempotencyKey, ct)) throw;
            // Another node kept it first (unique key): the message exists once, which is all we promise.
        }
    }

    private Task<bool> KeptAsync(string key, CancellationToken ct) =>
        db.DevMessages.AnyAsync(m => m.IdempotencyKey == key, ct);
}
