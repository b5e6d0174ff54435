using Kith.Insights.Indicators;
using Kith.Platform.Privacy;

namespace Kith.Insights.Release;

/// <summary>
/// Indicators that add up to one another, so they are protected together: concerns and concerns by tier (each concern has
/// one tier), line contacts and contacts by tier and by line, a questionnaire's responses and its bands. Protected apart,
/// "13 concerns, 10 of them routine" next to a hidden urgent count would give it away. (Categories are not a partition —
/// a concern can have several — so they stand alone.)
/// </summary>
internal sealed record ReleaseFamily(string Total, IReadOnlyList<string> BreakdownPrefixes)
{
    /// <summary>The family of <paramref name="key"/>, or null when it adds up with nothing.</summary>
    public static ReleaseFamily? Of(string key)
    {
        if (key == IndicatorCatalogue.Concerns || key.StartsWith(IndicatorCatalogue.ConcernsTier, StringComparison.Ordinal))
            return new(IndicatorCatalogue.Concerns, [IndicatorCatalogue.ConcernsTier]);
        if (key == IndicatorCatalogue.LineContacts || key.StartsWith(IndicatorCatalogue.LineTier, StringComparison.Ordinal)
            || key.StartsWith(IndicatorCatalogue.LineContactsOn, StringComparison.Ordinal))
            return new(IndicatorCatalogue.LineContacts, [IndicatorCatalogue.LineTier, IndicatorCatalogue.LineContactsOn]);
        if (key.StartsWith(IndicatorCatalogue.ScreeningResponses, StringComparison.Ordinal))
            return new(key, [IndicatorCatalogue.ScreeningBand + key[IndicatorCatalogue.ScreeningResponses.Length..] + "/"]);
        if (key.StartsWith(IndicatorCatalogue.ScreeningBand, StringComparison.Ordinal) && key.LastIndexOf('/') is > 0 and var slash)
            return new(IndicatorCatalogue.ScreeningResponses + key[IndicatorCatalogue.ScreeningBand.Length..slash], [key[..(slash + 1)]]);
        return null;
    }

    /// <summary>
    /// Relates the total's cells to each breakdown's (every week without days, every recent day, each area), where they
    /// really add up — a relation that did not hold would not be one an attacker could use either.
    /// </summary>
    public static void Relate(LinkedCounts counts, IndicatorRelease total, IReadOnlyList<IReadOnlyList<IndicatorRelease>> breakdowns)
    {
        foreach (var parts in breakdowns.Where(p => p.Count > 0))
            for (var a = 0; a < total.Areas.Count; a++)
            {
                for (var w = 0; w < total.Weeks.Count; w++)
                    if (!total.HasDays(w)) Add(total.WeekCell(w, a), [.. parts.Select(p => p.WeekCell(w, a))]);
                for (var d = 0; d < total.Days.Count; d++)
                    Add(total.DayCell(d, a), [.. parts.Select(p => p.DayCell(d, a))]);
            }

        void Add(int whole, int[] parts)
        {
            if (counts[whole] == parts.Sum(p => counts[p])) counts.Relate(whole, parts);
        }
    }
}
