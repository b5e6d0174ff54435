using System.Collections.Concurrent;
using System.Globalization;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Concerns.Receipts;

/// <summary>
/// The brake on guessing receipts (ADR 16). Only wrong receipts count: per client (an in-memory window keyed by
/// the connection's address, which is never stored or logged), and across the deployment per bucket — the first
/// three hex digits of the receipt's keyed hash, 4,096 buckets, counted per minute in the database and shared by
/// every node. A wrong guess brakes only its own bucket, so a guesser spread over many addresses is slowed
/// without stopping every reporter: the right receipt of another bucket still opens.
/// </summary>
internal sealed class ReceiptGuard(IOptions<ConcernOptions> options, TimeProvider time)
{
    public const int Buckets = 4096;
    private readonly ConcurrentDictionary<string, Queue<DateTime>> failures = new();
    private long lastCleared;

    /// <summary>The bucket of a receipt, from its keyed hash (lower-case hex).</summary>
    public static int BucketOf(string hash) => int.Parse(hash.AsSpan(0, 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <param name="bucket">Null for a malformed receipt: it cannot open anything, so only the client's window applies.</param>
    public async Task<bool> IsBlockedAsync(KithDb db, string client, int? bucket, CancellationToken ct)
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
        if (bucket is null) return false;
        var minute = Minute(now);
        var global = await db.ReceiptFailures.AsNoTracking().Where(w => w.Minute == minute && w.Bucket == bucket)
            .Select(w => w.Failures).FirstOrDefaultAsync(ct);
        return global >= options.Value.ReceiptFailuresPerBucketPerMinute;
    }

    public async Task RecordFailureAsync(KithDb db, string client, int? bucket, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var queue = failures.GetOrAdd(client, _ => new Queue<DateTime>());
        lock (queue)
        {
            Prune(queue, now);
            queue.Enqueue(now);
        }
        if (failures.Count > 10_000) Sweep(now);
        if (bucket is not { } b) return;
        var minute = Minute(now);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO concerns_receipt_failures (minute, bucket, failures) VALUES ({minute}, {b}, 1) ON CONFLICT (minute, bucket) DO UPDATE SET failures = concerns_receipt_failures.failures + 1", ct);
        // Past minutes brake nothing: each node clears them at most once a minute, so the table stays small.
        if (Interlocked.Exchange(ref lastCleared, minute.Ticks) == minute.Ticks) return;
        var stale = minute.AddMinutes(-5);
        await db.ReceiptFailures.Where(w => w.Minute < stale).ExecuteDeleteAsync(ct);
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
