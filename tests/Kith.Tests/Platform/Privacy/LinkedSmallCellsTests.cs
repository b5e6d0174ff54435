using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Kith.Platform.Privacy;
using Xunit.Abstractions;

namespace Kith.Tests.Platform.Privacy;

/// <summary>
/// Linked counts against a linear-programming attacker (<see cref="Attacker"/>, written apart from the product): for
/// every hidden primary, the least and greatest value the published counts and their relations allow must lie at
/// least the threshold apart.
/// </summary>
public sealed class LinkedSmallCellsTests(ITestOutputHelper output)
{
    private const int Threshold = 11;

    [Fact]
    public void Two_small_counts_in_a_line_do_not_bound_each_other()
    {
        // Hiding only the 2 and the 3 under a shown total of 95 leaves 95 − 40 − 50 = 5 between them: each in [0, 5].
        var counts = new LinkedCounts();
        var parts = new[] { 2, 3, 40, 50 }.Select(counts.Add).ToArray();
        var total = counts.AddTotal(parts);
        var shown = SmallCells.Protect(counts, Threshold);

        Assert.Equal([parts[0], parts[1], parts[2]], shown.Hidden());
        Assert.Equal(95, shown.Published(total));
        Assert.Empty(Attacker.Narrow(counts, shown, Threshold));
        Assert.All(Attacker.HiddenPrimaries(counts, shown, Threshold), r =>
        {
            Assert.Equal(0, r.Min, 6);
            Assert.Equal(45, r.Max, 6);
        });
    }

    [Fact]
    public void A_table_whose_small_cells_only_hide_each_other_hides_more()
    {
        // The rectangle 2, 3 / 30, 30 (the old rule's pattern) lets 2 move only between 0 and 5.
        var table = SmallCells.Suppress(new[,] { { 2, 3, 40 }, { 30, 30, 30 } }, Threshold);
        var (counts, shown) = Linked(table, new[,] { { 2, 3, 40 }, { 30, 30, 30 } });

        Assert.True(table.IsHidden(0, 2), "the 40 goes with the 2 and the 3");
        Assert.Equal(90, table.RowTotal(1));
        Assert.Empty(Attacker.Narrow(counts, shown, Threshold));
    }

    [Fact]
    public void Every_small_cell_of_a_random_table_is_at_least_the_threshold_wide_to_an_attacker() =>
        Check.QuickThrowOnFailure(Prop.ForAll(SmallTables(), cells =>
        {
            var (counts, shown) = Linked(SmallCells.Suppress(cells, Threshold), cells);
            return Attacker.Narrow(counts, shown, Threshold).Count == 0;
        }));

    [Theory]
    [InlineData(5, 2.0)]
    [InlineData(11, 2.0)]
    // Larger counts leave few small ones, which the quick rules alone protect too narrowly: the audit hides more.
    [InlineData(11, 15.0)]
    public void Days_weeks_and_areas_published_together_keep_every_small_count_wide(int threshold, double mean)
    {
        var grid = IndicatorGrid.Build(seed: 20261206, days: 91, mean: mean);
        var shown = SmallCells.Protect(grid.Counts, threshold);
        var attacked = Attacker.HiddenPrimaries(grid.Counts, shown, threshold);

        output.WriteLine($"threshold {threshold}, mean {mean}: {attacked.Count} hidden primaries, {shown.Hidden().Count()} of {grid.Counts.Count} hidden, narrowest {attacked.Min(r => r.Max - r.Min):F2}");
        Assert.True(attacked.Count > 20, "a quarter of days by area has small counts to protect");
        Assert.DoesNotContain(attacked, r => r.Max - r.Min < threshold - 1e-6);
        Assert.All(Enumerable.Range(0, grid.Counts.Count), i => Assert.True(shown.Published(i) is null or 0 || shown.Published(i) >= threshold, $"count {i}"));
    }

    [Fact]
    public void A_year_of_days_by_area_is_protected_and_audited_wide()
    {
        var grid = IndicatorGrid.Build(seed: 7, days: 365);
        var clock = Stopwatch.StartNew();
        var shown = SmallCells.Protect(grid.Counts, Threshold);
        var protectedIn = clock.Elapsed;
        clock.Restart();
        var audit = SmallCells.Audit(shown, Threshold);

        output.WriteLine($"{grid.Counts.Count} counts, {grid.Counts.Relations.Count} relations: Protect {protectedIn.TotalSeconds:F2} s, " +
                         $"{shown.Hidden().Count()} hidden; Audit of {audit.Count} primaries {clock.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(Enumerable.Range(0, grid.Counts.Count).Count(i => SmallCells.IsPrimary(grid.Counts[i], Threshold)), audit.Count);
        Assert.All(audit, r => Assert.True(r.AtLeast(Threshold), $"count {r.Index} ({r.Value}) in [{r.Min}, {r.Max}]"));
    }

    [Fact]
    public void Zeros_beside_a_hidden_total_are_hidden_and_others_shown()
    {
        // Four people in area B that day, none in A or C: "0, hidden, 0" beside a hidden total tells where they were.
        var counts = new LinkedCounts();
        var quiet = new[] { 0, 4, 0 }.Select(counts.Add).ToArray();
        var quietDay = counts.AddTotal(quiet);
        // Beside a shown total a zero tells nothing about the hidden count next to it.
        var other = new[] { 0, 5, 30 }.Select(counts.Add).ToArray();
        var otherDay = counts.AddTotal(other);
        var shown = SmallCells.Protect(counts, Threshold);

        Assert.Equal([.. quiet, quietDay, other[1], other[2]], shown.Hidden());
        Assert.Equal(0, shown.Published(other[0]));
        Assert.Equal(35, shown.Published(otherDay));
        Assert.Empty(Attacker.Narrow(counts, shown, Threshold));
    }

    [Fact]
    public void The_same_counts_always_hide_the_same_cells()
    {
        var first = SmallCells.Protect(IndicatorGrid.Build(seed: 3, days: 56).Counts, Threshold);
        var again = SmallCells.Protect(IndicatorGrid.Build(seed: 3, days: 56).Counts, Threshold);
        var carried = SmallCells.Protect(first.Counts, Threshold, first.Hidden());

        Assert.Equal(first.Hidden(), again.Hidden());
        Assert.Equal(first.Hidden(), carried.Hidden());
    }

    [Fact]
    public void The_threshold_decides_what_is_small()
    {
        var counts = new LinkedCounts();
        var parts = new[] { 7, 30, 40 }.Select(counts.Add).ToArray();
        counts.AddTotal(parts);

        Assert.Empty(SmallCells.Protect(counts, 5).Hidden());
        Assert.Equal([parts[0], parts[1]], SmallCells.Protect(counts, 11).Hidden());
        Assert.Equal([parts[0], parts[1], parts[2]], SmallCells.Protect(counts, 41).Hidden());
    }

    [Fact]
    public void A_relation_must_add_up() =>
        Assert.Throws<ArgumentException>(() =>
        {
            var counts = new LinkedCounts();
            counts.Relate(counts.Add(10), [counts.Add(3), counts.Add(6)]);
        });

    /// <summary>A table and what <see cref="SuppressedTable"/> publishes of it, as linked counts for the attacker.</summary>
    private static (LinkedCounts, ProtectedCounts) Linked(SuppressedTable table, int[,] cells)
    {
        var (counts, index) = SuppressedTable.Link(cells);
        var hidden = new bool[counts.Count];
        foreach (var (r, c) in table.Hidden()) hidden[index(r, c)] = true;
        return (counts, new ProtectedCounts(counts, hidden));
    }

    private static Arbitrary<int[,]> SmallTables() => Arb.From(
        from rows in Gen.Choose(1, 4)
        from columns in Gen.Choose(1, 4)
        from values in Gen.Frequency((3, Gen.Choose(0, 12)), (2, Gen.Choose(11, 40)), (1, Gen.Constant(0))).ArrayOf(rows * columns)
        select ToTable(rows, columns, values));

    private static int[,] ToTable(int rows, int columns, int[] values)
    {
        var table = new int[rows, columns];
        for (var i = 0; i < values.Length; i++) table[i / columns, i % columns] = values[i];
        return table;
    }
}
