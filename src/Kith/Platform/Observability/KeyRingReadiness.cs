using Kith.Platform.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kith.Platform.Observability;

/// <summary>Ready means the key ring on disk still holds every key the database was made with.</summary>
internal sealed class KeyRingReadiness(KeyChecks checks) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var problems = await checks.VerifyAsync(ct);
            return problems.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join(" ", problems));
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"Key ring not checked ({e.GetType().Name}).");
        }
    }
}
