namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>organization_identifier</c> (organization_identifiers.csv): The details of the third party identifiers for organizations, such as: company registration number, charity number, tax registration number.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class OrganizationIdentifier
{
    /// <summary>The identifier for this organization identifier entry. Each entry must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the organization. This should match the uuid of an organization object.</summary>
    public string OrganizationId { get; set; } = "";
    /// <summary>The scheme of the third party identifier, according to http://org-id.guide/.</summary>
    public string? IdentifierScheme { get; set; }
    /// <summary>A human-readable equivalent of the identifier_scheme. This may be used in cases where org-id.guide does not list an appropriate identifier scheme.</summary>
    public string IdentifierType { get; set; } = "";
    /// <summary>The third-party identifier value.</summary>
    public string Identifier { get; set; } = "";
}
