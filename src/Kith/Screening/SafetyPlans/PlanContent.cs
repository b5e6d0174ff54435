namespace Kith.Screening.SafetyPlans;

/// <summary>One line of a plan: what the person wrote, and a number for the sections about people and services.
/// The attributes are for the OpenAPI document; <see cref="PlanRules"/> enforces the same constants.</summary>
public sealed record PlanEntry(
    [property: System.ComponentModel.DataAnnotations.MaxLength(PlanRules.MaxText)] string Text,
    [property: System.ComponentModel.DataAnnotations.MaxLength(PlanRules.MaxPhone)]
    [property: System.ComponentModel.DataAnnotations.RegularExpression(PlanRules.PhonePattern)] string? Phone = null);

/// <summary>What a person wrote in their plan, by section key. This is what is encrypted; nothing else about a plan is.</summary>
public sealed record PlanContent(IReadOnlyDictionary<string, IReadOnlyList<PlanEntry>> Sections)
{
    public static PlanContent Empty { get; } = new(new Dictionary<string, IReadOnlyList<PlanEntry>>());

    public IReadOnlyList<PlanEntry> In(string section) => Sections.GetValueOrDefault(section) ?? [];

    public bool IsEmpty => Sections.Values.All(e => e.Count == 0);
}
