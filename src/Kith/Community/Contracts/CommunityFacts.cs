namespace Kith.Community.Contracts;

/// <summary>An organisation as other modules may know it: who owns directory records, who takes referrals.</summary>
internal sealed record OrganisationFact(Guid Id, string Name, Guid? AreaId, bool Active)
{
    /// <summary>What kind of body it is ("School", "Workplace", "Clinic"…): next steps keep a workplace's own programme to its people.</summary>
    public string Type { get; init; } = "Other";
}

/// <summary>An area as other modules may know it: its boundary (GeoJSON geometry), population and centroid.</summary>
internal sealed record AreaFact(Guid Id, string Code, string Name, int Population, string BoundaryGeoJson, double CentroidLatitude, double CentroidLongitude);

/// <summary>What the community module tells other modules about its organisations and areas (read-only).</summary>
internal interface ICommunityFacts
{
    Task<IReadOnlyList<OrganisationFact>> OrganisationsAsync(CancellationToken ct);
    Task<IReadOnlyList<AreaFact>> AreasAsync(CancellationToken ct);

    /// <summary>Changes whenever an area is added, removed or edited (count and latest change), cheap to ask often.</summary>
    Task<string> AreasVersionAsync(CancellationToken ct);
}
