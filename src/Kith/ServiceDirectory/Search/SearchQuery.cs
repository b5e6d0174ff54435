namespace Kith.ServiceDirectory.Search;

internal sealed record GeoPoint(double Latitude, double Longitude);

internal sealed record SearchQuery(string? Text = null, string? TaxonomyTermId = null, string? Language = null,
    GeoPoint? Near = null, double? RadiusKm = null, string? PostalCode = null, string? AreaId = null,
    bool OpenNow = false, DateTimeOffset? OpenAt = null, decimal? Age = null, bool FreeOnly = false,
    Delivery Delivery = Delivery.None /* any of the given flags */, IReadOnlyList<string>? Accessibility = null /* all required */,
    bool HasCapacity = false, int Page = 1, int PerPage = 20, bool ByDistance = false /* nearest first, when there is a point */);

/// <summary>Why a hit matched. <see cref="Kind"/> is one of <see cref="MatchKinds"/> (the UI translates it);
/// <see cref="Detail"/> carries the data the sentence needs, in an invariant format documented on each kind.</summary>
internal sealed record MatchReason(string Kind, string Detail);

internal sealed record SearchHit(SearchDocument Document, double Score, double? DistanceKm, bool? OpenNow, IReadOnlyList<MatchReason> Reasons);

internal sealed record SearchResults(IReadOnlyList<SearchHit> Crisis, IReadOnlyList<SearchHit> Hits, int Total, int Page, int PerPage,
    bool RiskDetected, string? RiskPhrase, bool UnknownPostalCode, GeoPoint? Origin = null /* the point distances are measured from */);

/// <summary>The stable reason kinds. They are part of the contract with the UI's translations: never rename one.</summary>
internal static class MatchKinds
{
    /// <summary>Detail: <c>word=&lt;query word&gt; field=name|other_name|keyword|description via=exact|stem|synonym|typo term=&lt;indexed word&gt;</c>.</summary>
    public const string Text = "text";
    /// <summary>Detail: the taxonomy term id asked for.</summary>
    public const string Category = "category";
    /// <summary>Detail: the language code asked for.</summary>
    public const string Language = "language";
    /// <summary>Detail: kilometres, invariant culture, one decimal (0.5 steps for confidential places).</summary>
    public const string Distance = "distance";
    /// <summary>Detail: empty.</summary>
    public const string OpenNow = "open_now";
    /// <summary>Detail: the instant asked for, round-trip ("o") format.</summary>
    public const string OpenAt = "open_at";
    /// <summary>Detail: the age asked for, invariant culture.</summary>
    public const string Age = "age";
    /// <summary>Detail: empty.</summary>
    public const string Free = "free";
    /// <summary>Detail: the asked-for delivery modes the service offers, e.g. <c>Phone, Text</c>.</summary>
    public const string Delivery = "delivery";
    /// <summary>Detail: the required codes, comma-separated.</summary>
    public const string Accessibility = "accessibility";
    /// <summary>Detail: places available now, invariant culture.</summary>
    public const string Capacity = "capacity";
}
