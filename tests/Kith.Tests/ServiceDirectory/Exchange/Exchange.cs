using Kith.Platform.Csv;
using Kith.ServiceDirectory.Exchange;
using Kith.ServiceDirectory.Hsds;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>The HSDS 3.0 examples, and what the exchange tests do with a test app's directory.</summary>
internal static class Exchange
{
    public static string Examples => Path.Combine(KithProcess.RepositoryRoot, "tests", "conformance", "hsds-3.0", "examples");
    public static string ExampleCsv => Path.Combine(Examples, "csv");

    public static async Task<DirectoryImportResult> ImportAsync(KithApp app, string source, DirectoryImportOptions? options = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryImport>().ImportAsync(source, options ?? new(), "test", CancellationToken.None);
    }

    public static async Task<string> ExportAsync(KithApp app, bool includeConfidential = false)
    {
        var directory = TemporaryDirectory();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DirectoryExport>().ExportAsync(directory, includeConfidential, "test", CancellationToken.None);
        return directory;
    }

    public static string TemporaryDirectory() =>
        Directory.CreateTempSubdirectory("kith-exchange-").FullName;

    /// <summary>A copy of the example package to break or extend.</summary>
    public static string CopyOfExamples() => CopyOf(ExampleCsv);

    /// <summary>A copy of a package directory.</summary>
    public static string CopyOf(string package)
    {
        var copy = TemporaryDirectory();
        foreach (var file in Directory.GetFiles(package)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    public static async Task WithDbAsync(KithApp app, Func<KithDb, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<KithDb>());
    }

    /// <summary>Every directory table, every column (Kith's own too), rows by id, plus the revision: "unchanged" means all of it.</summary>
    public static async Task<SortedDictionary<string, List<string>>> DumpAsync(KithApp app)
    {
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await WithDbAsync(app, async db =>
        {
            foreach (var table in ExchangeTables.All)
            {
                var rows = await DirectoryRows.AllAsync(db, table, CancellationToken.None);
                dump[table.Name] = rows.Select(r => string.Join(" | ", table.Entity.GetProperties().Select(p => $"{p.Name}={Show(p.GetValue(r))}")))
                    .Order(StringComparer.Ordinal).ToList();
            }
            dump["revision"] = [(await db.DirectoryRevisions.SingleAsync()).Number.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        });
        return dump;
    }

    /// <summary>What an HSDS package carries: every table's HSDS fields as exported, rows in order (Kith's own columns stay home by design).</summary>
    public static async Task<SortedDictionary<string, List<string>>> HsdsDumpAsync(KithApp app)
    {
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await WithDbAsync(app, async db =>
        {
            foreach (var table in ExchangeTables.All)
                dump[table.Name] = (await DirectoryRows.AllAsync(db, table, CancellationToken.None))
                    .Select(r => string.Join(" | ", table.Fields.Select(f => $"{f.Name}={HsdsValues.Format(f.Get(r))}"))).Order(StringComparer.Ordinal).ToList();
        });
        return dump;
    }

    public static async Task DeleteDirectoryAsync(KithApp app) => await WithDbAsync(app, async db =>
    {
        foreach (var table in ExchangeTables.All)
#pragma warning disable EF1002 // table names come from the schema, not from input
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM {table.StoreTable}");
#pragma warning restore EF1002
    });

    public static TableCounts Counts(DirectoryImportResult result, string table) => result.Tables.Single(t => t.Table == table);

    public static void AssertProblem(DirectoryImportResult result, string where, string? column, string reason)
    {
        Assert.True(result.Problems.Listed.Any(p => p.Where.ToString() == where && p.Column == column && p.Reason.Contains(reason, StringComparison.Ordinal)),
            $"Expected '{where}, column {column}: …{reason}…' among:\n{string.Join('\n', result.Problems.Listed)}");
    }

    /// <summary>Rewrites one cell of a CSV file (row as a spreadsheet numbers it: header = 1).</summary>
    public static void SetCell(string file, int row, string column, string value)
    {
        var lines = ReadCsv(file);
        lines[row - 1][lines[0].IndexOf(column)] = value;
        WriteCsv(file, lines);
    }

    public static List<List<string>> ReadCsv(string file)
    {
        using var reader = new StreamReader(file);
        var records = new List<List<string>>();
        while (Csv.ReadRecord(reader) is { } r) records.Add(r);
        return records;
    }

    public static void WriteCsv(string file, IEnumerable<IEnumerable<string>> records)
    {
        using var writer = new StreamWriter(file, false, Csv.Utf8);
        foreach (var r in records) Csv.WriteRecord(writer, r, CsvUse.DataFile);
    }

    private static string Show(object? value) => value switch
    {
        null => "∅",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    public static HsdsTable Table(string name) => ExchangeTables.Named(name)!;
}
