namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>funding</c> (funding.csv): The sources of funding for a service or organization.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class Funding
{
    /// <summary>The identifier for the funding. Each entry must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the organization in receipt of this funding.</summary>
    public string? OrganizationId { get; set; }
    /// <summary>The identifier of the service in receipt of this funding.</summary>
    public string? ServiceId { get; set; }
    /// <summary>A free text description of the source of funds for this organization or service.</summary>
    public string? Source { get; set; }
}
