using Kith.Platform.Time;

namespace Kith.ServiceDirectory.Search;

/// <summary>A query's filters prepared against one index: set filters (language, category, area,
/// accessibility) folded into one bitset, the radius resolved through the spatial grid, "open" worked out
/// once per schedule shape. <see cref="Admits"/> is then a handful of array reads per document.</summary>
internal sealed class SearchFilters
{
    private readonly DirectoryIndex _index;
    private readonly SearchScratch _s;
    private readonly SearchQuery _query;
    private readonly bool _useAllowed;
    private readonly DateTimeOffset? _openAt;
    private readonly double _age;
    private readonly double _pointCos;

    /// <summary>The point distances are measured from (the query's point, or its postcode's centroid).</summary>
    public GeoPoint? Point { get; }
    /// <summary>True when the query's radius applies: only documents the grid pass marked are admitted.</summary>
    public bool RadiusFilter { get; }
    /// <summary>True when a filter names a value no document has: nothing can match.</summary>
    public bool Empty { get; }
    public bool UsesBitset => _useAllowed;

    public SearchFilters(DirectoryIndex index, SearchScratch scratch, SearchQuery query, GeoPoint? point, DateTimeOffset now)
    {
        _index = index;
        _s = scratch;
        _query = query;
        Point = point;
        _pointCos = point is null ? 1 : GeoDistance.CosLatitude(point.Latitude);
        _openAt = query.OpenAt ?? (query.OpenNow ? now : null);
        _age = query.Age is { } age ? (double)age : double.NaN;

        var first = true;
        var empty = false;
        if (query.Language is { Length: > 0 } language)
        {
            if (index.LanguageBits.TryGetValue(DirectoryIndex.NormalizeLanguage(language), out var bits)) And(bits, ref first);
            else empty = true;
        }
        if (query.TaxonomyTermId is { Length: > 0 } term) AndDocs(index.TaxonomyDocs, term, ref first, ref empty);
        if (query.AreaId is { Length: > 0 } area) AndDocs(index.AreaDocs, area, ref first, ref empty);
        foreach (var code in query.Accessibility ?? []) AndDocs(index.AccessibilityDocs, code.ToLowerInvariant(), ref first, ref empty);
        _useAllowed = !first;
        Empty = empty;

        if (point is not null && query.RadiusKm is { } radius && radius >= 0)
        {
            RadiusFilter = true;
            MarkWithinRadius(point, radius);
        }
    }

    public bool Admits(int d)
    {
        if (_useAllowed && (_s.Allowed[d >> 6] & (1UL << d)) == 0) return false;
        var facts = _index.Facts[d];
        if (_query.FreeOnly && (facts & DocumentFacts.Free) == 0) return false;
        if (_query.HasCapacity && (facts & DocumentFacts.HasCapacity) == 0) return false;
        if (_query.Delivery != Delivery.None && (_index.Delivery[d] & _query.Delivery) == 0) return false;
        // A service that states no age limits serves every age.
        if (!double.IsNaN(_age) && (_age < _index.MinimumAge[d] || _age > _index.MaximumAge[d])) return false;
        if (RadiusFilter && float.IsNaN(_s.Distance[d])) return false;
        return _openAt is not { } at || IsOpen(d, at);
    }

    /// <summary>Enumerates the documents the set filters allow (all documents when there are none).</summary>
    public IEnumerable<int> SetFilterCandidates()
    {
        if (!_useAllowed)
        {
            for (var d = 0; d < _index.Count; d++) yield return d;
            yield break;
        }
        var bits = _s.Allowed;
        for (var w = 0; w < bits.Length; w++)
            for (var word = bits[w]; word != 0; word &= word - 1)
                yield return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
    }

    /// <summary>Kilometres to the nearest place (confidential places blurred), −1 for a document without
    /// places, NaN without a point. Cached in the scratch for the query.</summary>
    public float DistanceOf(int d)
    {
        if (Point is null) return float.NaN;
        var v = _s.Distance[d];
        if (!float.IsNaN(v)) return v;
        if (RadiusFilter) return float.NaN; // outside the radius: never admitted, so never asked
        var best = -1.0;
        for (var p = _index.PlaceStart[d]; p < _index.PlaceStart[d + 1]; p++)
        {
            var km = PlaceDistance(p, Point);
            if (best < 0 || km < best) best = km;
        }
        _s.Distance[d] = (float)best;
        _s.DistanceTouched.Add(d);
        return (float)best;
    }

    /// <summary>Kilometres from the query's point to a place, blurred for a confidential place.</summary>
    public double PlaceDistance(int p, GeoPoint point)
    {
        var km = GeoDistance.Fast(point.Latitude, point.Longitude, _pointCos, _index.PlaceLatitude[p], _index.PlaceLongitude[p], _index.PlaceCosLatitude[p]);
        return _index.PlaceConfidential[p] ? GeoDistance.Blur(km) : km;
    }

    private bool IsOpen(int d, DateTimeOffset at)
    {
        var shape = _index.ShapeOf[d];
        if (shape < 0) return false; // hours unknown: never claimed open
        var known = _s.ShapeOpen[shape];
        if (known == 0)
        {
            known = _s.ShapeOpen[shape] = OpeningHours.IsOpen(_index.Shapes[shape], at) ? (sbyte)1 : (sbyte)-1;
            _s.ShapeTouched.Add(shape);
        }
        return known > 0;
    }

    // Places within the radius get their distance; documents without places pass when they serve everyone
    // (no served areas) or serve an area that has a place within the radius. That keeps a town's phone line
    // in a "within 5 km" search without pulling in phone lines of other towns.
    private void MarkWithinRadius(GeoPoint point, double radius)
    {
        var areas = new bool[_index.AreaCount];
        var visitor = new RadiusVisitor(this, point, radius, areas);
        _index.Grid.Visit(point.Latitude, point.Longitude, radius, ref visitor);
        for (var i = 0; i < _index.RemoteDocs.Length; i++)
        {
            var served = _index.RemoteAreas[i];
            var near = served.Length == 0;
            foreach (var a in served) near |= areas[a];
            if (!near) continue;
            var d = _index.RemoteDocs[i];
            _s.Distance[d] = -1;
            _s.DistanceTouched.Add(d);
        }
    }

    private struct RadiusVisitor(SearchFilters filters, GeoPoint point, double radius, bool[] areas) : IPlaceVisitor
    {
        public readonly void Place(int p)
        {
            var km = filters.PlaceDistance(p, point);
            if (km > radius) return;
            var index = filters._index;
            if (index.PlaceArea[p] >= 0) areas[index.PlaceArea[p]] = true;
            var d = index.PlaceDoc[p];
            var s = filters._s;
            var current = s.Distance[d];
            if (float.IsNaN(current)) s.DistanceTouched.Add(d);
            if (float.IsNaN(current) || km < current) s.Distance[d] = (float)km;
        }
    }

    private void And(ulong[] bits, ref bool first)
    {
        if (first) bits.CopyTo(_s.Allowed, 0);
        else for (var i = 0; i < bits.Length; i++) _s.Allowed[i] &= bits[i];
        first = false;
    }

    private void AndDocs(Dictionary<string, int[]> postings, string key, ref bool first, ref bool empty)
    {
        if (!postings.TryGetValue(key, out var docs)) { empty = true; return; }
        Array.Clear(_s.Other);
        foreach (var d in docs) _s.Other[d >> 6] |= 1UL << d;
        And(_s.Other, ref first);
    }
}
