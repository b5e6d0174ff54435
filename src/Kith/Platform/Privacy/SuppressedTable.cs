namespace Kith.Platform.Privacy;

/// <summary>
/// A table with its margins and which entries are hidden (<see cref="SmallCells.Suppress"/>). Rows and columns past
/// the counts are the totals: every row and every column of this extended grid is a relation whose last entry is
/// the sum of the others.
/// </summary>
internal sealed class SuppressedTable
{
    private readonly int columnsWithTotal;
    private readonly ProtectedCounts counts;

    internal SuppressedTable(int rowsWithTotal, int columnsWithTotal, ProtectedCounts counts)
    {
        Rows = rowsWithTotal - 1;
        Columns = columnsWithTotal - 1;
        this.columnsWithTotal = columnsWithTotal;
        this.counts = counts;
    }

    public int Rows { get; }
    public int Columns { get; }

    /// <summary>The count at a row and column of the extended grid (use <see cref="Rows"/> or <see cref="Columns"/> for a total).</summary>
    public int? Published(int row, int column) => counts.Published(Index(row, column));
    public bool IsHidden(int row, int column) => counts.IsHidden(Index(row, column));
    public int? RowTotal(int row) => Published(row, Columns);
    public int? ColumnTotal(int column) => Published(Rows, column);
    public int? GrandTotal => Published(Rows, Columns);

    /// <summary>Hidden entries of the extended grid, to carry into another table that shares a margin.</summary>
    public IEnumerable<(int Row, int Column)> Hidden() => counts.Hidden().Select(i => (i / columnsWithTotal, i % columnsWithTotal));

    private int Index(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row, Rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column, Columns);
        return row * columnsWithTotal + column;
    }

    /// <summary>A table and its margins as linked counts, row by row; and where each entry of the extended grid went.</summary>
    internal static (LinkedCounts Counts, Func<int, int, int> Index) Link(int[,] cells)
    {
        var rows = cells.GetLength(0);
        var columns = cells.GetLength(1);
        var counts = new LinkedCounts();
        var index = new int[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
            for (var c = 0; c <= columns; c++)
                index[r, c] = counts.Add(r < rows && c < columns ? cells[r, c]
                    : r < rows ? Enumerable.Range(0, columns).Sum(k => cells[r, k])
                    : c < columns ? Enumerable.Range(0, rows).Sum(k => cells[k, c])
                    : cells.Cast<int>().Sum());
        for (var r = 0; r <= rows; r++) counts.Relate(index[r, columns], Enumerable.Range(0, columns).Select(c => index[r, c]));
        for (var c = 0; c <= columns; c++) counts.Relate(index[rows, c], Enumerable.Range(0, rows).Select(r => index[r, c]));
        return (counts, (r, c) => index[r, c]);
    }
}
