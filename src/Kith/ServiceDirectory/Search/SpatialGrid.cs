namespace Kith.ServiceDirectory.Search;

/// <summary>Places bucketed in 0.05° cells (about 5.5 km north–south), so a radius search reads only
/// the cells its bounding box touches instead of every place.</summary>
internal sealed class SpatialGrid
{
    private const double CellDegrees = 0.05;
    private readonly Dictionary<long, (int Start, int Count)> _cells;
    private readonly int[] _places; // place numbers, grouped by cell

    private SpatialGrid(Dictionary<long, (int, int)> cells, int[] places) { _cells = cells; _places = places; }

    public static SpatialGrid Build(double[] latitudes, double[] longitudes)
    {
        var keys = new long[latitudes.Length];
        var places = new int[latitudes.Length];
        for (var p = 0; p < places.Length; p++) { keys[p] = Key(Row(latitudes[p]), Column(longitudes[p])); places[p] = p; }
        Array.Sort(keys, places);
        var cells = new Dictionary<long, (int, int)>();
        for (var i = 0; i < keys.Length;)
        {
            var j = i;
            while (j < keys.Length && keys[j] == keys[i]) j++;
            cells[keys[i]] = (i, j - i);
            i = j;
        }
        return new SpatialGrid(cells, places);
    }

    /// <summary>Calls <paramref name="visit"/> for every place in a cell touching the box around a point
    /// (the caller checks the exact distance). Visits all cells when the box spans more cells than exist.</summary>
    public void Visit<TVisitor>(double latitude, double longitude, double radiusKm, ref TVisitor visit) where TVisitor : struct, IPlaceVisitor
    {
        var dLat = radiusKm / GeoDistance.KmPerDegreeLatitude;
        var cos = Math.Cos(latitude * Math.PI / 180);
        var dLon = cos < 0.01 ? 180 : Math.Min(180, radiusKm / (GeoDistance.KmPerDegreeLatitude * cos));
        int r0 = Row(latitude - dLat), r1 = Row(latitude + dLat), c0 = Column(longitude - dLon), c1 = Column(longitude + dLon);
        if ((long)(r1 - r0 + 1) * (c1 - c0 + 1) > _cells.Count)
        {
            foreach (var p in _places) visit.Place(p);
            return;
        }
        for (var r = r0; r <= r1; r++)
            for (var c = c0; c <= c1; c++)
            {
                if (!_cells.TryGetValue(Key(r, c), out var cell)) continue;
                foreach (var p in _places.AsSpan(cell.Start, cell.Count)) visit.Place(p);
            }
    }

    // Longitudes are not wrapped at ±180°: Kith deployments are towns and counties, not the Pacific date line.
    private static int Row(double latitude) => (int)Math.Floor(latitude / CellDegrees);

    private static int Column(double longitude) => (int)Math.Floor(longitude / CellDegrees);

    private static long Key(int row, int column) => ((long)row << 32) | (uint)column;
}

internal interface IPlaceVisitor
{
    void Place(int place);
}
