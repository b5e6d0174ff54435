
namespace Kith.Platform.Safety;

/// <summary>
/// One language's phrase list, as data a reviewer can read: the phrases with the rule each fires, the
/// negation cues that cancel them, and the words that shape where a negation reaches.
/// </summary>
/// <param name="Words">Named word lists used in patterns as {name}.</param>
/// <param name="Phrases">The risk phrases (see <see cref="Pattern"/> for the notation).</param>
/// <param name="Negations">Words that cancel a phrase they stand shortly before, in the same clause.</param>
/// <param name="NotNegations">Patterns that, right after a negation word, mean it negates nothing
/// ("not only", "no sé si", "ma hubo").</param>
/// <param name="Conditionals">A negation right after these is part of a condition, not a denial
/// ("if he doesn't get help he will kill himself").</param>
/// <param name="ClauseBreaks">Words that end a clause, like punctuation.</param>
/// <param name="Timing">Words that make a threat or an intention immediate ("tonight", "ahora", "caawa").</param>
/// <param name="Terms">Short forms a search box gets ("want to die"), read by <see cref="SearchTerms"/>:
/// typo-tolerant and without negation, because a query is a few words typed in a hurry.</param>
internal sealed record PhraseBook(
    string Language,
    IReadOnlyDictionary<string, string> Words,
    IReadOnlyList<Phrase> Phrases,
    IReadOnlyList<NegationCue> Negations,
    IReadOnlyList<string> NotNegations,
    IReadOnlyList<string> Conditionals,
    IReadOnlyList<string> ClauseBreaks,
    IReadOnlyList<string> Timing,
    IReadOnlyList<Term> Terms);

/// <summary>
/// A phrase and what it means. <paramref name="WithTiming"/>, when set, is the rule fired instead (at
/// <see cref="RiskTier.Imminent"/>) when a timing word stands near the phrase in the same clause.
/// <paramref name="Source"/>: where the words come from, a key of <see cref="LexiconSources"/> (ADR 0027).
/// </summary>
internal sealed record Phrase(string Pattern, string Rule, RiskTier Tier, string Source, string? WithTiming = null)
{
    public static Phrase[] Imminent(string rule, string source, params string[] patterns) =>
        [.. patterns.Select(p => new Phrase(p, rule, RiskTier.Imminent, source))];

    public static Phrase[] Urgent(string rule, string withTiming, string source, params string[] patterns) =>
        [.. patterns.Select(p => new Phrase(p, rule, RiskTier.Urgent, source, withTiming))];
}

/// <summary>
/// A negation word. <paramref name="Reach"/>: how many words before a phrase it may stand.
/// <paramref name="ConfirmedByEnding"/>, when set: it only negates when one of the next two words ends
/// so (Somali "ma" negates with "-o"/"-in" verb forms, "ma rabo", but asks a question with others,
/// "ma rabaa?").
/// </summary>
internal sealed record NegationCue(string Word, int Reach = 4, string[]? ConfirmedByEnding = null);

/// <summary>
/// A search term (plain words, as <see cref="Narrative"/> reads them, or one emoji) and the rule it fires;
/// <paramref name="Source"/> as for <see cref="Phrase"/>.
/// </summary>
internal sealed record Term(string Text, string Rule, RiskTier Tier, string Source)
{
    public static Term[] Urgent(string rule, string source, params string[] texts) => [.. texts.Select(t => new Term(t, rule, RiskTier.Urgent, source))];
}
