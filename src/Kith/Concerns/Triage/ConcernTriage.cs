using Kith.Concerns.Domain;

namespace Kith.Concerns.Triage;

// Provisional: answers-only triage until the phrase rules land (same API).
internal sealed record TriageInput(string About, IReadOnlyCollection<string> Categories, string Urgency, string? Narrative, string Language);

internal sealed record TriageResult(Tier Tier, IReadOnlyList<string> RulesFired);

internal static class ConcernTriage
{
    public static TriageResult Assess(TriageInput input)
    {
        if (input.Urgency == "danger-now") return new(Tier.Imminent, ["urgency.danger-now"]);
        var serious = input.Categories.Where(c => c is "suicide-self-harm" or "hurting-others" or "being-hurt").Select(c => "category." + c).ToList();
        if (serious.Count > 0) return new(Tier.Urgent, serious);
        return input.Urgency == "soon" ? new(Tier.Urgent, ["urgency.soon"]) : new(Tier.Routine, []);
    }
}
