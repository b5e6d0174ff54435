using Kith.Platform.Time;
using System.Diagnostics;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Search;

namespace Kith.ServiceDirectory.Indexing;

/// <summary>
/// Keeps this node's search snapshot in step with the database: it reads the directory revision (one row)
/// every poll and rebuilds when another writer — on any node — has moved it. Rebuilding is a full read; the
/// directory is small next to the memory a node has (ADR 7), and a full rebuild cannot drift.
/// </summary>
internal sealed class DirectoryIndexRefresher(IServiceScopeFactory scopes, SearchSnapshots snapshots, IConfiguration configuration,
    DeploymentCalendar calendar, TimeProvider time, ILogger<DirectoryIndexRefresher> log) : BackgroundService
{
    private readonly SemaphoreSlim building = new(1, 1);
    private string? builtFromAreas;

    private TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Max(0.2, configuration.GetValue("Kith:Directory:IndexPollSeconds", 2.0)));

    internal string TimeZone => calendar.ZoneId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RefreshAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // The database may not be migrated or reachable yet; keep the last snapshot and try again.
                log.LogWarning("Directory index refresh failed: {ErrorType}", e.GetType().Name);
            }
            try { await Task.Delay(PollInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Rebuilds now if the database has moved on (tests and writers on this node call it to see their change at once).</summary>
    public async Task<DirectorySnapshot> RefreshAsync(CancellationToken ct)
    {
        await building.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            var revision = await db.RevisionAsync(ct);
            // Areas belong to the community module and change without touching the directory revision.
            var areasVersion = await scope.ServiceProvider.GetRequiredService<ICommunityFacts>().AreasVersionAsync(ct);
            if (snapshots.Current is { } current && current.Revision == revision && areasVersion == builtFromAreas) return current;
            var clock = Stopwatch.StartNew();
            // Confidential places get (or keep) their public point before the read: the index holds only that.
            await scope.ServiceProvider.GetRequiredService<ConfidentialPoints>().SettleAsync(ct);
            var (documents, cards, areas, categories) = await scope.ServiceProvider.GetRequiredService<DirectoryLoader>().LoadAsync(TimeZone, ct);
            var snapshot = new DirectorySnapshot(revision, DirectoryIndex.Build(documents), documents, cards, areas, categories, time.GetUtcNow().UtcDateTime);
            snapshots.Replace(snapshot);
            builtFromAreas = areasVersion;
            log.LogInformation("Directory index built: revision {Revision}, {Services} services in {Milliseconds} ms",
                revision, documents.Count, clock.ElapsedMilliseconds);
            return snapshot;
        }
        finally { building.Release(); }
    }
}
