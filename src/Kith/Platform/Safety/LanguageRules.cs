
namespace Kith.Platform.Safety;

/// <summary>A <see cref="PhraseBook"/> compiled for reading: phrases indexed, negation decided.</summary>
internal sealed class LanguageRules
{
    private const int ConditionalReach = 3;

    private readonly Dictionary<string, NegationCue> negations;
    private readonly PatternIndex<bool> notNegations;
    private readonly HashSet<string> conditionals;
    private readonly int longestReach;

    public LanguageRules(PhraseBook book)
    {
        Language = book.Language;
        foreach (var phrase in book.Phrases) LexiconSources.Check(phrase.Source, phrase.Pattern);
        foreach (var term in book.Terms) LexiconSources.Check(term.Source, term.Text);
        var compiled = book.Phrases.Select(p => (Pattern: Pattern.Parse(p.Pattern, book.Words), Phrase: p)).ToList();
        Symbols = [.. compiled.SelectMany(c => c.Pattern.Symbols).Distinct()];
        Phrases = new PatternIndex<Fired>(compiled.Select(c => (c.Pattern, new Fired(
            $"phrase.{book.Language}.{c.Phrase.Rule}", c.Phrase.Tier,
            c.Phrase.WithTiming is null ? null : $"phrase.{book.Language}.{c.Phrase.WithTiming}"))));
        negations = book.Negations.ToDictionary(n => n.Word, StringComparer.Ordinal);
        notNegations = new PatternIndex<bool>(book.NotNegations.Select(p => (Pattern.Parse(p, book.Words), true)));
        conditionals = new HashSet<string>(book.Conditionals, StringComparer.Ordinal);
        longestReach = book.Negations.Select(n => n.Reach).DefaultIfEmpty(0).Max();
        Timing = [.. book.Timing.Select(p => Pattern.Parse(p, book.Words))];
    }

    public string Language { get; }
    public PatternIndex<Fired> Phrases { get; }

    /// <summary>The emoji this language's phrases name.</summary>
    public IReadOnlyList<string> Symbols { get; }
    public IReadOnlyList<Pattern> Timing { get; }

    /// <summary>
    /// Whether a negation of this language cancels the phrase matched at [start, end): a negation word
    /// within its reach before the phrase, or in a gap inside it, in the same clause.
    /// </summary>
    public bool Negates(Narrative n, int start, int end, ulong gaps)
    {
        for (var j = start - 1; j >= 0 && start - j <= longestReach && n.Clause(j) == n.Clause(start); j--)
            if (negations.TryGetValue(n[j], out var cue) && start - j <= cue.Reach && IsNegation(n, j, cue, end)) return true;
        for (var k = 0; k < 64 && start + k < end; k++)
            if ((gaps & (1UL << k)) != 0 && negations.TryGetValue(n[start + k], out var cue) && IsNegation(n, start + k, cue, end)) return true;
        return false;
    }

    // Only words before the phrase's end are consulted, so text added later never turns a word into a
    // negation of an earlier phrase (appending text can raise a tier, never lower it).
    private bool IsNegation(Narrative n, int at, NegationCue cue, int end)
    {
        if (cue.ConfirmedByEnding is { } endings)
        {
            var confirmed = false;
            for (var k = at + 1; k <= at + 2 && k < end && n.Clause(k) == n.Clause(at); k++)
                confirmed |= endings.Any(e => n[k].EndsWith(e, StringComparison.Ordinal));
            if (!confirmed) return false;
        }
        if (at + 1 < n.Count && n.Clause(at + 1) == n.Clause(at) && notNegations.AnyAt(n, at + 1)) return false;
        for (var k = at - 1; k >= 0 && at - k <= ConditionalReach && n.Clause(k) == n.Clause(at); k--)
            if (conditionals.Contains(n[k])) return false;
        return true;
    }

    /// <summary>A phrase's rule id and tier, and the id fired instead when timing makes it immediate.</summary>
    internal sealed record Fired(string Rule, RiskTier Tier, string? WithTiming);
}
