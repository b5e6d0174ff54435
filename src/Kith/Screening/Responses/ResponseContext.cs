namespace Kith.Screening.Responses;

/// <summary>
/// Who answered, where and through what. Anonymous unless <see cref="Subject"/> is given. <c>ConcernRaised</c> is the
/// reference of a concern an earlier, unfinished post of the same form already raised: the finished response
/// is linked to it rather than raising a second one. <c>TeamId</c> is the team recording an identified response:
/// it and the team holding the concern raised are who may read it (<see cref="Identified.ScreeningAccess"/>).
/// </summary>
public sealed record ResponseContext(
    string Channel, string Language, Guid? AreaId = null, Guid? OrganisationId = null,
    Guid? CampaignId = null, string? CampaignGroup = null, string? CampaignName = null,
    Subject? Subject = null, string? RecordedBy = null, string? ConcernRaised = null, Guid? TeamId = null)
{
    public bool Identified => Subject is not null;
}

/// <summary>The person an identified response is about, as the recording clinician or system names them.</summary>
public sealed record Subject(string Name, string? Identifier)
{
    /// <summary>
    /// One limit for the form, FHIR and the one write path. The name is the raised concern's contact name, so it
    /// can be no longer than the concern keeps: a longer one was refused there after the answers were in (a 500).
    /// The columns are ciphertext, so the database cannot hold the limit itself; <see cref="RecordResponse"/> does.
    /// </summary>
    public const int MaxName = Kith.Concerns.Contracts.RaisedConcern.MaxContactName;
    /// <summary>An MRN or student number; long enough for any we know of with room to spare.</summary>
    public const int MaxIdentifier = 100;

    public bool Fits => Name.Length <= MaxName && (Identifier?.Length ?? 0) <= MaxIdentifier;
}

/// <summary>How a person who asked to be contacted can be reached; all optional (anonymous people read replies with a receipt).</summary>
public sealed record ContactDetails(string? Name, string? Phone, string? Email);
