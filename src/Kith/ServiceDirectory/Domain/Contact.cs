namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>contact</c> (contacts.csv): The details of the named contacts for services and organizations.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class Contact
{
    /// <summary>The identifier for the contact. Each contact must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the organization for which this is a contact.</summary>
    public string? OrganizationId { get; set; }
    /// <summary>The identifier of the service for which this is a contact.</summary>
    public string? ServiceId { get; set; }
    /// <summary>The identifier of the ‘service at location’ entry, when this contact is specific to a service in a particular location.</summary>
    public string? ServiceAtLocationId { get; set; }
    /// <summary>The identifier for the location of the contact.</summary>
    public string? LocationId { get; set; }
    /// <summary>The name of the contact.</summary>
    public string? Name { get; set; }
    /// <summary>The job title of the contact.</summary>
    public string? Title { get; set; }
    /// <summary>The department that the contact is a part of.</summary>
    public string? Department { get; set; }
    /// <summary>The email address of the contact.</summary>
    public string? Email { get; set; }
}
