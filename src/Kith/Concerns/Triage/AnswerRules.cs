using Kith.Concerns.Domain;

namespace Kith.Concerns.Triage;

/// <summary>
/// The tier each fixed answer implies on its own. Every code in <see cref="ConcernAnswers"/> has an entry
/// (a test checks it), so adding an answer forces a decision here. Unknown codes are ignored: the
/// submission rejects them before triage runs. Who the concern is about does not change the tier.
/// </summary>
internal static class AnswerRules
{
    public static readonly IReadOnlyDictionary<string, Tier> Urgency = new Dictionary<string, Tier>
    {
        ["danger-now"] = Tier.Imminent,
        ["soon"] = Tier.Urgent,
        ["can-wait"] = Tier.Routine,
    };

    public static readonly IReadOnlyDictionary<string, Tier> Categories = new Dictionary<string, Tier>
    {
        ["suicide-self-harm"] = Tier.Urgent,
        ["hurting-others"] = Tier.Urgent,
        ["being-hurt"] = Tier.Urgent,
        ["bullying"] = Tier.Routine,
        ["substances"] = Tier.Routine,
        ["grief"] = Tier.Routine,
        ["eating-sleeping"] = Tier.Routine,
        ["other"] = Tier.Routine,
    };

    public static IEnumerable<(string Rule, Tier Tier)> Fired(TriageInput input)
    {
        if (input.Urgency is { } urgency && Urgency.TryGetValue(urgency, out var tier))
            yield return ($"urgency.{urgency}", tier);
        foreach (var category in input.Categories ?? [])
            if (category is not null && Categories.TryGetValue(category, out var implied))
                yield return ($"category.{category}", implied);
    }
}
