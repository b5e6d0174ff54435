using Kith.Platform.Localization;

namespace Kith.Platform.Safety;

/// <summary>The phrase books' search terms, matched the way a search box needs (see <see cref="RiskLanguage.ReadQuery"/>).
/// <para>Matching ignores case, accents and spacing ("kill my self", "killmyself") and allows typos
/// (1 in a term of 6–11 letters, 2 in longer ones); a term must start and end on word boundaries. Terms are
/// tried in the books' order, so the first listed wins. An emoji term (one symbol, see <see cref="Narrative.IsSymbol"/>)
/// matches where the query holds that emoji.</para></summary>
internal sealed class SearchTerms(IEnumerable<PhraseBook> books)
{
    private readonly (string Compact, string? Symbol, RiskSignal Signal)[] terms = [.. books.SelectMany(b => b.Terms.Select(t =>
        (CompactFold(t.Text).Text, Narrative.IsSymbol(t.Text) ? t.Text : null, new RiskSignal($"phrase.{b.Language}.{t.Rule}", t.Tier, t.Text))))];

    /// <summary>The signal of the first term the text matched, or null when none did.</summary>
    public RiskSignal? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var (compact, starts, ends) = CompactFold(text);
        // Three rows of the distance table, shared by every term: a query is tried against every term.
        int[][] rows = [new int[compact.Length + 1], new int[compact.Length + 1], new int[compact.Length + 1]];
        foreach (var (term, symbol, signal) in terms)
        {
            if (symbol is not null ? text.Contains(symbol, StringComparison.Ordinal)
                : compact.Length > 0 && term.Length > 0 && Occurs(term, compact, starts, ends, rows)) return signal;
        }
        return null;
    }

    private static int AllowedTypos(int length) => length < 6 ? 0 : length < 12 ? 1 : 2;

    // Approximate substring search (Sellers, with transpositions): a match may start only at a word start and end
    // only at a word end. Row by row over the term's letters, keeping the last three rows; a row whose every
    // cell is past the allowed typos ends the search (rows never get better).
    private static bool Occurs(string phrase, string text, bool[] starts, bool[] ends, int[][] rows)
    {
        var max = AllowedTypos(phrase.Length);
        var n = text.Length;
        var m = phrase.Length;
        const int Far = 1000;
        var (before, previous, current) = (rows[0], rows[1], rows[2]);
        for (var j = 0; j <= n; j++) previous[j] = starts[j] ? 0 : Far;
        for (var i = 1; i <= m; i++)
        {
            current[0] = starts[0] ? i : Far;
            var best = current[0];
            for (var j = 1; j <= n; j++)
            {
                var cost = phrase[i - 1] == text[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && phrase[i - 1] == text[j - 2] && phrase[i - 2] == text[j - 1]) v = Math.Min(v, before[j - 2] + 1);
                current[j] = v;
                best = Math.Min(best, v);
            }
            if (best > max) return false;
            (before, previous, current) = (previous, current, before);
        }
        for (var j = 1; j <= n; j++)
            if (ends[j] && previous[j] <= max) return true;
        return false;
    }

    // The folded letters and digits with spaces removed, and which positions start/end a word.
    private static (string Text, bool[] Starts, bool[] Ends) CompactFold(string text)
    {
        var chars = new List<char>(text.Length);
        var starts = new List<bool>(text.Length + 1);
        var inWord = false;
        foreach (var c in TextFolding.Fold(text))
        {
            if (c == '\'') continue; // "don't" = "dont"
            var letter = char.IsLetterOrDigit(c);
            if (letter)
            {
                starts.Add(!inWord);
                chars.Add(c);
            }
            inWord = letter;
        }
        starts.Add(false);
        var ends = new bool[chars.Count + 1];
        for (var j = 1; j <= chars.Count; j++) ends[j] = j == chars.Count || starts[j];
        return (new string(chars.ToArray()), starts.ToArray(), ends);
    }
}
