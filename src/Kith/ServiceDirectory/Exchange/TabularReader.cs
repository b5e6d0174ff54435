using Kith.ServiceDirectory.Hsds;
using Kith.Platform.Csv;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>
/// Reads the CSV files of a tabular data package into raw rows. Only the resources the package holds are read;
/// each file's header must name fields of its table and include every required one.
/// </summary>
internal static class TabularReader
{
    public static IEnumerable<RawRow> Read(IPackageFiles files, ImportProblems problems, Action<int>? rowsRead = null)
    {
        var count = 0;
        foreach (var (table, path) in Resources(files, problems))
        {
            using var stream = files.Open(path);
            if (stream is null) continue; // a package may hold a subset of the tables
            using var reader = new StreamReader(stream, Csv.Utf8, detectEncodingFromByteOrderMarks: true);
            var header = Csv.ReadRecord(reader);
            if (header is null) continue;
            var columns = CheckHeader(table, path, header, problems);
            var row = 1;
            while (Csv.ReadRecord(reader) is { } record)
            {
                row++;
                var raw = new RawRow(table, new SourcePosition(path, row));
                if (record.Count != header.Count)
                    problems.Add(raw.Source, null, $"has {record.Count} values but the header has {header.Count} columns");
                for (var i = 0; i < columns.Count && i < record.Count; i++)
                    if (columns[i] is { } field) raw[field.Name] = record[i];
                yield return raw;
                if (++count % 1000 == 0) rowsRead?.Invoke(count);
            }
        }
        rowsRead?.Invoke(count);
    }

    /// <summary>
    /// Files a full sync must not trust: one the package's datapackage.json lists but the package lacks, and one
    /// without even a header row (a truncated file). Without a datapackage.json only the files present count.
    /// </summary>
    public static IEnumerable<(string Path, string Reason)> Unusable(IPackageFiles files)
    {
        var described = files.Length("datapackage.json") is not null;
        foreach (var (_, path) in Resources(files, new ImportProblems()))
        {
            using var stream = files.Open(path);
            if (stream is null)
            {
                if (described) yield return (path, "is listed in datapackage.json but not in the package");
                continue;
            }
            using var reader = new StreamReader(stream, Csv.Utf8, detectEncodingFromByteOrderMarks: true);
            if (Csv.ReadRecord(reader) is null) yield return (path, "is empty (not even a header row)");
        }
    }

    /// <summary>The package's own resource list when it has a datapackage.json, else the HSDS file names.</summary>
    private static IEnumerable<(HsdsTable Table, string Path)> Resources(IPackageFiles files, ImportProblems problems)
    {
        using var descriptor = files.Open("datapackage.json");
        if (descriptor is null) return ExchangeTables.All.Select(t => (t, t.Path));
        using var buffer = new MemoryStream();
        descriptor.CopyTo(buffer);
        var resources = HsdsInput.Resources(buffer.ToArray());
        if (resources.Count == 0)
            problems.Add(new SourcePosition("datapackage.json"), null, "is not a data package descriptor (no resources with a name and a path)");
        return resources.Select(r => (Table: ExchangeTables.Named(r.Name), r.Path))
            .Where(r => r.Table is not null).Select(r => (r.Table!, r.Path));
    }

    /// <summary>The field each column holds (null for a column the table does not have, which is a problem).</summary>
    private static List<HsdsField?> CheckHeader(HsdsTable table, string path, List<string> header, ImportProblems problems)
    {
        var where = new SourcePosition(path, 1);
        var columns = new List<HsdsField?>();
        foreach (var name in header.Select(h => h.Trim()))
        {
            var field = table.Field(name);
            if (field is null) problems.Add(where, name, $"is not a column of the HSDS {table.Name} table");
            else if (columns.Contains(field)) problems.Add(where, name, "appears twice in the header");
            columns.Add(columns.Contains(field) ? null : field);
        }
        foreach (var missing in table.Fields.Where(f => f.Required && !columns.Contains(f)))
            problems.Add(where, missing.Name, "this required column is missing");
        return columns;
    }
}
