using System.Security.Claims;
using Kith.Insights.Indicators;
using Kith.Insights.Release;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Insights.Value;

/// <summary>Group attendance as released (<see cref="IndicatorReleases"/>): the sum of the published weekly totals over a year of complete weeks.</summary>
internal sealed record MeasuredReach(int Attendances, DateOnly From, DateOnly To, int HiddenWeeks);

/// <summary>
/// Reads and writes the prevention-value assumptions. Leaders and administrators change them; coordinators read them
/// (they run programmes whose value is being argued, so the figures are the coalition's, not theirs to set).
/// A save adds the next version in one insert: a stale form or a concurrent save is refused whole.
/// </summary>
internal sealed class ValueDesk(KithDb db, IndicatorReleases releases, TimeProvider time)
{
    public const int MeasuredWeeks = 52;

    public static bool MayEdit(ClaimsPrincipal user) => user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Admin);

    /// <summary>Every version, newest first.</summary>
    public async Task<IReadOnlyList<ValueAssumption>> HistoryAsync(CancellationToken ct) =>
        await db.ValueAssumptions.AsNoTracking().OrderByDescending(a => a.Version).ToListAsync(ct);

    /// <summary>Adds the version after <paramref name="seen"/>; false when someone saved another version first.</summary>
    public async Task<bool> SaveAsync(ValueInput input, int seen, ClaimsPrincipal user, CancellationToken ct)
    {
        var current = await db.ValueAssumptions.MaxAsync(a => (int?)a.Version, ct) ?? 0;
        if (current != seen) return false;
        db.ValueAssumptions.Add(new ValueAssumption
        {
            Id = Guid.NewGuid(), Version = current + 1, ChangedAt = time.GetUtcNow().UtcDateTime,
            ChangedBy = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ChangedByName = user.FindFirstValue(StaffClaims.DisplayName) ?? user.Identity?.Name ?? "",
            CostBasis = input.CostBasis, Cost = input.Cost, CostNote = input.CostNote, Reach = input.Reach, ReachNote = input.ReachNote,
            Effect = input.Effect, EffectLow = input.EffectLow, EffectHigh = input.EffectHigh, EffectNote = input.EffectNote,
            CostAverted = input.CostAverted, CostAvertedNote = input.CostAvertedNote,
            ReturnPerDollar = input.ReturnPerDollar, ReturnSource = input.ReturnSource, ReturnLink = input.ReturnLink, ReturnNote = input.ReturnNote,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique version: another editor's save of the same next version got there first.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The released group attendance over the last <see cref="MeasuredWeeks"/> complete weeks, or null before anything is counted.</summary>
    public async Task<MeasuredReach?> MeasuredAsync(CancellationToken ct)
    {
        if (await releases.ForAsync(IndicatorCatalogue.GroupAttendance, ct) is not { } release || release.Weeks.Count < 2) return null;
        var last = release.Weeks.Count - 2; // the week after it is still running
        var weeks = Enumerable.Range(Math.Max(0, last - MeasuredWeeks + 1), Math.Min(MeasuredWeeks, last + 1)).ToList();
        var totals = weeks.Select(release.WeekTotal).ToList();
        return new MeasuredReach(totals.Sum(t => t ?? 0), release.Weeks[weeks[0]], release.Weeks[last].AddDays(6), totals.Count(t => t is null));
    }
}
