using Kith.Concerns.CaseWork;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.Retention;

/// <summary>
/// Moves concerns that have sat too long in a status, by the deployment's automatic transitions (default:
/// waiting for the reporter more than 14 days → closed). Recorded like any change, with no person as author.
/// </summary>
internal sealed class AutomaticTransitions(KithDb db, StatusChanges statuses, TimeProvider time, ILogger<AutomaticTransitions> log) : IRecurringJob
{
    public string Name => "concerns.automatic-transitions";
    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken ct)
    {
        var table = await statuses.TableAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var moved = 0;
        foreach (var rule in table.Transitions.Where(t => t.AutomaticAfterDays is > 0))
        {
            var before = now.AddDays(-rule.AutomaticAfterDays!.Value);
            var due = await db.Concerns.Where(c => c.Status == rule.FromStatus && c.StatusChangedAt <= before && c.PurgedAt == null)
                .OrderBy(c => c.StatusChangedAt).Take(500).ToListAsync(ct);
            foreach (var concern in due)
            {
                if (statuses.Move(table, concern, rule.ToStatus, null, $"Automatic: {rule.AutomaticAfterDays} days in {table.NameOf(rule.FromStatus)}", now) is null)
                {
                    if (table.KindOf(rule.ToStatus) == Domain.StatusKinds.Closed) concern.Outcome ??= "no-response";
                    moved++;
                }
            }
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); } // someone acted on one meanwhile; the next run looks again
        }
        if (moved > 0) log.LogInformation("Moved {Count} concerns by automatic transitions", moved);
    }
}
