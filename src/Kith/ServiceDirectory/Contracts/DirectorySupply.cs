namespace Kith.ServiceDirectory.Contracts;

/// <summary>
/// One area's services for a need, as the service gap analysis counts them (services, never people: public figures).
/// <c>Gap</c>: residents and no in-area service, or under half the county rate. <c>MapClass</c> and <c>MapValue</c>:
/// how the gap map paints and names the area, so a view beside demand shows the same map the directory does.
/// </summary>
internal sealed record AreaServices(string AreaCode, int InArea, int Reaching, double? ServicesPer10k, bool Gap, string MapClass, string MapValue);

/// <summary>A need's supply in every area, the county rate the gap rule compares with, and the map's legend.</summary>
internal sealed record NeedSupply(string NeedCode, string NeedName, IReadOnlyList<AreaServices> Areas, double? CountyServicesPer10k,
    IReadOnlyList<(string Css, string Text)> Legend);

/// <summary>The directory's gap view for other modules (Insights shows it beside demand).</summary>
internal interface IDirectorySupply
{
    /// <summary>
    /// In-person services per area for a top-level need code (<see cref="DirectoryNeeds.TopLevel"/>; "all" or none = every
    /// service); null when the need is unknown. <paramref name="noService"/> and <paramref name="noResidents"/> name the map's
    /// two unshaded classes in the reader's language.
    /// </summary>
    Task<NeedSupply?> PerAreaAsync(string? needCode, string noService, string noResidents, CancellationToken ct);
}
