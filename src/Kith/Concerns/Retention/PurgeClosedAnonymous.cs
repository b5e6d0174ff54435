using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Concerns.Retention;

/// <summary>
/// Retention: an anonymous concern closed more than <c>Kith:Concerns:PurgeAnonymousAfterDays</c> ago loses
/// everything written — narrative, messages, notes, reasons — and its receipt stops working. What remains is
/// what counts need: day, area, categories, tier, times and outcome. Also forgets old guessing counts.
/// </summary>
internal sealed class PurgeClosedAnonymous(KithDb db, IOptions<ConcernOptions> options, TimeProvider time, ILogger<PurgeClosedAnonymous> log) : IRecurringJob
{
    public string Name => "concerns.purge-closed-anonymous";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var closedBefore = now.AddDays(-Math.Max(0, options.Value.PurgeAnonymousAfterDays));
        var purged = 0;
        while (true)
        {
            var ids = await db.Concerns
                .Where(c => c.Anonymous && c.PurgedAt == null && c.ClosedAt != null && c.ClosedAt <= closedBefore)
                .OrderBy(c => c.ClosedAt).Select(c => c.Id).Take(200).ToListAsync(ct);
            if (ids.Count == 0) break;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.ConcernMessages.Where(m => ids.Contains(m.ConcernId)).ExecuteDeleteAsync(ct);
            await db.Interventions.Where(i => ids.Contains(i.ConcernId)).ExecuteUpdateAsync(s => s.SetProperty(i => i.Notes, (string?)null), ct);
            await db.ConcernStatusChanges.Where(c => ids.Contains(c.ConcernId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Reason, (string?)null), ct);
            await db.HandOffs.Where(h => ids.Contains(h.ConcernId)).ExecuteUpdateAsync(s => s.SetProperty(h => h.Reason, "(purged)"), ct);
            await db.Concerns.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Narrative, (string?)null)
                .SetProperty(c => c.ReceiptHash, (string?)null)
                .SetProperty(c => c.ContactName, (string?)null)
                .SetProperty(c => c.ContactPhone, (string?)null)
                .SetProperty(c => c.ContactEmail, (string?)null)
                .SetProperty(c => c.PurgedAt, now)
                .SetProperty(c => c.UpdatedAt, now)
                .SetProperty(c => c.Revision, c => c.Revision + 1), ct);
            await transaction.CommitAsync(ct);
            purged += ids.Count;
        }
        await db.ReceiptFailures.Where(w => w.Minute < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        if (purged > 0) log.LogInformation("Purged the content of {Count} closed anonymous concerns", purged);
    }
}
