using Kith.Concerns.Domain;

namespace Kith.Concerns.Triage;

/// <summary>
/// The tier and the rules that decided it, so a responder can see why: distinct ids such as
/// "urgency.danger-now", "category.suicide-self-harm" or "phrase.es.plan-or-means", the most serious
/// tier first and by id within a tier. Negated phrases do not appear.
/// </summary>
internal sealed record TriageResult(Tier Tier, IReadOnlyList<string> RulesFired);
