namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>meta_table_description</c> (meta_table_descriptions.csv): Metadata about individual tables.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class MetaTableDescription
{
    /// <summary>The identifier for the metadata description. Each entry must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The name for the metadata description.</summary>
    public string? Name { get; set; }
    /// <summary>The ISO 639-1 or ISO 639-3 code for the language of the metadata description.</summary>
    public string? Language { get; set; }
    /// <summary>The character set of the metadata description.</summary>
    public string? CharacterSet { get; set; }
}
