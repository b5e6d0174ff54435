namespace Kith.ServiceDirectory.Contracts;

/// <summary>
/// A directory location as another module may show it. <see cref="Address"/> is null for a confidential location (a
/// refuge): its address never leaves the directory, so a group meeting there can say only "the address is given to
/// members by the organiser".
/// </summary>
internal sealed record PlaceFact(string LocationId, string Name, string? Address, bool Confidential, Guid? KithOrganisationId);

/// <summary>
/// A group or programme to publish as a directory service, so Find help and every HSDS reader finds it: its sessions
/// become an HSDS schedule (the same RFC 5545 fields), its free places a capacity, its page the service's url.
/// </summary>
internal sealed record GroupListing(
    string? ServiceId, Guid KithOrganisationId, string Name, string Description, IReadOnlyList<string> Needs,
    string? LocationId, bool Online, string Language, string? Rule, DateTime FirstStartLocal, int DurationMinutes,
    int PlacesFree, bool Active, string Url, string PublishedBy, string PublisherEmail);

/// <summary>What the directory lets other modules do with places and listings (the directory owns the rows).</summary>
internal interface IDirectoryListings
{
    /// <summary>A location by its HSDS id; null when there is none.</summary>
    Task<PlaceFact?> PlaceAsync(string locationId, CancellationToken ct);

    /// <summary>
    /// The active services of a Kith organisation's directory record by name → id, read from the records themselves (not
    /// the search index, which may not have caught up): for seeding that refers to them by name.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> ServicesOfAsync(Guid kithOrganisation, CancellationToken ct);

    /// <summary>The places of a Kith organisation's directory record, by name (where its groups can meet).</summary>
    Task<IReadOnlyList<PlaceFact>> PlacesOfAsync(Guid kithOrganisation, CancellationToken ct);

    /// <summary>
    /// Creates or updates the service that publishes a group, in the caller's unit of work (it commits with the group),
    /// and returns its id. Null when the Kith organisation has no record in the directory to publish under.
    /// </summary>
    Task<string?> PublishAsync(GroupListing listing, CancellationToken ct);

    /// <summary>A published group's free places changed (someone joined or left), in the caller's unit of work.</summary>
    Task UpdatePlacesAsync(string serviceId, int placesFree, CancellationToken ct);
}
