using System.Globalization;
using Kith.ServiceDirectory.Contracts;
using Microsoft.Extensions.Localization;

namespace Kith.Insights.Dashboard;

/// <summary>
/// The sentences above the two maps: where demand is high and services are short. An area counts as "high" when its
/// published rate is above the rate of all areas together, or it has a spike; an area whose count is hidden is never
/// judged (saying "high" or "low" of it would tell what the hidden count is not). Supply is the directory's gap rule.
/// </summary>
internal static class DemandAndSupply
{
    public static IReadOnlyList<string> Sentences(IReadOnlyList<MapRow> rows, NeedSupply supply, IStringLocalizer T)
    {
        var known = rows.Where(r => r.Area.Known).ToList();
        var population = known.Sum(r => (long)Math.Max(0, r.Area.Population));
        var published = known.Where(r => r.Count is not null).ToList();
        // The rate of all areas from published counts only, and only when none is hidden: a total of the shown counts
        // would understate it.
        double? overall = published.Count == known.Count && population > 0 ? published.Sum(r => r.Count!.Value) * 10_000.0 / population : null;
        var gaps = supply.Areas.Where(a => a.Gap).Select(a => a.AreaCode).ToHashSet(StringComparer.Ordinal);
        var need = supply.NeedCode == "all" ? T["All needs"].Value : T[supply.NeedName].Value;
        var high = published.Where(r => r.Alarm == true || (overall is { } o && r.Per10k > o)).ToList();
        var both = high.Where(r => gaps.Contains(r.Area.Code)).Select(r => r.Area.Name).ToList();

        var lines = new List<string>();
        if (both.Count > 0)
            lines.Add(T["High demand and a service gap for “{0}”: {1}.", need, string.Join(", ", both)]);
        else if (high.Count > 0)
            lines.Add(T["No area with high demand has a service gap for “{0}”.", need]);
        else
            lines.Add(T["No area shows high demand this week (a spike, or a rate above all areas' rate of {0} per 10,000).",
                overall?.ToString("N1", CultureInfo.CurrentCulture) ?? "—"]);
        var hidden = known.Count(r => r.Count is null);
        if (hidden > 0) lines.Add(T["{0} areas have hidden counts and are not judged.", hidden]);
        return lines;
    }
}
