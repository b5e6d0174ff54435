namespace Kith.Platform.Safety;

/// <summary>
/// The one place Kith reads risk in people's words, for every module: concern triage reads a written
/// account (<see cref="ReadNarrative"/>), the directory a search query (<see cref="ReadQuery"/>), and
/// text lines and referrals will do the same. The phrase books (<see cref="EnglishPhrases"/>,
/// <see cref="SpanishPhrases"/>, <see cref="SomaliPhrases"/>) are the only tables; a language is added
/// by adding a book here. See README.md in this folder for the notation and the negation rules.
/// </summary>
internal static class RiskLanguage
{
    // How far a timing word may stand before a phrase ("tonight he will…") and after it ("…himself tonight").
    private const int TimingBefore = 3;
    private const int TimingAfter = 6;

    public static IReadOnlyList<PhraseBook> Books { get; } = [EnglishPhrases.Book, SpanishPhrases.Book, SomaliPhrases.Book];

    private static readonly LanguageRules[] Languages = [.. Books.Select(b => new LanguageRules(b))];

    private static readonly HashSet<string> ClauseBreaks = new(Books.SelectMany(b => b.ClauseBreaks), StringComparer.Ordinal);

    // The emoji some phrase names: the narrative keeps them as words (ADR 0027).
    private static readonly HashSet<string> Symbols = new(Languages.SelectMany(l => l.Symbols), StringComparer.Ordinal);

    private static readonly PatternIndex<bool> Timing = new(Languages.SelectMany(l => l.Timing).Select(p => (p, true)));

    private static readonly SearchTerms Terms = new(Books);

    /// <summary>
    /// Every phrase a written account fires, once per match (the caller keeps the highest tier per rule).
    /// The text is matched against every language's phrases, whatever language the form was in: people mix
    /// languages. A phrase is cancelled by a negation of its own language or of the form's language
    /// ("nunca said he wants to die" on the Spanish form), not by the other languages' negations: a stray
    /// "ma" or "no" must not silence an English phrase. An urgent phrase with a timing word near it fires
    /// its imminent rule instead. When in doubt the text counts.
    /// </summary>
    public static IEnumerable<RiskSignal> ReadNarrative(string? text, string? formLanguage)
    {
        var narrative = Narrative.Read(text, ClauseBreaks, Symbols);
        if (narrative.Count == 0) yield break;
        var timing = new bool[narrative.Count];
        for (var i = 0; i < narrative.Count; i++) timing[i] = Timing.AnyAt(narrative, i);
        var code = formLanguage?.Split('-')[0].Trim().ToLowerInvariant();
        var form = Languages.FirstOrDefault(l => l.Language == code);

        foreach (var rules in Languages)
            for (var start = 0; start < narrative.Count; start++)
                foreach (var (fired, end, gaps) in rules.Phrases.MatchesAt(narrative, start))
                {
                    if (rules.Negates(narrative, start, end, gaps)) continue;
                    if (form is not null && form != rules && form.Negates(narrative, start, end, gaps)) continue;
                    yield return fired.WithTiming is { } timed && HasTiming(narrative, timing, start, end)
                        ? new RiskSignal(timed, RiskTier.Imminent)
                        : new RiskSignal(fired.Rule, fired.Tier);
                }
    }

    /// <summary>
    /// The first search term a query matches, or null. Errs on the side of firing: no negation, typos
    /// allowed, because pinning crisis lines for "suicide prevention training" costs nothing and missing
    /// "i wnat to dye" could cost a life.
    /// </summary>
    public static RiskSignal? ReadQuery(string? text) => Terms.Detect(text);

    private static bool HasTiming(Narrative narrative, bool[] timing, int start, int end)
    {
        var clause = narrative.Clause(start);
        for (var i = Math.Max(0, start - TimingBefore); i < Math.Min(narrative.Count, end + TimingAfter); i++)
            if (timing[i] && narrative.Clause(i) == clause) return true;
        return false;
    }
}
