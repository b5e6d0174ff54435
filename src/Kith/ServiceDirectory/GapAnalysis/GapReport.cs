using Kith.Platform.Time;
using Kith.ServiceDirectory.Freshness;
using Kith.ServiceDirectory.Indexing;

namespace Kith.ServiceDirectory.GapAnalysis;

/// <summary>The gap analysis of the node's current directory snapshot, for the page and the CSV export.</summary>
internal sealed class GapReport(SearchSnapshots snapshots, DeploymentCalendar calendar, IEnumerable<INeedSignal> needSignals)
{
    // Drawing thousands of areas would make a heavy page (as on the areas page); the table still lists them all.
    private const int MaxOutlines = 500;

    public IReadOnlyList<INeedSignal> Signals { get; } = needSignals.ToList();

    public async Task<GapReportResult> ForAsync(IReadOnlyList<NeedCategory> categories, CancellationToken ct)
    {
        var snapshot = await snapshots.GetAsync(ct);
        var areas = snapshot.Areas.OrderBy(a => a.Name, StringComparer.CurrentCulture)
            .Select(a => new GapArea(a.Id.ToString(), a.Code, a.Name, a.Population)).ToList();
        var week = ReferenceWeek(calendar.Today, calendar.Zone);
        var outlines = snapshot.Areas.Count > MaxOutlines ? []
            : snapshot.Areas.Select(a => (a.Code, a.Name, a.Population, a.BoundaryGeoJson)).ToList();
        return new(SupplyAndNeed.Compute(snapshot.Documents, areas, categories, week, Signals), week, outlines);
    }

    /// <summary>
    /// The week the hours are counted in: from the latest Monday, or the week before when a clock change falls in it,
    /// so a 24/7 service always counts 168 hours and figures do not jump twice a year.
    /// </summary>
    public static DateOnly ReferenceWeek(DateOnly today, TimeZoneInfo zone)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return HasClockChange(monday, zone) ? monday.AddDays(-7) : monday;
    }

    private static bool HasClockChange(DateOnly monday, TimeZoneInfo zone) =>
        zone.GetUtcOffset(monday.ToDateTime(new TimeOnly(12, 0))) != zone.GetUtcOffset(monday.AddDays(7).ToDateTime(new TimeOnly(12, 0)))
        || zone.GetUtcOffset(monday.ToDateTime(TimeOnly.MinValue)) != zone.GetUtcOffset(monday.ToDateTime(new TimeOnly(12, 0)));
}

internal sealed record GapReportResult(IReadOnlyList<CategorySupply> Categories, DateOnly WeekStarting,
    IReadOnlyList<(string Code, string Name, int Population, string GeometryJson)> Outlines);
