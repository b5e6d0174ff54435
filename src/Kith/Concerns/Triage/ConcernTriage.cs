using Kith.Concerns.Domain;
using Kith.Platform.Safety;

namespace Kith.Concerns.Triage;

/// <summary>
/// Decides how fast someone must act on a concern: the highest tier implied by the fixed answers
/// (<see cref="AnswerRules"/>) and by the free text, read by the platform's one risk-language engine
/// (<see cref="RiskLanguage.ReadNarrative"/>). Conservative by
/// design: text can raise the tier the answers imply but never lower it, a negation cancels only a
/// phrase it clearly governs, and what cannot be read counts for nothing rather than failing.
/// </summary>
/// <remarks>
/// Negation, decided per phrase (see <c>LanguageRules.Negates</c> in Platform/Safety):
/// <list type="bullet">
/// <item>A negation word cancels a phrase when it stands a few words before it ("she is not suicidal")
/// or inside a gap of it (Somali "qori ma haysto"), in the same clause. Punctuation and words like
/// but/and/pero/y/laakiin end a clause, so "he is not at school, he said he will kill himself tonight"
/// stays imminent.</item>
/// <item>"not only / no solo / ma aha keliya", "don't know if / no sé si / ma hubo" and "no longer"
/// do not negate: "not only suicidal but…" counts as suicidal.</item>
/// <item>A negation inside a condition does not cancel: "if he doesn't get help he will kill himself".</item>
/// <item>Double negation is not resolved: "it's not that he doesn't want to die" is treated as negated.
/// Nor are negations after the phrase ("suicidal? no").</item>
/// </list>
/// </remarks>
internal static class ConcernTriage
{
    public static TriageResult Assess(TriageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fired = new Dictionary<string, Tier>(StringComparer.Ordinal);
        foreach (var (rule, tier) in AnswerRules.Fired(input).Concat(Narrative(input)))
            if (!fired.TryGetValue(rule, out var known) || tier > known) fired[rule] = tier;

        var ordered = fired.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        return new TriageResult(ordered.Count == 0 ? Tier.Routine : ordered[0].Value, [.. ordered.Select(f => f.Key)]);
    }

    /// <summary>
    /// A later message from the reporter, read by the same engine and rules as a concern's own text (no answers:
    /// only what the message says). Routine with no rules when nothing fired.
    /// </summary>
    public static TriageResult AssessMessage(string? text, string language) =>
        Assess(new TriageInput(About: "", Categories: [], Urgency: "", text, language));

    private static IEnumerable<(string Rule, Tier Tier)> Narrative(TriageInput input) =>
        RiskLanguage.ReadNarrative(input.Narrative, input.Language)
            .Select(s => (s.Rule, s.Tier == RiskTier.Imminent ? Tier.Imminent : Tier.Urgent));
}
