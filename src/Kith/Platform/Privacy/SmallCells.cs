namespace Kith.Platform.Privacy;

/// <summary>
/// Small-cell suppression for a table of counts with its margins, so a published table never tells anyone how
/// few people gave an answer. Works on the table extended by its margins: rows × columns of counts, a last column
/// of row totals, a last row of column totals and the grand total in the corner. Every row and every column of
/// that grid is a line whose last entry is the sum of the others, so one hidden entry in a line can be worked
/// out by subtraction; two or more cannot.
/// <list type="number">
/// <item>Primary: any entry from 1 to threshold − 1 is hidden.</item>
/// <item>Zeros are shown — a zero counts nobody — except where a total of one of their lines is hidden: in a group
/// of five, "0 severe, 0 moderate, 0 mild" next to a hidden count would tell everyone's answer.</item>
/// <item>Complementary: a line with exactly one hidden entry hides one more — its smallest positive count, else a
/// zero, else its total — and this repeats until no line has exactly one hidden entry.</item>
/// </list>
/// Hidden entries are shown with one marker whatever the reason, because telling "fewer than the threshold" apart
/// from "hidden to protect another" would bound the hidden values and could give them away again.
/// This stops recovery by subtraction along rows and columns, which is what tables like these are attacked with;
/// it does not claim to stop every linear-programming attack on many published tables at once.
/// </summary>
internal static class SmallCells
{
    /// <summary>The usual threshold (CMS and many public-health agencies suppress counts from 1 to 10).</summary>
    public const int DefaultThreshold = 11;

    /// <param name="cells">Counts, rows × columns (no margins; they are summed here).</param>
    /// <param name="threshold">The smallest positive count that may be published.</param>
    /// <param name="alsoHidden">Entries of the extended grid to hide regardless (e.g. a row total another table hides).</param>
    public static SuppressedTable Suppress(int[,] cells, int threshold, IEnumerable<(int Row, int Column)>? alsoHidden = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var rows = cells.GetLength(0) + 1;
        var columns = cells.GetLength(1) + 1;
        var values = Extend(cells);
        var hidden = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                hidden[r, c] = values[r, c] > 0 && values[r, c] < threshold;
        foreach (var (r, c) in alsoHidden ?? [])
            if (r >= 0 && r < rows && c >= 0 && c < columns) hidden[r, c] = true;

        var changed = true;
        while (changed)
        {
            changed = HideZerosBesideHiddenTotals(values, hidden);
            foreach (var line in Lines(rows, columns))
                changed |= Complement(line, values, hidden);
        }
        return new SuppressedTable(values, hidden);
    }

    private static int[,] Extend(int[,] cells)
    {
        var rows = cells.GetLength(0);
        var columns = cells.GetLength(1);
        var values = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(cells[r, c]);
                values[r, c] = cells[r, c];
                values[r, columns] += cells[r, c];
                values[rows, c] += cells[r, c];
                values[rows, columns] += cells[r, c];
            }
        return values;
    }

    private static bool HideZerosBesideHiddenTotals(int[,] values, bool[,] hidden)
    {
        var lastRow = values.GetLength(0) - 1;
        var lastColumn = values.GetLength(1) - 1;
        var changed = false;
        for (var r = 0; r <= lastRow; r++)
            for (var c = 0; c <= lastColumn; c++)
                if (values[r, c] == 0 && !hidden[r, c] && (hidden[r, lastColumn] || hidden[lastRow, c]))
                    changed = hidden[r, c] = true;
        return changed;
    }

    /// <summary>Every row and column of the extended grid, each as its entries with the total last.</summary>
    private static IEnumerable<(int Row, int Column)[]> Lines(int rows, int columns)
    {
        for (var r = 0; r < rows; r++)
            yield return Enumerable.Range(0, columns).Select(c => (r, c)).ToArray();
        for (var c = 0; c < columns; c++)
            yield return Enumerable.Range(0, rows).Select(r => (r, c)).ToArray();
    }

    private static bool Complement((int Row, int Column)[] line, int[,] values, bool[,] hidden)
    {
        if (line.Count(e => hidden[e.Row, e.Column]) != 1) return false;
        var parts = line[..^1].Where(e => !hidden[e.Row, e.Column]).ToList();
        var next = parts.Where(e => values[e.Row, e.Column] > 0).OrderBy(e => values[e.Row, e.Column]).Select(e => ((int, int)?)e).FirstOrDefault()
                   ?? parts.Select(e => ((int, int)?)e).FirstOrDefault()
                   ?? line[^1];
        hidden[next.Item1, next.Item2] = true;
        return true;
    }
}

/// <summary>A table with its margins and which entries are hidden. Rows and columns past the counts are the totals.</summary>
internal sealed class SuppressedTable(int[,] values, bool[,] hidden)
{
    public int Rows => values.GetLength(0) - 1;
    public int Columns => values.GetLength(1) - 1;

    /// <summary>The count at a row and column of the extended grid (use <see cref="Rows"/> or <see cref="Columns"/> for a total).</summary>
    public int? Published(int row, int column) => hidden[row, column] ? null : values[row, column];
    public bool IsHidden(int row, int column) => hidden[row, column];
    public int? RowTotal(int row) => Published(row, Columns);
    public int? ColumnTotal(int column) => Published(Rows, column);
    public int? GrandTotal => Published(Rows, Columns);

    /// <summary>Hidden entries of the extended grid, to carry into another table that shares a margin.</summary>
    public IEnumerable<(int Row, int Column)> Hidden()
    {
        for (var r = 0; r <= Rows; r++)
            for (var c = 0; c <= Columns; c++)
                if (hidden[r, c]) yield return (r, c);
    }
}
