using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.GapAnalysis;

/// <summary>The plain-language lines above the map: which areas are gaps and against what county average.</summary>
internal static class GapSummary
{
    public static IReadOnlyList<string> Sentences(CategorySupply supply, IStringLocalizer T, int max)
    {
        var need = T[supply.Category.Name].Value;
        var all = supply.Category.TermId is null;
        var county = Rate(supply.CountyServicesPer10k);
        var populated = supply.Areas.Where(a => a.Gap != GapFlag.NoPopulation).ToList();
        var gaps = supply.Areas.Where(a => a.Gap is GapFlag.NoService or GapFlag.BelowHalfCountyRate)
            .OrderBy(a => a.Gap == GapFlag.NoService ? 0 : 1).ThenByDescending(a => a.Area.Population).ToList();
        var lines = new List<string>();

        if (populated.Count > 0 && populated.All(a => a.InArea == 0))
            lines.Add(all ? T["No area has a service with a place in it."] : T["No area has an in-person service for “{0}”.", need]);
        else if (gaps.Count == 0 && populated.Count > 0)
            lines.Add(all ? T["Every area with residents has at least half the county rate of in-person services ({0} per 10,000 residents).", county]
                : T["Every area with residents has at least half the county rate of in-person services for “{0}” ({1} per 10,000 residents).", need, county]);
        else
            foreach (var a in gaps.Take(max))
                lines.Add(a.Gap == GapFlag.NoService
                    ? all ? T["{0} has no in-person service ({1} reach it by phone, text, video or county-wide); the county average is {2} per 10,000 residents.", a.Area.Name, a.Reaching, county]
                        : T["{0} has no in-person service for “{1}” ({2} reach it by phone, text, video or county-wide); the county average is {3} per 10,000 residents.", a.Area.Name, need, a.Reaching, county]
                    : all ? T["{0} has {1} in-person services per 10,000 residents, less than half the county average of {2}.", a.Area.Name, Rate(a.ServicesPer10k), county]
                        : T["{0} has {1} in-person services for “{2}” per 10,000 residents, less than half the county average of {3}.", a.Area.Name, Rate(a.ServicesPer10k), need, county]);
        if (gaps.Count > max) lines.Add(T["And {0} more areas: see the table.", gaps.Count - max]);

        var unknown = supply.Areas.Count(a => a.Gap == GapFlag.NoPopulation);
        if (unknown > 0) lines.Add(T["{0} areas have no population recorded, so they have no rates.", unknown]);
        return lines;
    }

    private static string Rate(double? value) => value is { } v ? v.ToString("N1", CultureInfo.CurrentCulture) : "—";
}
