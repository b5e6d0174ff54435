using Kith.Insights.Release;

namespace Kith.Insights.Dashboard;

/// <summary>The areas a chart or its CSV shows, from <c>?area=</c> values: "all" (every area together), "none" (no area known) or an area's code.</summary>
internal static class AreaChoice
{
    public const int MaxCompared = 3;

    /// <summary>Release indexes (−1 = all areas) and the values no area answers to.</summary>
    public static (IReadOnlyList<int> Areas, IReadOnlyList<string> Unknown) Parse(IndicatorRelease release, IEnumerable<string>? asked)
    {
        var areas = new List<int>();
        var unknown = new List<string>();
        foreach (var value in (asked ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct())
        {
            int? index = value == "all" ? -1
                : value == "none" ? release.Areas.Select((a, i) => (a, i)).Where(x => !x.a.Known).Select(x => (int?)x.i).FirstOrDefault()
                : release.Areas.Select((a, i) => (a, i)).Where(x => x.a.Known && string.Equals(x.a.Code, value, StringComparison.OrdinalIgnoreCase)).Select(x => (int?)x.i).FirstOrDefault();
            if (index is { } i) { if (!areas.Contains(i)) areas.Add(i); }
            else unknown.Add(value);
        }
        if (areas.Count == 0) areas.Add(-1);
        return (areas.Take(MaxCompared).ToList(), unknown);
    }

    public static string Key(IndicatorRelease release, int area) => area < 0 ? "all" : release.Areas[area].Known ? release.Areas[area].Code : "none";
}
