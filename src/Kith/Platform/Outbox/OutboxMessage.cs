namespace Kith.Platform.Outbox;

/// <summary>
/// A side effect to carry out after a change commits (notify a team, send an SMS, escalate at a
/// deadline). Written in the same transaction as the change — never "save, then publish" — and run
/// by the job runner once, on whichever node claims it.
/// </summary>
internal sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public required string Topic { get; set; }
    public required string Payload { get; set; }
    /// <summary>Optional: a second message with the same key is not enqueued (e.g. one escalation per deadline).</summary>
    public string? IdempotencyKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }
    public string? LockedBy { get; set; }
    public Guid? LeaseToken { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>Set when attempts are exhausted; the message stays for an operator to see.</summary>
    public DateTime? FailedAt { get; set; }
    /// <summary>Exception type and message of the last failure — handlers must not put content in messages.</summary>
    public string? LastError { get; set; }

    public static OutboxMessage Create<T>(string topic, T payload, DateTime now, DateTime? dueAt = null, string? idempotencyKey = null) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Topic = topic,
            Payload = System.Text.Json.JsonSerializer.Serialize(payload),
            IdempotencyKey = idempotencyKey,
            CreatedAt = now,
            DueAt = dueAt ?? now,
        };
}
