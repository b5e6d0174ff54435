using Kith.Insights.Detection;

namespace Kith.Insights.Release;

/// <summary>One week of an area's series as a chart shows it: the published count, and where it can be shown, what was expected and the alarm.</summary>
internal sealed record SignalWeek(DateOnly Monday, int? Count, double? Expected, double? UpperBound, bool? Alarm, bool Running);

/// <summary>
/// Spike detection on what is published, never on hidden counts: EARS (C2 by default, as CDC's EARS runs on weekly
/// counts) over an area's weekly series, with the expected value, upper bound and alarm shown only for weeks whose own
/// count and every count of their baseline are published — a bound computed from a hidden count would tell something
/// about it. The running week is not tested: it is not over; nor are weeks whose baseline reaches back before anything
/// was counted (zeros from before Kith counted are not a baseline, and would make the first busy week a "spike").
/// </summary>
internal static class WeeklySignal
{
    public static IReadOnlyList<SignalWeek> Of(IndicatorRelease release, int area, EarsOptions method)
    {
        var counts = Enumerable.Range(0, release.Weeks.Count).Select(w => area < 0 ? release.WeekTotal(w) : release.Week(w, area)).ToList();
        var complete = release.Weeks.Count(w => w.AddDays(6) < release.Today);
        var points = new Dictionary<DateOnly, DetectionPoint>();
        if (complete > method.MaxLag)
        {
            var series = counts.Take(complete).Select(c => (double)(c ?? 0)).ToList();
            foreach (var p in Ears.Run([.. release.Weeks.Take(complete)], series, method).Points) points[p.Date] = p;
        }
        return [.. release.Weeks.Select((monday, w) =>
        {
            var shown = w < complete && w >= release.FirstWeek + method.MaxLag && Enumerable.Range(w - method.MaxLag, method.MaxLag + 1).All(i => counts[i] is not null)
                && points.TryGetValue(monday, out var p) ? p : null;
            return new SignalWeek(monday, counts[w], shown?.Expected, shown?.UpperBound, shown?.Alarm, w >= complete);
        })];
    }
}
