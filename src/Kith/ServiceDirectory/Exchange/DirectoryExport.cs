using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.EntityFrameworkCore;
using Kith.Platform.Csv;

namespace Kith.ServiceDirectory.Exchange;

internal sealed record DirectoryExportResult(IReadOnlyList<(string File, int Rows)> Files);

/// <summary>
/// Writes the directory as an HSDS tabular data package: every table as CSV in the datapackage's column order,
/// rows by id, plus datapackage.json (the official one with Kith's service_capacity added). A confidential
/// location goes out without its addresses, coordinates and transportation, since a partner must never learn
/// where a shelter is; an operator's full backup asks for them with <c>includeConfidential</c>. A full backup also
/// says which places are confidential, beside the tables (<see cref="ConfidentialPlaces"/>), so a restore keeps them so.
/// </summary>
internal sealed class DirectoryExport(KithDb db, AuditLog audit)
{
    public async Task<DirectoryExportResult> ExportAsync(string directory, bool includeConfidential, string? actorId, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var hidden = includeConfidential ? [] : (await db.Locations.Where(l => l.Confidential).Select(l => l.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var files = new List<(string, int)>();
        var written = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var table in ExchangeTables.All)
        {
            var rows = await DirectoryRows.AllAsync(db, table, ct);
            if (Translatable.Fields.ContainsKey(table.Name)) written[table.Name] = rows.Select(r => (string)table.Id.Get(r)!).ToHashSet(StringComparer.Ordinal);
            // A translation whose record is gone (its hours replaced in the editor, its service removed by an import) would be
            // refused by this package's own import: it is of no use to a reader either, so it stays behind.
            if (table == ExchangeTables.Translation) rows.RemoveAll(r => !TranslationRows.Exportable((DirectoryTranslation)r, written));
            rows.Sort((a, b) => string.CompareOrdinal((string)table.Id.Get(a)!, (string)table.Id.Get(b)!));
            await using var writer = new StreamWriter(Path.Combine(directory, table.Path), append: false, Csv.Utf8);
            Csv.WriteRecord(writer, table.Fields.Select(f => f.Name), CsvUse.DataFile);
            var count = 0;
            foreach (var row in rows)
            {
                if (row is Address { LocationId: { } at } && hidden.Contains(at)) continue;
                var conceal = row is Location l && hidden.Contains(l.Id);
                Csv.WriteRecord(writer, table.Fields.Select(f =>
                    conceal && f.Name is "latitude" or "longitude" or "transportation" ? "" : HsdsValues.Format(f.Get(row))), CsvUse.DataFile);
                count++;
            }
            files.Add((table.Path, count));
        }
        // Only a full backup says which places are refuges: a partner's copy has no address to protect.
        if (includeConfidential) files.Add((ConfidentialPlaces.FileName, await ConfidentialPlaces.WriteAsync(db, directory, ct)));
        await File.WriteAllTextAsync(Path.Combine(directory, "datapackage.json"), ExchangeTables.DatapackageJson(), Csv.Utf8, ct);
        await audit.RecordAsync("directory.export", actorId, "directory", null,
            new { includeConfidential, rows = files.Sum(f => f.Item2), concealedLocations = hidden.Count }, ct);
        return new(files);
    }
}
