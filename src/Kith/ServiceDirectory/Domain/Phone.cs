namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>phone</c> (phones.csv): The details of the telephone numbers used to contact organizations, services, and locations.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class Phone
{
    /// <summary>The identifier for the phone number. Each entry must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the location where this phone number is located.</summary>
    public string? LocationId { get; set; }
    /// <summary>The identifier of the service for which this is the phone number.</summary>
    public string? ServiceId { get; set; }
    /// <summary>The identifier of the organization for which this is the phone number.</summary>
    public string? OrganizationId { get; set; }
    /// <summary>The identifier of the contact for which this is the phone number.</summary>
    public string? ContactId { get; set; }
    /// <summary>The identifier of the ‘service at location’ table entry, when this phone number is specific to a service in a particular location.</summary>
    public string? ServiceAtLocationId { get; set; }
    /// <summary>The phone number.</summary>
    public string Number { get; set; } = "";
    /// <summary>The extension of the phone number.</summary>
    public decimal? Extension { get; set; }
    /// <summary>Indicates the type of phone service, drawing from the RFC6350 list of types (text (for SMS), voice, fax, cell, video, pager, textphone).</summary>
    public string? Type { get; set; }
    /// <summary>A free text description providing extra information about the phone service</summary>
    public string? Description { get; set; }
}
