using System.Globalization;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Kith.Platform.Csv;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>
/// Which locations are confidential, and their public points, travel beside the HSDS tables in
/// <c>kith_confidential_locations.csv</c>. Confidentiality is a Kith column HSDS has no field for: without this
/// file a backup restored into a new database (the disaster-recovery path) published every refuge's address,
/// and drew new public points whose intersection with the old ones narrows where the refuge is.
/// An import only ever marks a location confidential from this file, never the reverse: a file cannot make a
/// refuge public; only staff can.
/// </summary>
internal static class ConfidentialPlaces
{
    public const string FileName = "kith_confidential_locations.csv";
    private static readonly string[] Header = ["location_id", "public_latitude", "public_longitude"];

    public static async Task<int> WriteAsync(KithDb db, string directory, CancellationToken ct)
    {
        var places = await db.Locations.AsNoTracking().Where(l => l.Confidential).OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.PublicLatitude, l.PublicLongitude }).ToListAsync(ct);
        await using var writer = new StreamWriter(Path.Combine(directory, FileName), append: false, Csv.Utf8);
        Csv.WriteRecord(writer, Header, CsvUse.DataFile);
        foreach (var p in places)
            Csv.WriteRecord(writer, [p.Id, Number(p.PublicLatitude), Number(p.PublicLongitude)], CsvUse.DataFile);
        return places.Count;
    }

    /// <summary>The file's rows, or none when the input has no such file (a partner's package, HSDS JSON).</summary>
    public static IReadOnlyList<ConfidentialPlace> Read(HsdsInput input, ImportProblems problems)
    {
        using var stream = input.Package?.Open(FileName);
        if (stream is null) return [];
        using var reader = new StreamReader(stream, Csv.Utf8);
        var header = Csv.ReadRecord(reader);
        if (header is null || !header.SequenceEqual(Header))
        {
            problems.Add(new SourcePosition(FileName), null, $"the header must be {string.Join(",", Header)}");
            return [];
        }
        var rows = new List<ConfidentialPlace>();
        for (var (record, row) = (Csv.ReadRecord(reader), 2); record is not null; record = Csv.ReadRecord(reader), row++)
        {
            if (record.Count != Header.Length || string.IsNullOrWhiteSpace(record[0]))
            {
                problems.Add(new SourcePosition(FileName, row), null, "each row needs a location_id and two (possibly empty) coordinates");
                continue;
            }
            var latitude = Parse(record[1]);
            var longitude = Parse(record[2]);
            // A point comes whole or not at all; the index settles a missing one before anything is shown.
            var point = latitude is { } lat && longitude is { } lon && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180 ? (lat, lon) : ((double, double)?)null;
            rows.Add(new ConfidentialPlace(record[0].Trim(), point?.Item1, point?.Item2));
        }
        return rows;
    }

    /// <summary>Marks the imported locations confidential and keeps their public points; returns how many rows changed.</summary>
    public static async Task<int> ApplyAsync(KithDb db, IReadOnlyList<ConfidentialPlace> places, CancellationToken ct)
    {
        var changed = 0;
        foreach (var p in places)
        {
            changed += await db.Locations.Where(l => l.Id == p.LocationId && !l.Confidential)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Confidential, true), ct);
            if (p.PublicLatitude is null) continue;
            changed += await db.Locations
                .Where(l => l.Id == p.LocationId && (l.PublicLatitude != p.PublicLatitude || l.PublicLongitude != p.PublicLongitude))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.PublicLatitude, p.PublicLatitude).SetProperty(l => l.PublicLongitude, p.PublicLongitude), ct);
        }
        return changed;
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static double? Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}

internal sealed record ConfidentialPlace(string LocationId, double? PublicLatitude, double? PublicLongitude);
