namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>attribute</c> (attributes.csv): A link between a service and one or more classifications that describe the nature of the service provided.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class HsdsAttribute
{
    /// <summary>The identifier of the attribute entry. Each attribute entry should have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the entity to which this taxonomy term applies.</summary>
    public string LinkId { get; set; } = "";
    /// <summary>The identifier of this taxonomy term from the taxonomy table.</summary>
    public string TaxonomyTermId { get; set; } = "";
    /// <summary>A code taken from an enumerated open codelist to indicate what the taxonomy term describes, e.g. the service eligibility or intended audience.</summary>
    public string? LinkType { get; set; }
    /// <summary>The table of the Link Identifier.</summary>
    public string LinkEntity { get; set; } = "";
    /// <summary>The value (if any) of an attribute.</summary>
    public string? Value { get; set; }
}
