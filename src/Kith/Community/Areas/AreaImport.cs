using System.Text.Json;
using Kith.Community.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community.Areas;

internal sealed record AreaImportResult(bool Succeeded, int Created, int Updated, IReadOnlyList<string> Problems);

/// <summary>
/// Imports areas from GeoJSON, all or nothing: a file with any problem changes nothing. Areas are
/// matched by code, so importing a corrected file updates them in place.
/// </summary>
internal sealed class AreaImport(KithDb db, AuditLog audit, TimeProvider time)
{
    public const long MaxBytes = Platform.Web.RequestSizeLimits.LargestUpload;

    public async Task<AreaImportResult> ImportAsync(Stream geoJson, string? actorId, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(geoJson, new JsonDocumentOptions { MaxDepth = 64 }, ct);
        }
        catch (JsonException e)
        {
            return new(false, 0, 0, [$"The file is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})."]);
        }
        using (document)
            return await ImportAsync(document.RootElement, actorId, ct);
    }

    public async Task<AreaImportResult> ImportAsync(JsonElement root, string? actorId, CancellationToken ct)
    {
        var (areas, problems) = GeoJsonAreas.Read(root);
        if (problems.Count > 0) return new(false, 0, 0, problems);

        var now = time.GetUtcNow().UtcDateTime;
        var codes = areas.Select(a => a.Code).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Areas.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, ct);
        int created = 0, updated = 0;
        foreach (var a in areas)
        {
            if (!existing.TryGetValue(a.Code, out var area))
            {
                area = new Area { Id = Guid.CreateVersion7(now), Code = a.Code, Name = a.Name, BoundaryGeoJson = a.GeometryJson };
                db.Areas.Add(area);
                created++;
            }
            else updated++;
            area.Name = a.Name;
            area.Description = a.Description;
            area.Population = a.Population;
            area.BoundaryGeoJson = a.GeometryJson;
            area.CentroidLatitude = a.CentroidLatitude;
            area.CentroidLongitude = a.CentroidLongitude;
            area.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("areas.imported", actorId, "area", null, new { created, updated }, ct);
        await transaction.CommitAsync(ct);
        return new(true, created, updated, []);
    }
}
