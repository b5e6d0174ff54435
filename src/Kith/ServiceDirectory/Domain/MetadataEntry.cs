namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>metadata</c> (metadata.csv): A record of the changes that have been made to the data in order to maintain provenance information.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class MetadataEntry
{
    /// <summary>The identifier for this metadata. Each entry must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the resource (service, program, location, address, or contact) that this metadata describes.</summary>
    public string ResourceId { get; set; } = "";
    /// <summary>The type of entity being referenced.</summary>
    public string ResourceType { get; set; } = "";
    /// <summary>The date when data was changed.</summary>
    public DateOnly LastActionDate { get; set; }
    /// <summary>The kind of change made to the data.</summary>
    public string LastActionType { get; set; } = "";
    /// <summary>The name of field that has been modified.</summary>
    public string FieldName { get; set; } = "";
    /// <summary>The previous value of the field that has been modified.</summary>
    public string PreviousValue { get; set; } = "";
    /// <summary>The new value of the field that has been modified.</summary>
    public string ReplacementValue { get; set; } = "";
    /// <summary>The name of the person who modified the field.</summary>
    public string UpdatedBy { get; set; } = "";

    /// <summary>
    /// The value Kith writes for the side of a change that had no value (a field set for the first time, or cleared):
    /// HSDS requires both values, and a tabular package reads an empty cell as missing.
    /// </summary>
    public const string NoValue = "(none)";
}
