namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>taxonomy</c> (taxonomies.csv): The taxonomies from which taxonomy terms are taken.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class Taxonomy
{
    /// <summary>The identifier of the taxonomy. Each entry must have a unique identifier</summary>
    public string Id { get; set; } = "";
    /// <summary>The name of the taxonomy from which terms are sourced.</summary>
    public string Name { get; set; } = "";
    /// <summary>A free text description of the taxonomy.</summary>
    public string Description { get; set; } = "";
    /// <summary>The URI of the taxonomy.</summary>
    public string? Uri { get; set; }
    /// <summary>The version of the taxonomy.</summary>
    public string? Version { get; set; }
}
