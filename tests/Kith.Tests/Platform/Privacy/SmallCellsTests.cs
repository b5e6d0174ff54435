using FsCheck;
using FsCheck.Fluent;
using Kith.Platform.Privacy;

namespace Kith.Tests.Platform.Privacy;

/// <summary>Small-cell suppression: worked examples, then the rules as properties over random tables.</summary>
public sealed class SmallCellsTests
{
    private const int Threshold = 11;

    [Fact]
    public void A_table_of_large_counts_is_published_whole()
    {
        var table = SmallCells.Suppress(new[,] { { 20, 30 }, { 40, 50 } }, Threshold);
        Assert.Empty(table.Hidden());
        Assert.Equal(50, table.RowTotal(0));
        Assert.Equal(140, table.GrandTotal);
    }

    [Fact]
    public void One_small_cell_takes_the_next_smallest_in_its_row_and_column_with_it()
    {
        // Grade 9: 5 severe. Hiding only the 5 would leave 12 + 30 + ? = 47 to solve.
        var table = SmallCells.Suppress(new[,] { { 30, 12, 5 }, { 40, 25, 14 } }, Threshold);
        Assert.True(table.IsHidden(0, 2));
        Assert.True(table.IsHidden(0, 1), "the smallest other count in the row");
        Assert.True(table.IsHidden(1, 2), "the other count in the column");
        Assert.True(table.IsHidden(1, 1), "which leaves one hidden in the second row, so one more");
        Assert.Equal(47, table.RowTotal(0));
        Assert.Equal(19, table.ColumnTotal(2));
        Assert.Equal(30, table.Published(0, 0));
    }

    [Fact]
    public void A_small_group_shows_no_count_at_all_not_even_its_zeros()
    {
        // Four people, all moderate: "0, 0, hidden, 0" would tell each one's band.
        var table = SmallCells.Suppress(new[,] { { 0, 0, 4, 0 }, { 20, 15, 12, 11 } }, Threshold);
        for (var c = 0; c <= 4; c++) Assert.True(table.IsHidden(0, c), $"column {c}");
        Assert.Null(table.RowTotal(0));
    }

    [Fact]
    public void Zeros_beside_published_totals_are_shown()
    {
        var table = SmallCells.Suppress(new[,] { { 20, 0 }, { 30, 0 } }, Threshold);
        Assert.Equal(0, table.Published(0, 1));
        Assert.Equal(0, table.ColumnTotal(1));
        Assert.Empty(table.Hidden());
    }

    [Fact]
    public void A_row_total_hidden_by_another_table_is_hidden_here_too_with_a_complement()
    {
        var table = SmallCells.Suppress(new[,] { { 20, 30 }, { 40, 50 } }, Threshold, [(0, 2)]);
        Assert.Null(table.RowTotal(0));
        Assert.True(Enumerable.Range(0, 3).Count(r => table.IsHidden(r, 2)) >= 2, "another total in the column of totals goes too");
        Assert.True(table.IsHidden(0, 0), "the smaller count in the row goes with it, so the other cannot be subtracted from a guessed total");
    }

    [Fact]
    public void No_line_of_a_suppressed_table_has_exactly_one_hidden_entry() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Tables(), cells =>
        {
            var table = SmallCells.Suppress(cells, Threshold);
            return Lines(table).All(line => line.Count(e => table.IsHidden(e.Row, e.Column)) != 1);
        }));

    [Fact]
    public void Every_published_entry_is_zero_or_at_least_the_threshold() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Tables(), cells =>
        {
            var table = SmallCells.Suppress(cells, Threshold);
            return Entries(table).All(e => table.Published(e.Row, e.Column) is null or 0 or >= Threshold);
        }));

    [Fact]
    public void A_published_zero_never_sits_beside_a_hidden_total() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Tables(), cells =>
        {
            var table = SmallCells.Suppress(cells, Threshold);
            return Entries(table).Where(e => table.Published(e.Row, e.Column) == 0)
                .All(e => !table.IsHidden(e.Row, table.Columns) && !table.IsHidden(table.Rows, e.Column));
        }));

    [Fact]
    public void Suppressing_again_hides_nothing_more() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Tables(), cells =>
        {
            var once = SmallCells.Suppress(cells, Threshold);
            var twice = SmallCells.Suppress(cells, Threshold, once.Hidden());
            return once.Hidden().SequenceEqual(twice.Hidden());
        }));

    [Fact]
    public void Published_entries_are_the_true_counts_and_totals() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Tables(), cells =>
        {
            var table = SmallCells.Suppress(cells, Threshold);
            var rows = cells.GetLength(0);
            var columns = cells.GetLength(1);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                    if (table.Published(r, c) is { } v && v != cells[r, c]) return false;
                if (table.RowTotal(r) is { } total && total != Enumerable.Range(0, columns).Sum(c => cells[r, c])) return false;
            }
            return true;
        }));

    /// <summary>Small tables of mostly small counts, where suppression has the most to do.</summary>
    private static Arbitrary<int[,]> Tables()
    {
        var gen =
            from rows in Gen.Choose(1, 5)
            from columns in Gen.Choose(1, 5)
            from values in Gen.Frequency((3, Gen.Choose(0, 12)), (2, Gen.Choose(11, 60)), (1, Gen.Constant(0))).ArrayOf(rows * columns)
            select ToTable(rows, columns, values);
        return Arb.From(gen);
    }

    private static int[,] ToTable(int rows, int columns, int[] values)
    {
        var table = new int[rows, columns];
        for (var i = 0; i < values.Length; i++) table[i / columns, i % columns] = values[i];
        return table;
    }

    private static IEnumerable<(int Row, int Column)> Entries(SuppressedTable t) =>
        from r in Enumerable.Range(0, t.Rows + 1) from c in Enumerable.Range(0, t.Columns + 1) select (r, c);

    private static IEnumerable<(int Row, int Column)[]> Lines(SuppressedTable t) =>
        Enumerable.Range(0, t.Rows + 1).Select(r => Enumerable.Range(0, t.Columns + 1).Select(c => (r, c)).ToArray())
            .Concat(Enumerable.Range(0, t.Columns + 1).Select(c => Enumerable.Range(0, t.Rows + 1).Select(r => (r, c)).ToArray()));
}
