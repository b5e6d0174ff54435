namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>organization</c> (organizations.csv): The details about each organization delivering services. Each service should be linked to the organization responsible for its delivery. One organization may deliver many services.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class DirectoryOrganization
{
    /// <summary>The identifier for the organization. Each organization must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The official or public name of the organization.</summary>
    public string Name { get; set; } = "";
    /// <summary>An (optional) alternative or commonly used name for the organization.</summary>
    public string? AlternateName { get; set; }
    /// <summary>A free text description containing a brief summary about the organization. It can contain markup such as HTML or Markdown.</summary>
    public string Description { get; set; } = "";
    /// <summary>The contact e-mail address for the organization.</summary>
    public string? Email { get; set; }
    /// <summary>The URL (website address) of the organization.</summary>
    public string? Website { get; set; }
    /// <summary>DEPRECATED: Government assigned tax designation for tax-exempt organizations.</summary>
    public string? TaxStatus { get; set; }
    /// <summary>DEPRECATED: A government issued identifier used for the purpose of tax administration.</summary>
    public string? TaxId { get; set; }
    /// <summary>The year in which the organization was legally formed.</summary>
    public decimal? YearIncorporated { get; set; }
    /// <summary>The legal conditions that an organization is operating under.</summary>
    public string? LegalStatus { get; set; }
    /// <summary>A URL to an image associated with the organization which can be presented alongside its name.</summary>
    public string? Logo { get; set; }
    /// <summary>A persistent identifier to uniquely identify the organization such as those provided by Open Corporates or some other relevant URI provider. This is not for listing the website of the organization: that can be done through the website field of the Organization.</summary>
    public string? Uri { get; set; }
    /// <summary>The identifier of the organization's parent organization.</summary>
    public string? ParentOrganizationId { get; set; }
    /// <summary>The Kith organisation that owns and edits this record (null for imported records nobody has claimed).</summary>
    public Guid? KithOrganisationId { get; set; }
}
