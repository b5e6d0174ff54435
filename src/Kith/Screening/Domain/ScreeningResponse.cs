namespace Kith.Screening.Domain;

/// <summary>How a response reached Kith.</summary>
internal static class ResponseChannels
{
    /// <summary>Someone took a self-check on the public site (anonymous).</summary>
    public const string SelfCheck = "self-check";
    /// <summary>A participant in a campaign (anonymous).</summary>
    public const string Campaign = "campaign";
    /// <summary>A clinician or counsellor recorded it for a named person (identified).</summary>
    public const string Staff = "staff";
    /// <summary>A partner system posted a FHIR QuestionnaireResponse for a named person (identified).</summary>
    public const string Fhir = "fhir";
}

/// <summary>
/// One scored response. Anonymous responses (self-checks, campaigns) keep only what aggregates need —
/// instrument, day, place or campaign group, score, band and flags — and never the answers. Identified
/// responses, recorded by staff or sent by a partner system for a named person, also keep the answers and
/// who the person is, encrypted at rest, and every read of them is audited.
/// </summary>
internal sealed class ScreeningResponse
{
    public Guid Id { get; set; }
    public required string InstrumentId { get; set; }
    /// <summary>The definition's version that scored it, so a later change to a definition never rewrites history.</summary>
    public required string InstrumentVersion { get; set; }
    public required string Language { get; set; }
    public DateTime SubmittedAt { get; set; }
    public required string Channel { get; set; }
    public Guid? CampaignId { get; set; }
    /// <summary>The campaign group the participant chose ("grade-9", "night shift"), never anything narrower.</summary>
    public string? CampaignGroup { get; set; }
    public Guid? AreaId { get; set; }
    public Guid? OrganisationId { get; set; }

    /// <summary>The primary score (only complete responses are stored).</summary>
    public decimal Score { get; set; }
    /// <summary>Every score by id, invariant culture ("raw=12 percentage=48").</summary>
    public required string Scores { get; set; }
    public required string Band { get; set; }
    /// <summary>Flag codes, space-separated.</summary>
    public required string Flags { get; set; }
    /// <summary>The strongest safety action its critical answers called for (crisisOptions, urgent, imminent), if any.</summary>
    public string? Safety { get; set; }
    /// <summary>The concern filed for follow-up, if any (its staff reference, not the receipt).</summary>
    public string? ConcernReference { get; set; }

    public bool Identified { get; set; }
    /// <summary>Identified only: the person's name and an identifier from the recording system (encrypted).</summary>
    public string? SubjectName { get; set; }
    public string? SubjectIdentifier { get; set; }
    /// <summary>Identified only: the answers as "item=code" lines (encrypted).</summary>
    public string? Answers { get; set; }
    /// <summary>The staff member who recorded it, or the partner system ("fhir:{client}").</summary>
    public string? RecordedBy { get; set; }
    /// <summary>
    /// Identified only: the team that recorded it, who may read it (with the team holding its concern, and
    /// administrators). None: administrators only — rows from before teams were recorded, or an administrator's.
    /// </summary>
    public Guid? TeamId { get; set; }
}
