using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Platform.Jobs;

/// <summary>
/// Runs due outbox messages and recurring jobs on this node. Every node runs one; leases in the
/// database decide who does what, so adding nodes adds throughput, never duplicates.
/// </summary>
internal sealed class JobRunner(
    IServiceScopeFactory scopes,
    IOptions<JobOptions> options,
    NodeIdentity node,
    Observability.KithMetrics metrics,
    TimeProvider time,
    ILogger<JobRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var registered = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                // Inside the loop: a node may start before the database is reachable or migrated, and a
                // failure here must not stop the host (readiness reports it); the next poll tries again.
                if (!registered)
                {
                    await RegisterRecurringJobsAsync(stoppingToken);
                    registered = true;
                }
                busy = await RunDueAsync(stoppingToken) > 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable; keep polling rather than stop the node's work.
                log.LogWarning("Job runner poll failed: {ErrorType}", e.GetType().Name);
            }
            if (!busy)
            {
                try { await Task.Delay(options.Value.PollInterval, time, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Ensures each registered recurring job has its schedule row; several nodes may race here.</summary>
    public async Task RegisterRecurringJobsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var jobs = scope.ServiceProvider.GetServices<IRecurringJob>();
        var known = await db.ScheduledJobs.Select(j => j.Name).ToListAsync(ct);
        foreach (var job in jobs.Where(j => !known.Contains(j.Name)))
        {
            db.ScheduledJobs.Add(new ScheduledJob { Name = job.Name, NextRunAt = time.GetUtcNow().UtcDateTime });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another node registered it first
        }
    }

    /// <summary>One poll: claims and runs what is due. Returns how many items ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var ran = await RunOutboxAsync(ct);
        ran += await RunRecurringAsync(ct);
        return ran;
    }

    private async Task<int> RunOutboxAsync(CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var now = time.GetUtcNow().UtcDateTime;
        IReadOnlyList<Guid> claimed;
        using (var scope = scopes.CreateScope())
        {
            var leases = scope.ServiceProvider.GetRequiredService<Leases>();
            claimed = await leases.ClaimOutboxAsync(node.Id, token, now, now + options.Value.Lease, options.Value.BatchSize, ct);
        }
        foreach (var id in claimed)
            await DeliverAsync(id, token, ct);
        return claimed.Count;
    }

    private async Task DeliverAsync(Guid id, Guid token, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var message = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.LeaseToken == token, ct);
        if (message is null) return;
        var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Topic == message.Topic);
        try
        {
            if (handler is null)
                throw new InvalidOperationException($"No handler for topic '{message.Topic}'.");
            await handler.HandleAsync(new OutboxDelivery(message.Id, message.Topic, message.Payload, message.Attempts), ct);
            var done = time.GetUtcNow().UtcDateTime;
            await db.Outbox.Where(m => m.Id == id && m.LeaseToken == token).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.CompletedAt, done).SetProperty(m => m.LockedUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), ct);
            metrics.OutboxDelivered.Add(1, new("topic", message.Topic), new("outcome", "delivered"));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failedNow = time.GetUtcNow().UtcDateTime;
            var exhausted = message.Attempts >= options.Value.MaxAttempts;
            var retryAt = failedNow + Backoff(message.Attempts);
            var error = Truncate($"{e.GetType().Name}: {e.Message}", 500);
            log.LogWarning("Outbox message {MessageId} on {Topic} failed (attempt {Attempt}): {ErrorType}", id, message.Topic, message.Attempts, e.GetType().Name);
            metrics.OutboxDelivered.Add(1, new("topic", message.Topic), new("outcome", exhausted ? "failed" : "retrying"));
            await db.Outbox.Where(m => m.Id == id && m.LeaseToken == token).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.DueAt, retryAt)
                .SetProperty(m => m.FailedAt, exhausted ? failedNow : null)
                .SetProperty(m => m.LastError, error), ct);
        }
    }

    private async Task<int> RunRecurringAsync(CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var now = time.GetUtcNow().UtcDateTime;
        IReadOnlyList<string> claimed;
        using (var scope = scopes.CreateScope())
        {
            var leases = scope.ServiceProvider.GetRequiredService<Leases>();
            claimed = await leases.ClaimJobsAsync(node.Id, token, now, now + options.Value.Lease, ct);
        }
        foreach (var name in claimed)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            var job = scope.ServiceProvider.GetServices<IRecurringJob>().FirstOrDefault(j => j.Name == name);
            string? error = null;
            var interval = job?.Interval ?? TimeSpan.FromHours(1);
            try
            {
                if (job is null) throw new InvalidOperationException($"No recurring job named '{name}' on this node.");
                await job.RunAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                error = Truncate($"{e.GetType().Name}: {e.Message}", 500);
                log.LogWarning("Recurring job {Job} failed: {ErrorType}", name, e.GetType().Name);
            }
            var finished = time.GetUtcNow().UtcDateTime;
            await db.ScheduledJobs.Where(j => j.Name == name && j.LeaseToken == token).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LastRunAt, finished)
                .SetProperty(j => j.NextRunAt, finished + interval)
                .SetProperty(j => j.LockedUntil, (DateTime?)null)
                .SetProperty(j => j.LastError, error), ct);
        }
        return claimed.Count;
    }

    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Clamp(attempts, 0, 12))));

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
