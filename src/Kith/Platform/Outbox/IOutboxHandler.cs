namespace Kith.Platform.Outbox;

/// <summary>
/// Carries out messages of one topic. Runs at least once per message (a node may die mid-way and
/// the lease expire), so effects must be idempotent: use <see cref="OutboxDelivery.MessageId"/> as the key.
/// </summary>
internal interface IOutboxHandler
{
    string Topic { get; }
    Task HandleAsync(OutboxDelivery delivery, CancellationToken ct);
}

internal sealed record OutboxDelivery(Guid MessageId, string Topic, string Payload, int Attempt)
{
    public T Read<T>() => System.Text.Json.JsonSerializer.Deserialize<T>(Payload)
        ?? throw new InvalidOperationException($"Outbox message {MessageId} has an empty payload.");
}
