namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>service_at_location</c> (service_at_location.csv): A link between a service and a specific location.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class ServiceAtLocation
{
    /// <summary>The identifier of the service at location entry. Each entry must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the service at a given location.</summary>
    public string ServiceId { get; set; } = "";
    /// <summary>The identifier of the location where this service operates.</summary>
    public string LocationId { get; set; } = "";
    /// <summary>A free text description of the service at this specific location.</summary>
    public string? Description { get; set; }
}
