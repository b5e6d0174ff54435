namespace Kith.ServiceDirectory.Indexing;

/// <summary>A way to reach a service from a result: call, text, or fax, with what the number is for.</summary>
internal sealed record CardPhone(string Number, string Type, string? Description);

/// <summary>
/// What a search result shows without another trip to the database: the public face of a service. Built
/// with the index, so it never carries a confidential location's address (only its area).
/// </summary>
internal sealed record ServiceCard(
    string ServiceId, string Name, string? OrganizationName, string? Summary, string? Url, string? Email,
    IReadOnlyList<CardPhone> Phones, IReadOnlyList<string> PublicAddresses, IReadOnlyList<string> AreaNames,
    string? FeesDescription, string? Alert, IReadOnlyList<string> NeedCodes)
{
    /// <summary>The Kith organisation that runs the service, if any (for next steps that fit: a workplace's own programme).</summary>
    public Guid? KithOrganisationId { get; init; }
}
