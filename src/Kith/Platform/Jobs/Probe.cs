using Kith.Platform.Data;
using Kith.Platform.Outbox;

namespace Kith.Platform.Jobs;

/// <summary>
/// A diagnostic topic: each probe message records which node ran it. `kith jobs probe` and the
/// multi-node test use it to show that every node takes work and no message runs twice.
/// </summary>
internal sealed class Probe(KithDb db, NodeIdentity node, TimeProvider time) : IOutboxHandler
{
    public const string TopicName = "platform.probe";
    public string Topic => TopicName;

    public async Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        db.ProbeRuns.Add(new ProbeRun { MessageId = delivery.MessageId, NodeId = node.Id, RanAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Keeps the outbox small: delivered messages are kept a week for diagnosis, then removed.</summary>
internal sealed class OutboxCleanup(KithDb db, TimeProvider time) : IRecurringJob
{
    public string Name => "platform.outbox-cleanup";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-7);
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(
            db.Outbox.Where(m => m.CompletedAt != null && m.CompletedAt < cutoff), ct);
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(
            db.ProbeRuns.Where(r => r.RanAt < cutoff), ct);
    }
}
