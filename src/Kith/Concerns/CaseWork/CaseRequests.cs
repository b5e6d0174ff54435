namespace Kith.Concerns.CaseWork;

// What responders send, from the case page's forms or as JSON under /api/concerns/{id}/…. Revision is the
// concern's revision the sender saw: when given and no longer current, the change is refused (409), so two
// people acting on what they each saw cannot overwrite one another.

internal sealed record AcknowledgeRequest(int? Revision = null);

/// <summary><c>To</c>: a staff member's id, "me", or "nobody" to clear the assignment.</summary>
internal sealed record AssignRequest(string? To, int? Revision = null);

internal sealed record HandOffRequest(Guid? TeamId, string? Reason, int? Revision = null);

/// <summary>An internal note, a reply to the reporter, or a question to the reporter.</summary>
internal sealed record TextRequest(string? Text);

internal sealed record InterventionRequest(string? Type, DateOnly? OccurredOn, string? Notes);

/// <summary>Outcome is required when the new status is a closed one.</summary>
internal sealed record StatusRequest(string? Status, string? Reason, string? Outcome = null, int? Revision = null);

/// <summary>Status: where to reopen to; empty means the first open status the table allows from closed.</summary>
internal sealed record ReopenRequest(string? Reason, string? Status = null, int? Revision = null);

/// <summary>Flag: "false", "abusive", or "none" to clear it.</summary>
internal sealed record FlagRequest(string? Flag, int? Revision = null);

internal enum CaseOutcome { Done, NotFound, Invalid, Refused, Conflict }

/// <summary>
/// What an action came to. Invalid: bad input (400); Refused: not possible in the concern's present state (409);
/// Conflict: someone else changed it first (409). Messages are English, by field, and the translation keys.
/// </summary>
internal sealed record CaseResult(CaseOutcome Outcome, int Revision = 0, string? Status = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public const string ConflictMessage = "Someone else changed this concern; reload";

    public static CaseResult NotFound { get; } = new(CaseOutcome.NotFound);
    public static CaseResult Conflict { get; } = new(CaseOutcome.Conflict, Errors: new Dictionary<string, string[]> { ["revision"] = [ConflictMessage] });
    public static CaseResult Invalid(Dictionary<string, string[]> errors) => new(CaseOutcome.Invalid, Errors: errors);
    public static CaseResult Refused(Dictionary<string, string[]> errors) => new(CaseOutcome.Refused, Errors: errors);

    public string? FirstMessage => Errors?.Values.SelectMany(m => m).FirstOrDefault();
}
