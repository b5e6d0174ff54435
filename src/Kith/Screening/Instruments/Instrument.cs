using System.Text.Json.Serialization;

namespace Kith.Screening.Instruments;

/// <summary>
/// A validated questionnaire, defined as data (one JSON file per instrument under <c>Library/</c>, one format
/// for all). Everything that decides a score — answer weights, reversed items, skip logic, the scoring rule,
/// band edges, positive-screen flags and critical items — lives in the file, next to the source it came from.
/// The model types are public only because Razor components (always public) take them as parameters.
/// </summary>
public sealed class Instrument
{
    /// <summary>Stable id used in URLs, FHIR and stored responses ("phq-9").</summary>
    public required string Id { get; init; }
    /// <summary>The short name clinicians use ("PHQ-9").</summary>
    public required string Name { get; init; }
    public required LocalText Title { get; init; }
    /// <summary>What it measures, in plain words, for the self-check list.</summary>
    public required LocalText Purpose { get; init; }
    /// <summary>The question stem shown above the items ("Over the last 2 weeks…").</summary>
    public LocalText? Stem { get; init; }
    /// <summary>Who it is meant for ("adults", "adolescents 11–17").</summary>
    public required string Audience { get; init; }
    /// <summary>The look-back period in the authors' words ("past 2 weeks").</summary>
    public required string Period { get; init; }
    /// <summary>Version of this definition; bump it when anything that changes a score changes.</summary>
    public required string Version { get; init; }
    /// <summary>LOINC code of the panel, where one exists.</summary>
    public string? Loinc { get; init; }
    /// <summary>Where the scoring rule, bands and flags come from (the authors' manual or paper).</summary>
    public required string ScoringSource { get; init; }
    public string? Copyright { get; init; }
    /// <summary>Per language: whether the text is a validated translation, and where it comes from.</summary>
    public required Dictionary<string, Translation> Translations { get; init; }
    /// <summary>Named answer lists shared by several items.</summary>
    public required Dictionary<string, List<AnswerOption>> AnswerSets { get; init; }
    public required List<Item> Items { get; init; }
    /// <summary>The scores to compute; the first is the primary score that bands and flags read by default.</summary>
    public required List<ScoreRule> Scores { get; init; }
    /// <summary>Severity bands on the primary score, in ascending order; each runs from its <c>From</c> to the next band's.</summary>
    public required List<Band> Bands { get; init; }
    /// <summary>Where the band edges come from when that differs from the scoring source (or when they are not the authors').</summary>
    public string? BandSource { get; init; }
    public List<Flag> Flags { get; init; } = [];
    /// <summary>Directory needs to suggest as next steps (KithVocabulary need codes: "counselling", "youth", "wellbeing").</summary>
    public List<string> Needs { get; init; } = ["counselling"];
    /// <summary>Answers that must never be only a number on a chart: they show crisis options, and some put a person on it.</summary>
    public List<CriticalRule> Critical { get; init; } = [];

    [JsonIgnore] public ScoreRule Primary => Scores[0];
    public Item? ItemById(string id) => Items.FirstOrDefault(i => i.Id == id);
    public IReadOnlyList<AnswerOption> OptionsOf(Item item) => AnswerSets[item.Answers];
}

/// <summary>One question. <see cref="Answers"/> names an entry of <see cref="Instrument.AnswerSets"/>.</summary>
public sealed class Item
{
    /// <summary>Stable id: the item's number as the authors print it ("1", "9", "6b").</summary>
    public required string Id { get; init; }
    public required LocalText Text { get; init; }
    public string? Loinc { get; init; }
    public required string Answers { get; init; }
    /// <summary>Counted by the scoring rules (false for, e.g., PHQ-9's difficulty question).</summary>
    public bool Scored { get; init; } = true;
    /// <summary>A response is incomplete without it (when it is enabled).</summary>
    public bool Required { get; init; } = true;
    /// <summary>Scored from the other end: weight becomes (lowest + highest − weight).</summary>
    public bool Reversed { get; init; }
    /// <summary>Skip logic: the item is asked only when every condition holds.</summary>
    public List<EnableWhen> EnableWhen { get; init; } = [];
    /// <summary>The weight a skipped item counts for, where the authors say so (K10: 1); otherwise it is left out.</summary>
    public int? WeightWhenSkipped { get; init; }
    /// <summary>A line of help shown under the item (C-SSRS's "e.g. …"), optional.</summary>
    public LocalText? Hint { get; init; }
}

/// <summary>Skip logic in FHIR's terms: the answer to <see cref="Item"/> is (or is not) <see cref="Answer"/>.</summary>
public sealed record EnableWhen(string Item, string Answer, bool Not = false);

public sealed class AnswerOption
{
    /// <summary>Stable code stored and sent over the API ("0", "yes").</summary>
    public required string Code { get; init; }
    public required LocalText Text { get; init; }
    /// <summary>The authors' weight (FHIR <c>ordinalValue</c>/<c>itemWeight</c>).</summary>
    public required int Weight { get; init; }
    /// <summary>LOINC answer code (LA…), where one exists.</summary>
    public string? Loinc { get; init; }
}

public enum ScoreMethod
{
    /// <summary>Sum of the weights of the scored items.</summary>
    Sum,
    /// <summary>Mean of the weights, rounded to <see cref="ScoreRule.Decimals"/> places.</summary>
    Mean,
    /// <summary>The highest weight among endorsed items (C-SSRS risk: never a sum).</summary>
    Highest,
}

public sealed class ScoreRule
{
    public required string Id { get; init; }
    public required LocalText Title { get; init; }
    public required ScoreMethod Method { get; init; }
    /// <summary>Items counted; empty means every scored item.</summary>
    public List<string> Items { get; init; } = [];
    /// <summary>Applied after the method (WHO-5 percentage: ×4).</summary>
    public int Multiplier { get; init; } = 1;
    public int Decimals { get; init; }
    public required decimal Min { get; init; }
    public required decimal Max { get; init; }
    /// <summary>LOINC code of this score, where one exists (PHQ-9 total: 44261-6).</summary>
    public string? Loinc { get; init; }
    /// <summary>The rule in words, as a clinician would check it ("sum of items 1–9, 0–27").</summary>
    public required string Description { get; init; }
}

public sealed class Band
{
    public required string Code { get; init; }
    public required LocalText Title { get; init; }
    /// <summary>Lowest primary score in this band (inclusive).</summary>
    public required decimal From { get; init; }
    /// <summary>What it means for the person, in plain words.</summary>
    public required LocalText Meaning { get; init; }
}

/// <summary>A value to test: an item's weight or a score, against an inclusive range.</summary>
public sealed record Condition(string? Item = null, string? Score = null, decimal? Min = null, decimal? Max = null);

/// <summary>A positive screen or other named finding ("positive for depression: score ≥ 10").</summary>
public sealed class Flag
{
    public required string Code { get; init; }
    public required LocalText Title { get; init; }
    public required Condition When { get; init; }
    public required string Source { get; init; }
}

/// <summary>What a critical answer calls for.</summary>
public enum SafetyAction
{
    /// <summary>Show crisis options at once.</summary>
    CrisisOptions,
    /// <summary>Crisis options, and a concern a person must acknowledge within the urgent deadline.</summary>
    Urgent,
    /// <summary>Crisis options, and a concern at the imminent deadline.</summary>
    Imminent,
}

public sealed class CriticalRule
{
    public required string Code { get; init; }
    public required LocalText Title { get; init; }
    public required Condition When { get; init; }
    public required SafetyAction Action { get; init; }
    public required string Source { get; init; }
}

public sealed class Translation
{
    /// <summary>True only for a published, validated translation whose wording we reproduce exactly.</summary>
    public required bool Validated { get; init; }
    public required string Source { get; init; }
}

/// <summary>Text by language code ("en", "es", "so"); English is required and is the fallback.</summary>
public sealed class LocalText : Dictionary<string, string>
{
    public LocalText() : base(StringComparer.OrdinalIgnoreCase) { }
    public string In(string? language) => language is not null && TryGetValue(language, out var text) && text.Length > 0 ? text : this["en"];
    public bool Has(string language) => TryGetValue(language, out var text) && text.Length > 0;
}
