using System.Globalization;
using Kith.Insights.Detection;
using Kith.Insights.Release;

namespace Kith.Insights.Dashboard;

/// <summary>One row of a chart's table (and CSV): a week or a day, an area (or all areas), what is published.</summary>
internal sealed record ChartRow(DateOnly Period, string Area, int? Count, double? Mean, double? Expected, double? UpperBound, bool? Alarm, bool Running);

/// <summary>One area of the map's table (and CSV): its published count for the week and the rate per 10,000 residents.</summary>
internal sealed record MapRow(ReleaseArea Area, int? Count, double? Per10k, bool? Alarm);

/// <summary>
/// What each dashboard view shows, computed once here for the page and for its CSV, so a download always has the same
/// numbers as the page, hidden the same way (every value comes from the one <see cref="IndicatorRelease"/>).
/// </summary>
internal static class InsightsViews
{
    public static readonly int[] WeekChoices = [12, 26, 52, 104];

    /// <summary>
    /// The detection method dashboards and alerts use: EARS C2 on weekly counts (baseline 7, guard 2, α 0.001 as R), CDC's
    /// EARS default, with a minimum standard deviation of 1 — a steady baseline (12, 12, 12 …) would otherwise call 13 a spike.
    /// </summary>
    public static EarsOptions Method { get; } = new("C2", MinSigma: 1);

    /// <summary>Weekly rows of the last <paramref name="weeks"/> weeks for each of <paramref name="areas"/> (index −1 = all areas).</summary>
    public static IReadOnlyList<ChartRow> Weekly(IndicatorRelease release, IReadOnlyList<int> areas, int weeks)
    {
        var rows = new List<ChartRow>();
        foreach (var area in areas)
        {
            var signal = WeeklySignal.Of(release, area, Method);
            var name = AreaName(release, area);
            for (var w = Math.Max(0, release.Weeks.Count - weeks); w < release.Weeks.Count; w++)
            {
                var s = signal[w];
                var mean = area < 0 ? release.WeekTotalMean(w) : release.WeekMean(w, area);
                rows.Add(new ChartRow(s.Monday, name, s.Count, mean, s.Expected, s.UpperBound, s.Alarm, s.Running));
            }
        }
        return rows;
    }

    /// <summary>Daily rows of the recent weeks for each of <paramref name="areas"/> (no detection: surveillance here is weekly).</summary>
    public static IReadOnlyList<ChartRow> Daily(IndicatorRelease release, IReadOnlyList<int> areas) =>
        [.. areas.SelectMany(area => release.Days.Select((day, d) =>
            new ChartRow(day, AreaName(release, area), area < 0 ? release.DayTotal(d) : release.Day(d, area), null, null, null, null, day == release.Today)))];

    public static IReadOnlyList<MapRow> Map(IndicatorRelease release, int week)
    {
        var alarms = Enumerable.Range(0, release.Areas.Count).Select(a => WeeklySignal.Of(release, a, Method)[week].Alarm).ToList();
        return [.. release.Areas.Select((area, a) =>
        {
            var count = release.Week(week, a);
            return new MapRow(area, count, count is { } c && area.Population > 0 ? c * 10_000.0 / area.Population : null, alarms[a]);
        })];
    }

    public static string AreaName(IndicatorRelease release, int area) => area < 0 ? "All areas" : release.Areas[area].Name;

    /// <summary>Numbers as a CSV shows them: invariant, empty where hidden or not computed.</summary>
    public static string Number(double? value, string format = "0.##") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
