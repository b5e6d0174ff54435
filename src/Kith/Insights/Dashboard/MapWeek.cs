using System.Globalization;
using Kith.Insights.Release;

namespace Kith.Insights.Dashboard;

/// <summary>The map's week and its shading: five equal classes of the published rates; hidden counts shaded apart, never guessed.</summary>
internal static class MapWeek
{
    /// <summary>The week index for <c>?week=</c> (a week's Monday, or any day in it); the last complete week when absent; −1 when unknown.</summary>
    public static int Parse(IndicatorRelease release, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Math.Max(0, release.LastCompleteWeek);
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? release.WeekIndex(IndicatorRelease.Monday(day)) : -1;
    }

    public static (IReadOnlyList<(string Code, string Css, string Value)> Areas, IReadOnlyList<(string Css, string Text)> Legend) Shading(
        IReadOnlyList<MapRow> rows, string hidden, string noResidents)
    {
        var rates = rows.Where(r => r.Area.Known && r.Per10k is not null).Select(r => r.Per10k!.Value).ToList();
        var max = rates.DefaultIfEmpty(0).Max();
        int Class(double v) => max <= 0 ? 1 : Math.Clamp((int)Math.Ceiling(v / max * 5), 1, 5);
        var areas = rows.Where(r => r.Area.Known).Select(r => r switch
        {
            { Count: null } => (r.Area.Code, "gap-none", hidden),
            { Per10k: { } rate } => (r.Area.Code, $"gap-class-{Class(rate)}", rate.ToString("N1", CultureInfo.CurrentCulture)),
            _ => (r.Area.Code, "gap-unknown", noResidents),
        }).ToList();
        var legend = new List<(string, string)>();
        if (max > 0)
            for (var c = 1; c <= 5; c++)
                legend.Add(($"gap-class-{c}", $"{(c - 1) * max / 5:N1}–{c * max / 5:N1}"));
        else legend.Add(("gap-class-1", "0"));
        legend.Add(("gap-none", hidden));
        legend.Add(("gap-unknown", noResidents));
        return (areas, legend);
    }
}
