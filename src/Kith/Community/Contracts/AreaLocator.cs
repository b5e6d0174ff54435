namespace Kith.Community.Contracts;

/// <summary>
/// Which area a point lies in: even-odd ray casting over each area's outer rings, with a bounding-box check
/// first. Built once from the areas and shared; immutable, so any thread may ask.
/// </summary>
internal sealed class AreaLocator
{
    private readonly List<(Guid Id, double MinLon, double MinLat, double MaxLon, double MaxLat, List<List<(double Lon, double Lat)>> Rings)> areas = [];

    public AreaLocator(IEnumerable<AreaFact> facts)
    {
        foreach (var a in facts)
        {
            var rings = AreaOutline.ReadOuterRings(a.BoundaryGeoJson);
            var points = rings.SelectMany(r => r).ToList();
            if (points.Count == 0) continue;
            areas.Add((a.Id, points.Min(p => p.Lon), points.Min(p => p.Lat), points.Max(p => p.Lon), points.Max(p => p.Lat), rings));
        }
    }

    /// <summary>The first area containing the point, or null when it lies outside all of them.</summary>
    public Guid? Find(double latitude, double longitude)
    {
        foreach (var a in areas)
        {
            if (longitude < a.MinLon || longitude > a.MaxLon || latitude < a.MinLat || latitude > a.MaxLat) continue;
            foreach (var ring in a.Rings)
                if (Contains(ring, longitude, latitude)) return a.Id;
        }
        return null;
    }

    private static bool Contains(List<(double Lon, double Lat)> ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }
}
