namespace Kith.Screening.Responses;

/// <summary>Who answered, where and through what. Anonymous unless <see cref="Subject"/> is given.</summary>
public sealed record ResponseContext(
    string Channel, string Language, Guid? AreaId = null, Guid? OrganisationId = null,
    Guid? CampaignId = null, string? CampaignGroup = null, string? CampaignName = null,
    Subject? Subject = null, string? RecordedBy = null)
{
    public bool Identified => Subject is not null;
}

/// <summary>The person an identified response is about, as the recording clinician or system names them.</summary>
public sealed record Subject(string Name, string? Identifier);

/// <summary>How a person who asked to be contacted can be reached; all optional (anonymous people read replies with a receipt).</summary>
public sealed record ContactDetails(string? Name, string? Phone, string? Email);
