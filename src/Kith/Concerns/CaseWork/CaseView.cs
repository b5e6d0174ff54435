namespace Kith.Concerns.CaseWork;

// What a responder sees of one concern (the case page, and GET /api/concerns/{id}). Public because Razor
// component parameters must be; nothing here leaves the module except as the page or the JSON answer.

public sealed record CaseView(
    Guid Id, string Reference, int Revision, DateTime SubmittedAt, string Channel, bool FiledByStaff,
    string About, IReadOnlyList<string> Categories, string Urgency, string? Narrative, string Language,
    string? OrganisationName, string? AreaName, string Tier, IReadOnlyList<string> TriageRules, CaseContact? Contact,
    Guid? TeamId, string? TeamName, string? AssignedTo, string? AssignedName,
    string Status, string StatusKind, DateTime AcknowledgeBy, DateTime? AcknowledgedAt, string? AcknowledgedByName, int EscalationLevel,
    DateTime? ClosedAt, string? Outcome, string? Flag, bool Purged, bool ReadAsAdmin,
    IReadOnlyDictionary<string, string> StatusNames, IReadOnlyList<CaseChoice> NextStatuses,
    IReadOnlyList<CaseChoice> Assignable, IReadOnlyList<CaseChoice> OtherTeams, IReadOnlyList<TimelineEntry> Timeline,
    DateTime? UnreadSince = null)
{
    public string StatusName => StatusNames.GetValueOrDefault(Status, Status);
}

/// <summary>Only present when the reporter chose to give contact details.</summary>
public sealed record CaseContact(string? Name, string? Phone, string? Email);

/// <summary>An option for a form: a status (Kind new|open|waiting|closed), a person or a team.</summary>
public sealed record CaseChoice(string Code, string Name, string? Kind = null);

/// <summary>
/// One thing that happened, oldest first. Kind: status, note (internal), message and question (to the reporter),
/// reporter (from the reporter), intervention, hand-off. ReporterVisible says whether the reporter can read it.
/// </summary>
public sealed record TimelineEntry(
    DateTime At, string Kind, string? ById, string? ByName, bool ReporterVisible, string? Text,
    string? PreviousStatus = null, string? Status = null, string? InterventionType = null, DateOnly? OccurredOn = null,
    string? FromTeam = null, string? ToTeam = null);
