namespace Kith.ServiceDirectory.Search;

/// <summary>Typo tolerance rules: Damerau-Levenshtein (optimal string alignment) distance with a cut-off.</summary>
internal static class TypoDistance
{
    /// <summary>How many typos a word of this length may carry: none below 4 letters (too many short words
    /// are one edit apart), 1 for 4–7, 2 for 8 and longer.</summary>
    public static int Allowed(int length) => length < 4 ? 0 : length < 8 ? 1 : 2;

    /// <summary>The allowance for a query word. A short word the directory already knows is meant as typed: no typo
    /// ("food" is not "flood"). A longer known word, or any word under 6 letters, gets one typo and no substitution —
    /// a changed letter makes another real word ("food" → "good", "rent" → "rest", "care" → "core"), while a dropped,
    /// doubled or swapped letter ("shleter", "depresion", "counseling") is how people mistype.</summary>
    public static (int Max, bool Substitutions) Rule(string word, bool known) =>
        known && word.Length < 6 ? (0, false)
        : known || word.Length < 6 ? (Math.Min(1, Allowed(word.Length)), false)
        : (Allowed(word.Length), true);

    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, or <paramref name="max"/> + 1 when it exceeds <paramref name="max"/>.
    /// Without <paramref name="substitutions"/> a changed letter costs two edits (a deletion and an insertion).</summary>
    public static int Within(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max, bool substitutions = true)
    {
        var change = substitutions ? 1 : 2;
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length > 64 || b.Length > 64) return a.SequenceEqual(b) ? 0 : max + 1;
        var w = b.Length + 1;
        Span<int> rows = stackalloc int[3 * w];
        var prev2 = rows[..w];
        var prev = rows.Slice(w, w);
        var current = rows.Slice(2 * w, w);
        for (var j = 0; j < w; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j < w; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : change;
                var d = Math.Min(Math.Min(prev[j] + 1, current[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, prev2[j - 2] + 1);
                current[j] = d;
                if (d < rowMin) rowMin = d;
            }
            if (rowMin > max) return max + 1;
            var t = prev2; prev2 = prev; prev = current; current = t;
        }
        return Math.Min(prev[b.Length], max + 1);
    }
}
