using Kith.Platform.Safety;

namespace Kith.Lines.Domain;

/// <summary>
/// What one message says about risk, read by the platform's one risk-language engine (as concern triage reads a
/// narrative): the highest tier any phrase fired and the rules, so a responder sees why. Nothing fired: routine.
/// </summary>
internal sealed record LineTriage(string Tier, IReadOnlyList<string> Rules)
{
    public static LineTriage Assess(string? text, string language)
    {
        var signals = RiskLanguage.ReadNarrative(text, language).ToList();
        var tier = signals.Count == 0 ? ConversationTiers.Routine
            : signals.Any(s => s.Tier == RiskTier.Imminent) ? ConversationTiers.Imminent : ConversationTiers.Urgent;
        return new(tier, [.. signals.Select(s => s.Rule).Distinct().Order(StringComparer.Ordinal)]);
    }
}
