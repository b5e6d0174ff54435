namespace Kith.Referrals.Domain;

/// <summary>
/// A person referred by one partner organisation to a service of another, with their consent and only what they
/// agreed to share. The person's words (name, contact, what they need, reasons) are encrypted at rest; the status
/// is a FHIR Task status code (<see cref="ReferralStatusCodes"/>), changed only through <see cref="ReferralTransitions"/>.
/// </summary>
internal sealed class Referral
{
    public Guid Id { get; set; }
    /// <summary>A short reference both sides can say on the phone ("R-7K3Q"), never the person's name.</summary>
    public required string Reference { get; set; }
    public Guid RequesterOrganisationId { get; set; }
    public required string RequestedBy { get; set; }
    public Guid ReceiverOrganisationId { get; set; }
    /// <summary>The directory service the person is referred to (its HSDS id).</summary>
    public required string ServiceId { get; set; }
    public required string Status { get; set; }
    public string? StatusReason { get; set; }
    public string? Outcome { get; set; }

    // What the person agreed to share: a first name or nickname always, the rest only if they said yes.
    public required string PersonName { get; set; }
    public required string ContactPreference { get; set; }
    public string? Contact { get; set; }
    public string? Need { get; set; }
    public string? Language { get; set; }
    /// <summary>The risk tier of the conversation or concern it came from, shared only with consent.</summary>
    public string? RiskTier { get; set; }

    public required string ConsentHow { get; set; }
    public DateTime ConsentAt { get; set; }
    /// <summary>Where the referral came from (<c>conversation</c>, <c>concern</c>, <c>screening</c>), so the sender finds it again.</summary>
    public string? SourceKind { get; set; }
    public Guid? SourceId { get; set; }

    public DateTime CreatedAt { get; set; }
    /// <summary>When the receiver must have accepted or rejected it (<see cref="ResponseDeadline"/>).</summary>
    public DateTime RespondBy { get; set; }
    public DateTime? RespondedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>How far the unanswered referral has escalated: 0 none, 1 reminded, 2 the intake team's chain paged.</summary>
    public int EscalationLevel { get; set; }
    /// <summary>When the step reached next escalates again if still unanswered (Responders' allowance for that step).</summary>
    public DateTime? EscalateAgainAt { get; set; }
    public int Revision { get; set; }

    public ReferralStatus State => ReferralStatusCodes.TryParse(Status, out var s) ? s : ReferralStatus.EnteredInError;
}

/// <summary>One step in a referral's history: who took it for which side, when, and why. The history is the audit trail both sides read.</summary>
internal sealed class ReferralStep
{
    public Guid Id { get; set; }
    public Guid ReferralId { get; set; }
    /// <summary>None for the first step (the referral sent).</summary>
    public string? FromStatus { get; set; }
    public required string ToStatus { get; set; }
    public required string Party { get; set; }
    public required string ByUserId { get; set; }
    public string? Reason { get; set; }
    public string? Outcome { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// An organisation that takes referrals names the Responders team that answers them: it is paged about each new
/// referral and when one waits past its deadline. Without one, the organisation receives no referrals.
/// </summary>
internal sealed class ReferralIntake
{
    public Guid OrganisationId { get; set; }
    public Guid TeamId { get; set; }
    /// <summary>Business days to accept or reject (default two, as 211 networks expect).</summary>
    public int ResponseBusinessDays { get; set; } = ResponseDeadline.DefaultBusinessDays;
    public DateTime UpdatedAt { get; set; }
}
