using Kith.Platform.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kith.Platform.Observability;

/// <summary>Ready means: the database answers and every migration this build ships has been applied.</summary>
internal sealed class DatabaseReadiness(Migrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var pending = await migrator.PendingAsync(ct);
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied; run `kith migrate`.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"Database unreachable ({e.GetType().Name}).");
        }
    }
}
