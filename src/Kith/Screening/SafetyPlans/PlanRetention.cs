using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Screening.SafetyPlans;

/// <summary>
/// Retention: a plan nobody has opened or saved for <c>Kith:SafetyPlans:KeepMonths</c> (24) is deleted for good,
/// and an expired share loses its wrapped key, so the share code could not open the plan even if the clock were wrong.
/// </summary>
internal sealed class PlanRetention(KithDb db, IOptions<SafetyPlanOptions> options, TimeProvider time, ILogger<PlanRetention> log) : IRecurringJob
{
    public string Name => "screening.safety-plan-retention";
    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var unusedSince = now.AddMonths(-Math.Max(1, options.Value.KeepMonths));
        var deleted = await db.SafetyPlans.Where(p => p.LastUsedAt <= unusedSince).ExecuteDeleteAsync(ct);
        await db.SafetyPlans.Where(p => p.SharedUntil != null && p.SharedUntil <= now).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ShareHash, (string?)null)
            .SetProperty(p => p.ShareSalt, (byte[]?)null)
            .SetProperty(p => p.ShareKey, (byte[]?)null)
            .SetProperty(p => p.SharedUntil, (DateTime?)null), ct);
        if (deleted > 0) log.LogInformation("Deleted {Count} safety plans unused for {Months} months", deleted, options.Value.KeepMonths);
    }
}
