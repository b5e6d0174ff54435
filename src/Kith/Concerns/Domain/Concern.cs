namespace Kith.Concerns.Domain;

/// <summary>
/// One report that someone may need help. Holds the reporter's answers, the server's triage, where it
/// was routed and where the case stands. Narrative and contact details are encrypted at rest and erased
/// by the retention purge; the counts-only facts (day, area, categories, tier, times, outcome) remain.
/// </summary>
internal sealed class Concern
{
    public Guid Id { get; set; }
    /// <summary>Short, non-secret reference staff use among themselves ("C-7K3P9Q"). Not the receipt.</summary>
    public required string Reference { get; set; }
    /// <summary>Keyed hash of the reporter's receipt (the key lives outside the database). Null once purged.</summary>
    public string? ReceiptHash { get; set; }
    /// <summary>When it came in: to the hour for an anonymous concern (an exact time could be matched to who was
    /// where); exact otherwise. The acknowledgement deadline, computed from the exact time, stays exact.</summary>
    public DateTime SubmittedAt { get; set; }
    /// <summary>Order of arrival, numbered by the database on insert (the queue's order within a tier without exact times).</summary>
    public long Arrival { get; set; }
    /// <summary>web, api or staff (filed by a staff member for a caller).</summary>
    public required string Channel { get; set; }
    /// <summary>The staff member who filed it for a caller, if any.</summary>
    public string? FiledBy { get; set; }

    public required string About { get; set; }
    /// <summary>Category codes, space-separated (see <see cref="ConcernAnswers.Categories"/>).</summary>
    public required string Categories { get; set; }
    public required string Urgency { get; set; }
    public string? Narrative { get; set; }
    public required string Language { get; set; }
    /// <summary>The school or other organisation the concern is about, if the reporter chose one.</summary>
    public Guid? OrganisationId { get; set; }
    public Guid? AreaId { get; set; }

    public required string Tier { get; set; }
    /// <summary>Ids of the triage rules that fired, space-separated, so a responder sees why.</summary>
    public required string TriageRules { get; set; }

    /// <summary>False when the reporter chose to give contact details.</summary>
    public bool Anonymous { get; set; } = true;
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    public Guid? TeamId { get; set; }
    /// <summary>The routing rule that chose the team (null: the fallback).</summary>
    public Guid? RoutingRuleId { get; set; }
    public string? AssignedTo { get; set; }
    public required string Status { get; set; }
    public DateTime StatusChangedAt { get; set; }
    /// <summary>Someone must acknowledge by then, or the next step of the escalation chain is paged.</summary>
    public DateTime AcknowledgeBy { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    /// <summary>0 paged the team's on-call; each missed deadline moves one step up the chain.</summary>
    public int EscalationLevel { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? Outcome { get; set; }
    /// <summary>"false" or "abusive" when staff flag the report; counted apart in reporting.</summary>
    public string? Flag { get; set; }
    public DateTime? LastReporterActivityAt { get; set; }
    /// <summary>The reporter wrote and nobody on the team has opened the case since (null: read). Set by a
    /// reporter's message, cleared when a member of the team opens the case.</summary>
    public DateTime? UnreadSince { get; set; }
    public DateTime? PurgedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: two responders (or a node's escalation) acting at once cannot both win.</summary>
    public int Revision { get; set; }

    public IReadOnlyList<string> CategoryCodes => Categories.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    public Tier TierValue => Tiers.Parse(Tier);
}
