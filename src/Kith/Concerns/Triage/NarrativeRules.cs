using Kith.Concerns.Domain;

namespace Kith.Concerns.Triage;

/// <summary>
/// The rules the free text fires. The text is read once and matched against every language's phrases,
/// whatever language the form was in: people mix languages. A phrase is cancelled by a negation of its
/// own language or of the form's language ("nunca said he wants to die" on the Spanish form), not by
/// the other languages' negations: a stray "ma" or "no" must not silence an English phrase. When in
/// doubt the text counts; it can only add to what the answers decided.
/// </summary>
internal static class NarrativeRules
{
    // How far a timing word may stand before a phrase ("tonight he will…") and after it ("…himself tonight").
    private const int TimingBefore = 3;
    private const int TimingAfter = 6;

    private static readonly LanguageRules[] Languages =
        [new(EnglishPhrases.Book), new(SpanishPhrases.Book), new(SomaliPhrases.Book)];

    private static readonly HashSet<string> ClauseBreaks = new(
        new[] { EnglishPhrases.Book, SpanishPhrases.Book, SomaliPhrases.Book }.SelectMany(b => b.ClauseBreaks), StringComparer.Ordinal);

    private static readonly PatternIndex<bool> Timing = new(Languages.SelectMany(l => l.Timing).Select(p => (p, true)));

    public static IEnumerable<(string Rule, Tier Tier)> Fired(string? text, string? language)
    {
        var narrative = Narrative.Read(text, ClauseBreaks);
        if (narrative.Count == 0) yield break;
        var timing = new bool[narrative.Count];
        for (var i = 0; i < narrative.Count; i++) timing[i] = Timing.AnyAt(narrative, i);
        var code = language?.Split('-')[0].Trim().ToLowerInvariant();
        var formLanguage = Languages.FirstOrDefault(l => l.Language == code);

        foreach (var rules in Languages)
            for (var start = 0; start < narrative.Count; start++)
                foreach (var (fired, end, gaps) in rules.Phrases.MatchesAt(narrative, start))
                {
                    if (rules.Negates(narrative, start, end, gaps)) continue;
                    if (formLanguage is not null && formLanguage != rules && formLanguage.Negates(narrative, start, end, gaps)) continue;
                    yield return fired.WithTiming is { } timed && HasTiming(narrative, timing, start, end)
                        ? (timed, Tier.Imminent)
                        : (fired.Rule, fired.Tier);
                }
    }

    private static bool HasTiming(Narrative narrative, bool[] timing, int start, int end)
    {
        var clause = narrative.Clause(start);
        for (var i = Math.Max(0, start - TimingBefore); i < Math.Min(narrative.Count, end + TimingAfter); i++)
            if (timing[i] && narrative.Clause(i) == clause) return true;
        return false;
    }
}
