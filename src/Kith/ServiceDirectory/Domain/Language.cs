namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>language</c> (languages.csv): The languages that are spoken at locations or services. This does not include languages which can only be used with interpretation.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class Language
{
    /// <summary>The identifier for the language. Each entry must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the service for which the entry describes the languages in which services are delivered.</summary>
    public string? ServiceId { get; set; }
    /// <summary>The identifier of the location for which the entry describes the languages in which services are delivered.</summary>
    public string? LocationId { get; set; }
    /// <summary>The identifier of the phone for which the entry describes the languages in which services delivered.</summary>
    public string? PhoneId { get; set; }
    /// <summary>The name of the language in which the service is delivered.</summary>
    public string? Name { get; set; }
    /// <summary>The ISO 639-1 or ISO 639-3 code for the language.</summary>
    public string? Code { get; set; }
    /// <summary>A free text description of any additional context or services provided for this language.</summary>
    public string? Note { get; set; }
}
