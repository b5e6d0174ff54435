namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>required_document</c> (required_documents.csv): The details of any documents that are required in order to access or use services.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class RequiredDocument
{
    /// <summary>The identifier for the document. Each document must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the service for which this entry describes the required document.</summary>
    public string? ServiceId { get; set; }
    /// <summary>A free text description of the document required to apply for or receive the service.</summary>
    public string? Document { get; set; }
    /// <summary>A web link to the document.</summary>
    public string? Uri { get; set; }
}
