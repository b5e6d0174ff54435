namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>service_area</c> (service_areas.csv): The details of the geographic area for which a service is available.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class ServiceArea
{
    /// <summary>The identifier for the service area. Each service area must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the service for which this entry describes the service area</summary>
    public string? ServiceId { get; set; }
    /// <summary>A free text geographic area where a service is available.</summary>
    public string? Name { get; set; }
    /// <summary>A more detailed free text description of this service area. Used to provide any additional information that cannot be communicated using the structured area and geometry fields.</summary>
    public string? Description { get; set; }
    /// <summary>A definition of the polygon defining the area.</summary>
    public string? Extent { get; set; }
    /// <summary>The format of the extent field  populated from an enum of  "geojson", "topojson",  "kml",and (for legacy systems or early state during transformation) "text".</summary>
    public string? ExtentType { get; set; }
    /// <summary>A URI which acts as a persistent identifier to identify an area.</summary>
    public string? Uri { get; set; }
}
