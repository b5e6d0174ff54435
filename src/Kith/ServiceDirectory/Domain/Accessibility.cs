namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>accessibility</c> (accessibility.csv): The details of the arrangements for access to locations for people who have disabilities.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class Accessibility
{
    /// <summary>The identifier for this accessibility information. Each entry must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier for the location of the accessibility provision.</summary>
    public string? LocationId { get; set; }
    /// <summary>A free text description of the assistance or infrastructure that facilitates access to clients with disabilities.</summary>
    public string? Description { get; set; }
    /// <summary>Any further details relating to the relevant accessibility arrangements at this location.</summary>
    public string? Details { get; set; }
    /// <summary>The URL of a page giving more information about the accessibility of the location.</summary>
    public string? Url { get; set; }
}
