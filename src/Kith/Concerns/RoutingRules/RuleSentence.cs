using System.Globalization;
using Kith.Concerns.Domain;
using Microsoft.Extensions.Localization;

namespace Kith.Concerns.RoutingRules;

/// <summary>
/// A rule in words, for people who did not write it: "Spanish concerns about bullying at Riverbend High School →
/// High School counselling team". Built from translated pieces in the reader's language.
/// </summary>
internal static class RuleSentence
{
    public static string Describe(RoutingRule rule, string team, string? organisation, string? area, IStringLocalizer T)
    {
        if (RuleOrder.IsCatchAll(rule)) return T["Every other concern"] + " → " + team;
        var words = new List<string>
        {
            rule.Language switch
            {
                "es" => T["Spanish concerns"],
                "so" => T["Somali concerns"],
                "en" => T["English concerns"],
                _ => T["Concerns"],
            },
        };
        if (rule.Category is { } category)
            words.Add(T["about {0}", Lower(T[ConcernAnswers.Categories.FirstOrDefault(c => c.Code == category).Title ?? category])]);
        if (rule.Tier is { } tier && Tiers.TryParse(tier, out var parsed)) words.Add(T["rated {0}", Lower(T[parsed.Title()])]);
        if (rule.OrganisationId is not null) words.Add(T["at {0}", organisation ?? "?"]);
        if (rule.AreaId is not null) words.Add(T["in {0}", area ?? "?"]);
        return string.Join(' ', words) + " → " + team;
    }

    private static string Lower(string text) =>
        text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];
}

/// <summary>Rules about rule order, in plain C#.</summary>
internal static class RuleOrder
{
    public static bool IsCatchAll(RoutingRule r) =>
        r.OrganisationId is null && r.AreaId is null && r.Category is null && r.Language is null && r.Tier is null;

    /// <summary>True when <paramref name="earlier"/> takes every concern <paramref name="later"/> would: later can never be used.</summary>
    public static bool Covers(RoutingRule earlier, RoutingRule later) =>
        (earlier.OrganisationId is null || earlier.OrganisationId == later.OrganisationId)
        && (earlier.AreaId is null || earlier.AreaId == later.AreaId)
        && (earlier.Category is null || earlier.Category == later.Category)
        && (earlier.Language is null || earlier.Language == later.Language)
        && (earlier.Tier is null || earlier.Tier == later.Tier);
}
