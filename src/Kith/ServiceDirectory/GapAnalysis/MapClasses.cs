namespace Kith.ServiceDirectory.GapAnalysis;

/// <summary>What the map shows: one of the three rates, chosen by <c>?measure=</c>.</summary>
internal enum GapMeasure { Services, Hours, Capacity }

internal static class GapMeasures
{
    public static GapMeasure? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "services" => GapMeasure.Services,
        "hours" => GapMeasure.Hours,
        "capacity" => GapMeasure.Capacity,
        _ => null,
    };

    public static string Code(GapMeasure m) => m.ToString().ToLowerInvariant();

    public static double? Value(AreaSupply row, GapMeasure m) => m switch
    {
        GapMeasure.Hours => row.HoursPer1k,
        GapMeasure.Capacity => row.CapacityPer1k,
        _ => row.ServicesPer10k,
    };

    public static double? County(CategorySupply c, GapMeasure m) => m switch
    {
        GapMeasure.Hours => c.CountyHoursPer1k,
        GapMeasure.Capacity => c.CountyCapacityPer1k,
        _ => c.CountyServicesPer10k,
    };
}

/// <summary>
/// Five equal-width classes from zero to the highest value, for the choropleth. Areas with no in-area service and
/// areas without residents are not classed: the map draws them apart (hatched, and plain grey).
/// </summary>
internal sealed record MapClasses(IReadOnlyList<(double From, double To)> Ranges)
{
    public const int Count = 5;

    public static MapClasses For(IEnumerable<double> values)
    {
        var all = values.ToList();
        if (all.Count == 0) return new([]);
        var max = all.Max();
        if (max <= 0) return new([(0, 0)]); // e.g. no free places anywhere: one class, still shown
        var width = max / Count;
        return new(Enumerable.Range(0, Count).Select(i => (i * width, i == Count - 1 ? max : (i + 1) * width)).ToList());
    }

    /// <summary>1…5, or 0 when there are no classes (nothing to shade).</summary>
    public int ClassOf(double value)
    {
        if (Ranges.Count == 0) return 0;
        for (var i = 0; i < Ranges.Count; i++)
            if (value <= Ranges[i].To) return i + 1;
        return Ranges.Count;
    }
}

/// <summary>How each area is painted and named on the map, and the legend, for one measure.</summary>
internal static class MapShading
{
    public static (IReadOnlyList<(string Code, string Css, string Value)> Areas, IReadOnlyList<(string Css, string Text)> Legend) For(
        IReadOnlyList<AreaSupply> rows, GapMeasure measure, string noService, string noResidents)
    {
        var classes = MapClasses.For(rows.Where(r => r.InArea > 0).Select(r => GapMeasures.Value(r, measure)).OfType<double>());
        var areas = rows.Select(r => r switch
        {
            { Gap: GapFlag.NoPopulation } => (r.Area.Code, "gap-unknown", noResidents),
            { InArea: 0 } => (r.Area.Code, "gap-none", noService),
            _ when GapMeasures.Value(r, measure) is { } v => (r.Area.Code, $"gap-class-{classes.ClassOf(v)}", Format(v)),
            _ => (r.Area.Code, "gap-unknown", "—"),
        }).ToList();
        var legend = classes.Ranges.Select((range, i) => ($"gap-class-{i + 1}", $"{Format(range.From)} – {Format(range.To)}")).ToList();
        if (rows.Any(r => r.Gap == GapFlag.NoService)) legend.Add(("gap-none", noService));
        if (rows.Any(r => r.Gap == GapFlag.NoPopulation)) legend.Add(("gap-unknown", noResidents));
        return (areas, legend);
    }

    private static string Format(double v) => v.ToString("N1", System.Globalization.CultureInfo.CurrentCulture);
}
