using Kith.Platform.Data;
using Kith.Platform.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kith.Platform.Observability;

/// <summary>
/// Ready means a write would succeed: the database takes a write (rolled back) and the data and key
/// folders take a small file. A full disk otherwise leaves /readyz at 200 while every submission fails.
/// </summary>
internal sealed class StorageReadiness(IServiceScopeFactory scopes, DatabaseSettings database, KeyRing keyRing) : IHealthCheck
{
    private const int ProbeBytes = 64 * 1024;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        foreach (var folder in Folders())
        {
            var probe = Path.Combine(folder, $".kith-ready-{Guid.NewGuid():N}");
            try
            {
                await using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                {
                    await file.WriteAsync(new byte[ProbeBytes], ct);
                    await file.FlushAsync(ct);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return HealthCheckResult.Unhealthy($"{folder} cannot be written ({e.GetType().Name}: disk full or read-only?).");
            }
            finally
            {
                try { File.Delete(probe); } catch (IOException) { }
            }
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            db.Database.SetCommandTimeout(5);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO platform_probe_runs (message_id, node_id, ran_at) VALUES ({Guid.Empty}, {"readyz"}, {DateTime.UtcNow})", ct);
            await transaction.RollbackAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"Database cannot be written ({e.GetType().Name}).");
        }
    }

    private IEnumerable<string> Folders()
    {
        yield return keyRing.Directory;
        if (database.IsPostgres) yield break;
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (file != ":memory:" && Path.GetDirectoryName(file) is { Length: > 0 } folder && folder != keyRing.Directory) yield return folder;
    }
}
