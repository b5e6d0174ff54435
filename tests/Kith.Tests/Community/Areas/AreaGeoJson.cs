using System.Text.Json;

namespace Kith.Tests.Community.Areas;

/// <summary>Small GeoJSON FeatureCollections for the area tests.</summary>
internal static class AreaGeoJson
{
    public static object Square(string code, string name, int population, double lon, double lat) => new
    {
        type = "Feature",
        properties = new { code, name, population },
        geometry = new
        {
            type = "Polygon",
            coordinates = new[] { new[] { new[] { lon, lat }, new[] { lon + 0.01, lat }, new[] { lon + 0.01, lat + 0.01 }, new[] { lon, lat + 0.01 }, new[] { lon, lat } } },
        },
    };

    public static object Collection(params object[] features) => new { type = "FeatureCollection", features };

    public static string Json(object value) => JsonSerializer.Serialize(value);

    /// <summary>A MultiPolygon with no polygons at all: valid JSON, nothing to draw or find a centre of.</summary>
    public static object EmptyMultiPolygon(string code) => Collection(
        new { type = "Feature", properties = new { code, name = "Nowhere", population = 1 }, geometry = new { type = "MultiPolygon", coordinates = Array.Empty<object>() } });

    /// <summary>One good feature and two bad ones: nothing may be written.</summary>
    public static object WithProblems(string goodCode) => Collection(
        Square(goodCode, "Fine Area", 100, -70.0, 44.0),
        new { type = "Feature", properties = new { name = "No Code", population = 5 }, geometry = new { type = "Point", coordinates = new[] { -70.0, 44.0 } } },
        new { type = "Feature", properties = new { code = goodCode + "-neg", name = "Negative", population = -3 } });
}
