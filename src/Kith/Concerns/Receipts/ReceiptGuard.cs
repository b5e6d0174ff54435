using System.Collections.Concurrent;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Concerns.Receipts;

/// <summary>
/// The brake on guessing receipts. Only wrong receipts count: per client (an in-memory window keyed by the
/// connection's address, which is never stored or logged), and across the deployment (a per-minute count
/// in the database, shared by every node, so a guesser spreading over many addresses is slowed too).
/// </summary>
internal sealed class ReceiptGuard(IOptions<ConcernOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTime>> failures = new();

    public async Task<bool> IsBlockedAsync(KithDb db, string client, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (failures.TryGetValue(client, out var queue))
        {
            lock (queue)
            {
                Prune(queue, now);
                if (queue.Count >= options.Value.ReceiptFailuresPerClient) return true;
            }
        }
        var minute = Minute(now);
        var global = await db.ReceiptFailures.AsNoTracking().Where(w => w.Minute == minute).Select(w => w.Failures).FirstOrDefaultAsync(ct);
        return global >= options.Value.ReceiptFailuresPerMinute;
    }

    public async Task RecordFailureAsync(KithDb db, string client, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var queue = failures.GetOrAdd(client, _ => new Queue<DateTime>());
        lock (queue)
        {
            Prune(queue, now);
            queue.Enqueue(now);
        }
        var minute = Minute(now);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO concerns_receipt_failures (minute, failures) VALUES ({minute}, 1) ON CONFLICT (minute) DO UPDATE SET failures = concerns_receipt_failures.failures + 1", ct);
        if (failures.Count > 10_000) Sweep(now);
    }

    private void Prune(Queue<DateTime> queue, DateTime now)
    {
        var window = TimeSpan.FromMinutes(Math.Max(1, options.Value.ReceiptWindowMinutes));
        while (queue.Count > 0 && queue.Peek() <= now - window) queue.Dequeue();
    }

    /// <summary>Forgets clients whose window has passed, so memory does not grow with every address ever seen.</summary>
    private void Sweep(DateTime now)
    {
        foreach (var (key, queue) in failures)
        {
            lock (queue)
            {
                Prune(queue, now);
                if (queue.Count == 0) failures.TryRemove(key, out _);
            }
        }
    }

    private static DateTime Minute(DateTime now) => new(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
}
