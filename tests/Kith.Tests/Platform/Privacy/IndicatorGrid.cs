using System.Globalization;
using Kith.Platform.Privacy;

namespace Kith.Tests.Platform.Privacy;

/// <summary>
/// One indicator as an Insights dashboard publishes it: a count per day and area, each day's total across areas,
/// each ISO week per area (the sum of its days), each week's total (across areas, and across its day totals), each
/// area's total and the grand total (across areas, and across weeks). Counts are Poisson with a small mean from a
/// seeded generator, so most cells are small.
/// </summary>
internal sealed class IndicatorGrid
{
    public required LinkedCounts Counts { get; init; }
    public required int[,] Cells { get; init; }
    public required int[] DayTotals { get; init; }
    public required int[][] WeekAreas { get; init; }
    public required int Grand { get; init; }

    public static IndicatorGrid Build(int seed, int days, int areas = 8, double mean = 2.0)
    {
        var random = new Random(seed);
        var counts = new LinkedCounts();
        var start = new DateOnly(2025, 1, 1);
        var cells = new int[days, areas];
        for (var d = 0; d < days; d++)
            for (var a = 0; a < areas; a++) cells[d, a] = counts.Add(Poisson(random, mean));
        var dayTotals = Enumerable.Range(0, days).Select(d => counts.AddTotal(Enumerable.Range(0, areas).Select(a => cells[d, a]))).ToArray();
        var weeks = Enumerable.Range(0, days).GroupBy(d => start.AddDays(d).ToDateTime(TimeOnly.MinValue) is var day ? (ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day)) : default).ToList();
        var weekAreas = weeks.Select(w => Enumerable.Range(0, areas).Select(a => counts.AddTotal(w.Select(d => cells[d, a]))).ToArray()).ToArray();
        var weekTotals = weekAreas.Select(counts.AddTotal).ToArray();
        for (var w = 0; w < weeks.Count; w++) counts.Relate(weekTotals[w], weeks[w].Select(d => dayTotals[d]));
        var areaTotals = Enumerable.Range(0, areas).Select(a => counts.AddTotal(weekAreas.Select(wa => wa[a]))).ToArray();
        var grand = counts.AddTotal(areaTotals);
        counts.Relate(grand, weekTotals);
        return new IndicatorGrid { Counts = counts, Cells = cells, DayTotals = dayTotals, WeekAreas = weekAreas, Grand = grand };
    }

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble()) k++;
        return k;
    }
}
