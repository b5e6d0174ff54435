namespace Kith.Concerns.Triage;

/// <summary>
/// What triage reads: the form's fixed answers (codes from <see cref="Domain.ConcernAnswers"/>), the free
/// text and the language the form was filled in ("en", "es", "so"). There is deliberately no score from
/// the browser: the tier is decided here and nowhere else.
/// </summary>
internal sealed record TriageInput(
    string About,
    IReadOnlyCollection<string> Categories,
    string Urgency,
    string? Narrative,
    string Language);
