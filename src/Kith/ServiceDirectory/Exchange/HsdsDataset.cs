using Kith.ServiceDirectory.Hsds;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>
/// Where a row came from: a CSV file and its row number as a spreadsheet shows it (the header is row 1, so the
/// first data row is row 2), or a JSON file and the JSON pointer of the object.
/// </summary>
internal sealed record SourcePosition(string File, int? Row = null, string? Pointer = null)
{
    public override string ToString() => Row is not null ? $"{File} row {Row}" : Pointer is null ? File : $"{File} {Pointer}";
}

/// <summary>One thing wrong with the input, said so a data editor can find and fix it.</summary>
internal sealed record ImportProblem(SourcePosition Where, string? Column, string Reason)
{
    public override string ToString() => Column is null ? $"{Where}: {Reason}" : $"{Where}, column {Column}: {Reason}";
}

/// <summary>Every problem up to a cap, then only a count: a broken 100,000-row file must not print 100,000 lines.</summary>
internal sealed class ImportProblems(int cap = 1000)
{
    private readonly List<ImportProblem> listed = [];
    public IReadOnlyList<ImportProblem> Listed => listed;
    public int Count { get; private set; }
    public int NotListed => Count - listed.Count;

    public void Add(SourcePosition where, string? column, string reason)
    {
        Count++;
        if (listed.Count < cap) listed.Add(new(where, column, reason));
    }
}

/// <summary>One row of an HSDS table: the entity holding its values and where it was read.</summary>
/// <remarks><c>Given</c> names the fields the input had (a column, a JSON property): a merge leaves the others as they are.</remarks>
internal sealed record HsdsRow(string Id, object Entity, SourcePosition Source, IReadOnlySet<string> Given);

/// <summary>
/// A raw row as read (field name → text), before types are checked. JSON objects met twice (the same phone under
/// a service and under its location) merge into one raw row, each occurrence adding the parent ids it implies.
/// </summary>
internal sealed class RawRow(HsdsTable table, SourcePosition source)
{
    public HsdsTable Table { get; } = table;
    public SourcePosition Source { get; } = source;
    public Dictionary<string, string?> Cells { get; } = new(StringComparer.Ordinal);

    public string? this[string field]
    {
        get => Cells.GetValueOrDefault(field);
        set => Cells[field] = value;
    }
}

/// <summary>An HSDS dataset in memory: the rows of each table it holds (a table it does not hold is absent, not empty).</summary>
internal sealed class HsdsDataset
{
    private readonly Dictionary<HsdsTable, List<HsdsRow>> tables = [];

    public IEnumerable<HsdsTable> Tables => ExchangeTables.All.Where(tables.ContainsKey);
    public bool Holds(HsdsTable table) => tables.ContainsKey(table);
    public IReadOnlyList<HsdsRow> Rows(HsdsTable table) => tables.TryGetValue(table, out var rows) ? rows : [];
    public int RowCount => tables.Values.Sum(r => r.Count);

    public void Include(HsdsTable table) => tables.TryAdd(table, []);

    public void Add(HsdsTable table, HsdsRow row)
    {
        Include(table);
        tables[table].Add(row);
    }
}
