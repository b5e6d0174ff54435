namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>location</c> (locations.csv): The locations where organizations operate. Locations may be virtual, and one organization may have many locations.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class Location
{
    /// <summary>The identifier of the location. Each location must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The type of location, which may be either physical, postal, or virtual.</summary>
    public string LocationType { get; set; } = "";
    /// <summary>If location_type is virtual, then this field represents the URL of a virtual location.</summary>
    public string? Url { get; set; }
    /// <summary>The organization identifier for a location. This is the organization that is responsible for maintaining information about this location. The identifier of the organization should be given here. Details of the services the organization delivers at this location should be provided in the services_at_location table.</summary>
    public string? OrganizationId { get; set; }
    /// <summary>The name of the location.</summary>
    public string? Name { get; set; }
    /// <summary>An (optional) alternative name of the location.</summary>
    public string? AlternateName { get; set; }
    /// <summary>A free text description of the location.</summary>
    public string? Description { get; set; }
    /// <summary>A free text description of the access to public or private transportation to and from the location.</summary>
    public string? Transportation { get; set; }
    /// <summary>The latitude of the location expressed in decimal degrees in WGS84 datum.</summary>
    public double? Latitude { get; set; }
    /// <summary>The longitude of the location expressed in decimal degrees in WGS84 datum.</summary>
    public double? Longitude { get; set; }
    /// <summary>A third party identifier for the location, which can be drawn from other services e.g. UK UPRN.</summary>
    public string? ExternalIdentifier { get; set; }
    /// <summary>The scheme used for the location's external_identifier e.g. UK UPRN.</summary>
    public string? ExternalIdentifierType { get; set; }
    /// <summary>A confidential location (e.g. a shelter): the public sees its area and phone, never address or coordinates.</summary>
    public bool Confidential { get; set; }
    /// <summary>The Kith area the location lies in, computed from its coordinates on save.</summary>
    public Guid? AreaId { get; set; }
    /// <summary>A confidential location's public point (<see cref="PublicPoint"/>): what every public distance and pin is measured from.</summary>
    public double? PublicLatitude { get; set; }
    /// <summary>The public point's longitude; set and cleared together with <see cref="PublicLatitude"/>.</summary>
    public double? PublicLongitude { get; set; }
}
