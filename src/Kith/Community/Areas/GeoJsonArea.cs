using System.Text.Json;

namespace Kith.Community.Areas;

/// <summary>An area read from one GeoJSON feature, or the reasons it cannot be.</summary>
internal sealed record GeoJsonArea(string Code, string Name, string? Description, int Population, string GeometryJson, double CentroidLatitude, double CentroidLongitude);

/// <summary>
/// Reads a GeoJSON FeatureCollection of areas. Each feature needs properties <c>code</c>, <c>name</c>,
/// <c>population</c> (optional <c>description</c>) and a Polygon or MultiPolygon geometry in
/// longitude/latitude. Every problem is reported with the feature it belongs to.
/// </summary>
internal static class GeoJsonAreas
{
    public const int MaxFeatures = 5000;

    public static (IReadOnlyList<GeoJsonArea> Areas, IReadOnlyList<string> Problems) Read(JsonElement root)
    {
        var problems = new List<string>();
        var areas = new List<GeoJsonArea>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
            return ([], ["The file must be a GeoJSON FeatureCollection."]);
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            return ([], ["The FeatureCollection has no 'features' array."]);
        if (features.GetArrayLength() == 0) return ([], ["The FeatureCollection has no features."]);
        if (features.GetArrayLength() > MaxFeatures) return ([], [$"At most {MaxFeatures} areas can be imported at once."]);

        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            index++;
            var where = $"feature {index}";
            var before = problems.Count;
            if (feature.ValueKind != JsonValueKind.Object) { problems.Add($"{where}: not an object."); continue; }
            var props = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var code = Text(props, "code");
            var name = Text(props, "name");
            if (code is not null) where = $"feature {index} ({code})";
            if (string.IsNullOrWhiteSpace(code) || code.Length > 60 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                problems.Add($"{where}: properties.code is required: up to 60 letters, digits, '-' or '_'.");
            if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
                problems.Add($"{where}: properties.name is required (up to 200 characters).");
            var population = 0;
            if (props.ValueKind != JsonValueKind.Object || !props.TryGetProperty("population", out var pop) || pop.ValueKind != JsonValueKind.Number || !pop.TryGetInt32(out population) || population < 0)
                problems.Add($"{where}: properties.population must be a whole number of people, 0 or more.");
            var description = Text(props, "description");
            if (description is { Length: > 2000 }) problems.Add($"{where}: properties.description is longer than 2000 characters.");

            if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where}: geometry is missing.");
                continue;
            }
            var rings = ReadGeometry(geometry, where, problems);
            if (rings is null || problems.Count > before) continue;
            var (lat, lon) = Centroid(rings);
            areas.Add(new(code!, name!.Trim(), description?.Trim(), population, geometry.GetRawText(), lat, lon));
        }
        var duplicates = areas.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var d in duplicates) problems.Add($"code '{d}' appears more than once.");
        return (problems.Count == 0 ? areas : [], problems);
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Outer rings of each polygon, validated; null when the geometry is unusable.</summary>
    private static List<double[][]>? ReadGeometry(JsonElement geometry, string where, List<string> problems)
    {
        var type = Text(geometry, "type");
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{where}: geometry.coordinates is missing.");
            return null;
        }
        var polygons = type switch
        {
            "Polygon" => [coordinates],
            "MultiPolygon" => coordinates.EnumerateArray().ToList(),
            _ => null,
        };
        if (polygons is null)
        {
            problems.Add($"{where}: geometry must be a Polygon or MultiPolygon (found '{type}').");
            return null;
        }
        if (polygons.Count == 0)
        {
            problems.Add($"{where}: the boundary has no polygons.");
            return null;
        }
        var outer = new List<double[][]>();
        foreach (var polygon in polygons)
        {
            if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
            {
                problems.Add($"{where}: a polygon has no rings.");
                return null;
            }
            var ringIndex = 0;
            foreach (var ring in polygon.EnumerateArray())
            {
                var positions = ReadRing(ring);
                if (positions is null)
                {
                    problems.Add($"{where}: ring {ringIndex + 1} must be a closed list of at least 4 [longitude, latitude] positions within range.");
                    return null;
                }
                if (ringIndex++ == 0) outer.Add(positions);
            }
        }
        return outer;
    }

    private static double[][]? ReadRing(JsonElement ring)
    {
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4 || ring.GetArrayLength() > 100_000) return null;
        var positions = new List<double[]>();
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2) return null;
            var lon = position[0];
            var lat = position[1];
            if (lon.ValueKind != JsonValueKind.Number || lat.ValueKind != JsonValueKind.Number) return null;
            var x = lon.GetDouble();
            var y = lat.GetDouble();
            if (x is < -180 or > 180 || y is < -90 or > 90) return null;
            positions.Add([x, y]);
        }
        var first = positions[0];
        var last = positions[^1];
        return first[0] == last[0] && first[1] == last[1] ? positions.ToArray() : null;
    }

    /// <summary>Area-weighted centroid of the outer rings (planar; fine at neighbourhood scale).</summary>
    internal static (double Latitude, double Longitude) Centroid(IReadOnlyList<double[][]> rings)
    {
        double area = 0, cx = 0, cy = 0;
        foreach (var ring in rings)
        {
            for (var i = 0; i < ring.Length - 1; i++)
            {
                var cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
                area += cross;
                cx += (ring[i][0] + ring[i + 1][0]) * cross;
                cy += (ring[i][1] + ring[i + 1][1]) * cross;
            }
        }
        if (Math.Abs(area) < 1e-12)
        {
            var all = rings.SelectMany(r => r).ToList();
            return (all.Average(p => p[1]), all.Average(p => p[0]));
        }
        area /= 2;
        return (cy / (6 * area), cx / (6 * area));
    }
}
