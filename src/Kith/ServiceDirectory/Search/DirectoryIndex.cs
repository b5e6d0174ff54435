using System.Collections.Concurrent;
using Kith.Platform.Time;

namespace Kith.ServiceDirectory.Search;

[Flags]
internal enum DocumentFacts : byte { None = 0, Free = 1, HasCapacity = 2, CrisisLine = 4, HasPlaces = 8 }

/// <summary>An immutable snapshot of the service directory, laid out for search: inverted text postings,
/// filter postings and bitsets, a spatial grid and per-document facts in flat arrays (document number =
/// position in <see cref="Documents"/>). Never changed after <see cref="Build"/>, so any number of threads
/// may search it; <see cref="DirectoryIndexHolder"/> swaps in a new one when the directory changes.</summary>
internal sealed class DirectoryIndex
{
    public required SearchDocument[] Documents { get; init; }
    public required TextPostings Text { get; init; }
    public required TypoVocabulary Typos { get; init; }
    public required uint[] FieldLengths { get; init; }
    public required double[] AverageFieldLengths { get; init; }

    public required Dictionary<string, ulong[]> LanguageBits { get; init; }
    public required Dictionary<string, int[]> TaxonomyDocs { get; init; }
    public required Dictionary<string, int[]> AreaDocs { get; init; }
    public required Dictionary<string, int[]> AccessibilityDocs { get; init; }

    public required DocumentFacts[] Facts { get; init; }
    public required Delivery[] Delivery { get; init; }
    public required double[] MinimumAge { get; init; } // NaN = no lower limit
    public required double[] MaximumAge { get; init; } // NaN = no upper limit
    public required int[] AssuredDay { get; init; }    // DateOnly.DayNumber, -1 = never verified

    /// <summary>Documents with equal schedules share a shape, so "open now" is worked out once per shape per query.</summary>
    public required int[] ShapeOf { get; init; }       // -1 = hours unknown
    public required IReadOnlyList<OpeningRule>[] Shapes { get; init; }

    public required int[] PlaceStart { get; init; }    // document → its places [PlaceStart[d], PlaceStart[d + 1])
    public required int[] PlaceDoc { get; init; }
    public required double[] PlaceLatitude { get; init; }
    public required double[] PlaceLongitude { get; init; }
    public required double[] PlaceCosLatitude { get; init; }
    public required bool[] PlaceConfidential { get; init; }
    public required int[] PlaceArea { get; init; }     // area number, -1 = none
    public required SpatialGrid Grid { get; init; }
    public required int AreaCount { get; init; }

    /// <summary>Documents without places (phone, text, online) and the area numbers each serves.</summary>
    public required int[] RemoteDocs { get; init; }
    public required int[][] RemoteAreas { get; init; }
    public required Dictionary<string, GeoPoint> PostalCentroids { get; init; }
    public required int[] CrisisDocs { get; init; }

    public int Count => Documents.Length;

    private readonly ConcurrentBag<SearchScratch> _scratch = [];

    public static DirectoryIndex Build(IEnumerable<SearchDocument> documents) => DirectoryIndexBuilder.Build(documents);

    internal SearchScratch RentScratch() => _scratch.TryTake(out var s) ? s : new SearchScratch(this);

    internal void Return(SearchScratch scratch) => _scratch.Add(scratch);

    /// <summary>Postcodes are compared without spaces or case: "sw1a 1aa" = "SW1A1AA".</summary>
    public static string NormalizePostalCode(string code)
    {
        Span<char> buffer = stackalloc char[code.Length];
        var n = 0;
        foreach (var c in code) if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToUpperInvariant(c);
        return new string(buffer[..n]);
    }

    /// <summary>"EN", "en-US", "en_GB" and "eng" are all "en"; "hmn" stays "hmn" (see <see cref="LanguageCodes"/>).</summary>
    public static string NormalizeLanguage(string code)
    {
        if (LanguageCodes.Canonical(code) is { } key) return key;
        var cut = code.IndexOfAny(['-', '_']);
        return (cut > 0 ? code[..cut] : code).Trim().ToLowerInvariant();
    }
}

/// <summary>The one live index; the directory loader builds a new one and swaps it in whole.</summary>
internal sealed class DirectoryIndexHolder
{
    private DirectoryIndex _current = DirectoryIndex.Build([]);

    public DirectoryIndex Current => Volatile.Read(ref _current);

    public void Replace(DirectoryIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        Volatile.Write(ref _current, index);
    }
}
