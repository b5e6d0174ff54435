using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kith.Community.Contracts;

/// <summary>
/// One area drawn as SVG polygons (outer rings only), already projected into the map's view box, with
/// where to put its name (the mean of its largest ring's points: inside for the compact shapes areas have).
/// </summary>
internal sealed record AreaShape(string Code, string Name, int Population, IReadOnlyList<string> Polygons, double LabelX, double LabelY);

/// <summary>
/// Projects area boundaries onto a small SVG view box: equirectangular, with longitude scaled by the cosine of
/// the middle latitude so neighbourhoods keep their shape. Good enough for an outline; not a map projection.
/// </summary>
internal static class AreaOutline
{
    public const double Width = 600;
    private const int MaxPointsPerRing = 400;

    public static (IReadOnlyList<AreaShape> Shapes, double Height) Project(IEnumerable<(string Code, string Name, int Population, string GeometryJson)> areas)
    {
        var rings = areas.Select(a => (a.Code, a.Name, a.Population, Rings: ReadOuterRings(a.GeometryJson))).Where(a => a.Rings.Count > 0).ToList();
        var points = rings.SelectMany(a => a.Rings).SelectMany(r => r).ToList();
        if (points.Count == 0) return ([], 0);
        double minX = points.Min(p => p.Lon), maxX = points.Max(p => p.Lon), minY = points.Min(p => p.Lat), maxY = points.Max(p => p.Lat);
        var xScale = Math.Cos((minY + maxY) / 2 * Math.PI / 180);
        var spanX = Math.Max((maxX - minX) * xScale, 1e-9);
        var spanY = Math.Max(maxY - minY, 1e-9);
        var scale = (Width - 20) / spanX;
        var height = Math.Min(Math.Ceiling(spanY * scale + 20), 900);
        scale = Math.Min(scale, (height - 20) / spanY);
        double X((double Lon, double Lat) p) => 10 + (p.Lon - minX) * xScale * scale;
        double Y((double Lon, double Lat) p) => 10 + (maxY - p.Lat) * scale;
        string Point((double Lon, double Lat) p) => string.Create(CultureInfo.InvariantCulture, $"{X(p):0.#},{Y(p):0.#}");
        var shapes = rings.Select(a =>
        {
            var largest = a.Rings.MaxBy(r => r.Count)!;
            return new AreaShape(a.Code, a.Name, a.Population, a.Rings.Select(r => string.Join(' ', Thin(r).Select(Point))).ToList(),
                Math.Round(largest.Average(X), 1), Math.Round(largest.Average(Y), 1));
        }).ToList();
        return (shapes, height);
    }

    private static IEnumerable<(double Lon, double Lat)> Thin(List<(double Lon, double Lat)> ring)
    {
        var step = Math.Max(1, ring.Count / MaxPointsPerRing);
        for (var i = 0; i < ring.Count; i += step) yield return ring[i];
    }

    internal static List<List<(double Lon, double Lat)>> ReadOuterRings(string geometryJson)
    {
        var result = new List<List<(double, double)>>();
        try
        {
            using var doc = JsonDocument.Parse(geometryJson);
            var root = doc.RootElement;
            if (!root.TryGetProperty("coordinates", out var coordinates)) return result;
            var polygons = root.GetProperty("type").GetString() == "MultiPolygon" ? coordinates.EnumerateArray().ToList() : [coordinates];
            foreach (var polygon in polygons)
            {
                if (polygon.GetArrayLength() == 0) continue;
                result.Add(polygon[0].EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList());
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            // Stored geometry was validated on import; anything unreadable is left off the outline rather than failing the page.
        }
        return result;
    }
}
