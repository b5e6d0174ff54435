using Kith.Platform.Time;

namespace Kith.ServiceDirectory.Search;

/// <summary>Lays a set of documents out as a <see cref="DirectoryIndex"/> in one pass plus a few sorts.</summary>
internal static class DirectoryIndexBuilder
{
    public static DirectoryIndex Build(IEnumerable<SearchDocument> source)
    {
        var documents = source as SearchDocument[] ?? source.ToArray();
        var n = documents.Length;
        var fieldLengths = new uint[n];
        // Text (the bulk of the work) runs beside the facts and places, and the typo dictionary beside the grid.
        var textTask = Task.Run(() =>
        {
            var text = new TextIndexer();
            for (var d = 0; d < n; d++) fieldLengths[d] = text.Add(d, documents[d]);
            return text.Finish();
        });
        var typoTask = textTask.ContinueWith(t => TypoVocabulary.Build(t.Result.ExactWords), TaskScheduler.Default);
        var languages = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var taxonomy = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var areas = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var accessibility = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var facts = new DocumentFacts[n];
        var delivery = new Delivery[n];
        var minimumAge = new double[n];
        var maximumAge = new double[n];
        var assured = new int[n];
        var shapeOf = new int[n];
        var shapes = new Dictionary<IReadOnlyList<OpeningRule>, int>(ScheduleComparer.Instance);
        var placeStart = new int[n + 1];
        var placeDoc = new List<int>();
        var latitudes = new List<double>();
        var longitudes = new List<double>();
        var confidential = new List<bool>();
        var placeArea = new List<int>();
        var areaNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var remote = new List<int>();
        var remoteAreas = new List<int[]>();
        var postal = new Dictionary<string, (double Lat, double Lon, int Count)>(StringComparer.Ordinal);
        var crisis = new List<int>();

        for (var d = 0; d < n; d++)
        {
            var doc = documents[d];
            foreach (var l in doc.Languages) Post(languages, DirectoryIndex.NormalizeLanguage(l), d);
            foreach (var t in doc.TaxonomyTermIds) Post(taxonomy, t, d);
            foreach (var a in doc.ServedAreaIds) Post(areas, a, d);
            foreach (var a in doc.Accessibility) Post(accessibility, a.ToLowerInvariant(), d);

            facts[d] = (doc.Free ? DocumentFacts.Free : 0) | (doc.CapacityAvailable > 0 ? DocumentFacts.HasCapacity : 0)
                | (doc.IsCrisisLine ? DocumentFacts.CrisisLine : 0) | (doc.Places.Count > 0 ? DocumentFacts.HasPlaces : 0);
            delivery[d] = doc.Delivery;
            minimumAge[d] = doc.MinimumAge is { } min ? (double)min : double.NaN;
            maximumAge[d] = doc.MaximumAge is { } max ? (double)max : double.NaN;
            assured[d] = doc.AssuredDate?.DayNumber ?? -1;
            if (doc.IsCrisisLine) crisis.Add(d);

            if (doc.Schedules.Count == 0) shapeOf[d] = -1;
            else if (!shapes.TryGetValue(doc.Schedules, out shapeOf[d])) shapes[doc.Schedules] = shapeOf[d] = shapes.Count;

            placeStart[d] = placeDoc.Count;
            foreach (var p in doc.Places)
            {
                placeDoc.Add(d);
                latitudes.Add(p.Latitude);
                longitudes.Add(p.Longitude);
                confidential.Add(p.Confidential);
                placeArea.Add(p.AreaId is null ? -1 : Number(areaNumbers, p.AreaId));
                // Confidential places stay out of postcode centroids: a postcode known only through a
                // shelter would otherwise put the shelter at distance zero.
                if (p.PostalCode is null || p.Confidential) continue;
                var code = DirectoryIndex.NormalizePostalCode(p.PostalCode);
                postal.TryGetValue(code, out var sum);
                postal[code] = (sum.Lat + p.Latitude, sum.Lon + p.Longitude, sum.Count + 1);
            }
            if (doc.Places.Count == 0)
            {
                remote.Add(d);
                remoteAreas.Add([.. doc.ServedAreaIds.Select(a => Number(areaNumbers, a))]);
            }
        }
        placeStart[n] = placeDoc.Count;

        var lat = latitudes.ToArray();
        var lon = longitudes.ToArray();
        var grid = SpatialGrid.Build(lat, lon);
        var languageBits = languages.ToDictionary(l => l.Key, l => Bits(l.Value, n), StringComparer.Ordinal);
        var textPostings = textTask.GetAwaiter().GetResult();
        var totals = new double[4];
        foreach (var packed in fieldLengths)
            for (var f = 0; f < 4; f++) totals[f] += (packed >> (8 * f)) & 0xFF;
        return new DirectoryIndex
        {
            Documents = documents,
            Text = textPostings,
            Typos = typoTask.GetAwaiter().GetResult(),
            FieldLengths = fieldLengths,
            AverageFieldLengths = [.. totals.Select(t => n == 0 ? 1 : Math.Max(1, t / n))],
            LanguageBits = languageBits,
            TaxonomyDocs = Arrays(taxonomy),
            AreaDocs = Arrays(areas),
            AccessibilityDocs = Arrays(accessibility),
            Facts = facts,
            Delivery = delivery,
            MinimumAge = minimumAge,
            MaximumAge = maximumAge,
            AssuredDay = assured,
            ShapeOf = shapeOf,
            Shapes = [.. shapes.OrderBy(s => s.Value).Select(s => s.Key)],
            PlaceStart = placeStart,
            PlaceDoc = [.. placeDoc],
            PlaceLatitude = lat,
            PlaceLongitude = lon,
            PlaceCosLatitude = [.. lat.Select(GeoDistance.CosLatitude)],
            PlaceConfidential = [.. confidential],
            PlaceArea = [.. placeArea],
            Grid = grid,
            AreaCount = areaNumbers.Count,
            RemoteDocs = [.. remote],
            RemoteAreas = [.. remoteAreas],
            PostalCentroids = postal.ToDictionary(p => p.Key, p => new GeoPoint(p.Value.Lat / p.Value.Count, p.Value.Lon / p.Value.Count), StringComparer.Ordinal),
            CrisisDocs = [.. crisis],
        };
    }

    private static void Post(Dictionary<string, List<int>> postings, string key, int doc)
    {
        if (!postings.TryGetValue(key, out var list)) postings[key] = list = [];
        // A document listing a value twice still appears once.
        if (list.Count == 0 || list[^1] != doc) list.Add(doc);
    }

    private static int Number(Dictionary<string, int> numbers, string key)
    {
        if (!numbers.TryGetValue(key, out var number)) numbers[key] = number = numbers.Count;
        return number;
    }

    private static Dictionary<string, int[]> Arrays(Dictionary<string, List<int>> postings) =>
        postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    private static ulong[] Bits(List<int> docs, int n)
    {
        var bits = new ulong[(n + 63) / 64];
        foreach (var d in docs) bits[d >> 6] |= 1UL << d;
        return bits;
    }

    /// <summary>Schedules are equal when their rules are equal one by one (records compare by value).</summary>
    private sealed class ScheduleComparer : IEqualityComparer<IReadOnlyList<OpeningRule>>
    {
        public static readonly ScheduleComparer Instance = new();

        public bool Equals(IReadOnlyList<OpeningRule>? x, IReadOnlyList<OpeningRule>? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null || x.Count != y.Count) return false;
            for (var i = 0; i < x.Count; i++) if (!x[i].Equals(y[i])) return false;
            return true;
        }

        public int GetHashCode(IReadOnlyList<OpeningRule> rules)
        {
            var hash = new HashCode();
            foreach (var r in rules) hash.Add(r);
            return hash.ToHashCode();
        }
    }
}
