using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Search;

namespace Kith.ServiceDirectory.Indexing;

/// <summary>A taxonomy term people can filter by: id, code (Kith terms), name, parent.</summary>
internal sealed record CategoryFact(string Id, string? Code, string Name, string? ParentId, string? TaxonomyId);

/// <summary>One consistent view of the directory for search: the index, result cards, and the revision it was built from.</summary>
internal sealed class DirectorySnapshot(long revision, DirectoryIndex index, IReadOnlyList<SearchDocument> documents, IReadOnlyDictionary<string, ServiceCard> cards,
    IReadOnlyList<AreaFact> areas, IReadOnlyList<CategoryFact> categories, DateTime builtAtUtc)
{
    private readonly Dictionary<string, string> areaKeys = AreaKeys(areas);
    private readonly Dictionary<string, CategoryFact> categoryById = categories.ToDictionary(c => c.Id);

    public long Revision => revision;
    public DirectoryIndex Index => index;
    /// <summary>Every active service as search sees it (gap analysis counts from these).</summary>
    public IReadOnlyList<SearchDocument> Documents => documents;
    public IReadOnlyList<AreaFact> Areas => areas;
    public IReadOnlyList<CategoryFact> Categories => categories;
    public DateTime BuiltAtUtc => builtAtUtc;
    public int ServiceCount => cards.Count;

    public IReadOnlySet<string> AccessibilityCodes { get; } = KithVocabulary.AccessibilityFeatures.Select(f => f.Code).ToHashSet();

    public ServiceCard? Card(string serviceId) => cards.GetValueOrDefault(serviceId);

    public string? AreaName(string? areaId) => areaId != null && Guid.TryParse(areaId, out var id) ? areas.FirstOrDefault(a => a.Id == id)?.Name : null;

    /// <summary>An area by id, code or name (any case).</summary>
    public string? AreaIdFor(string key) => areaKeys.GetValueOrDefault(key);

    /// <summary>A taxonomy term by id, or a Kith need by its code ("grief").</summary>
    public string? TermIdFor(string key) =>
        categoryById.ContainsKey(key) ? key
        : KithVocabulary.Needs.FirstOrDefault(n => string.Equals(n.Code, key, StringComparison.OrdinalIgnoreCase)) is { } need && categoryById.ContainsKey(need.Id) ? need.Id
        : null;

    public CategoryFact? Category(string id) => categoryById.GetValueOrDefault(id);

    private static Dictionary<string, string> AreaKeys(IReadOnlyList<AreaFact> areas)
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in areas)
        {
            var id = a.Id.ToString();
            keys[id] = id;
            keys[a.Code] = id;
            keys[a.Name] = id;
        }
        return keys;
    }
}
