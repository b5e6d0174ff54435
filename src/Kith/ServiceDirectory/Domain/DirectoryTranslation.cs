namespace Kith.ServiceDirectory.Domain;

/// <summary>
/// Kith extension (HSDS 3.0 has no translation object): one text field of a service, organization or schedule in
/// another language. Unique per (link_entity, link_id, field_name, language); exchanged as <c>translations.csv</c> (ADR 29).
/// </summary>
internal sealed class DirectoryTranslation
{
    public string Id { get; set; } = "";
    /// <summary>The HSDS table of the translated record: service, organization or schedule.</summary>
    public string LinkEntity { get; set; } = "";
    public string LinkId { get; set; } = "";
    /// <summary>The HSDS field translated, e.g. description.</summary>
    public string FieldName { get; set; } = "";
    /// <summary>A BCP 47 tag whose language is ISO 639-1 or 639-3, e.g. es, so, es-MX.</summary>
    public string Language { get; set; } = "";
    public string Value { get; set; } = "";
    /// <summary>SHA-256 (hex) of the original text this translates: when the original changes, the translation is stale.</summary>
    public string? SourceHash { get; set; }
}
