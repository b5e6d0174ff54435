using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Messaging;

/// <summary>How a module sends email or SMS: through the outbox, so a message leaves only if the change that caused it commits.</summary>
internal static class Messages
{
    public const string Topic = "platform.message";
    /// <summary>The outbox key (<c>message:</c> + this) must fit its 200-character column.</summary>
    public const int MaxKeyLength = 192;

    /// <summary>
    /// Adds an outbox row (same transaction as the caller's change) that sends the message once, retried by the job runner.
    /// A key already enqueued — in this unit of work or an earlier one — adds nothing, so a rerun of the caller
    /// (a job retried after a crash) does not fail on the unique key. Two transactions racing on one key: the
    /// later commit fails on the unique index (DbUpdateException) and nothing is sent twice. Delivered rows are
    /// purged after a week (OutboxCleanup), so keys must name a notice, not be reused for a later one.
    /// </summary>
    public static async Task EnqueueAsync(KithDb db, OutgoingMessage message, DateTime now, CancellationToken ct)
    {
        var key = CheckedKey(message);
        if (db.Outbox.Local.Any(m => m.IdempotencyKey == key) || await db.Outbox.AnyAsync(m => m.IdempotencyKey == key, ct)) return;
        db.Outbox.Add(OutboxMessage.Create(Topic, message, now, idempotencyKey: key));
    }

    /// <summary>
    /// As <see cref="EnqueueAsync"/>, without asking the database: for callers whose key names a row created in the
    /// same unit of work (so no earlier commit can hold it), e.g. an alert written with the message. Saves a query
    /// per message on hot paths; a duplicate would still be stopped by the unique index.
    /// </summary>
    public static void EnqueueNew(KithDb db, OutgoingMessage message, DateTime now)
    {
        var key = CheckedKey(message);
        if (db.Outbox.Local.Any(m => m.IdempotencyKey == key)) return;
        db.Outbox.Add(OutboxMessage.Create(Topic, message, now, idempotencyKey: key));
    }

    private static string CheckedKey(OutgoingMessage message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.To);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.IdempotencyKey.Length, MaxKeyLength, nameof(message.IdempotencyKey));
        return OutboxKey(message.IdempotencyKey);
    }

    public static string OutboxKey(string idempotencyKey) => $"message:{idempotencyKey}";
}
