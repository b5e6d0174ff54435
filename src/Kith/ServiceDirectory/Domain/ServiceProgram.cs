namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>program</c> (programs.csv): The details of collections of related services.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class ServiceProgram
{
    /// <summary>The identifier for the program. Each program must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier for the organization which the program belongs to. Each program must belong to a single organization, and the identifier for that organization should be given here.</summary>
    public string OrganizationId { get; set; } = "";
    /// <summary>The name of the program.</summary>
    public string Name { get; set; } = "";
    /// <summary>The (optional) alternative name for the program.</summary>
    public string? AlternateName { get; set; }
    /// <summary>A free text description of the program</summary>
    public string Description { get; set; } = "";
}
