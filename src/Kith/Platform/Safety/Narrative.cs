using System.Globalization;
using System.Text;

namespace Kith.Platform.Safety;

/// <summary>
/// A narrative as triage reads it: words lower-cased and without diacritics ("Está" → "esta", "ñ" → "n"),
/// apostrophes dropped so "don't", "don’t" and "dont" are one word, each word tagged with its clause.
/// Punctuation and the clause-break words of every language ("but", "pero", "laakiin"…) end a clause and
/// are not words themselves. Emoji the phrase books name ("🔪", "💊") are words of their own; other emoji
/// only separate words. Read once, in one pass; everything after is lookups on these arrays.
/// </summary>
internal sealed class Narrative
{
    private const string ClausePunctuation = ".,;:!?()[]{}\n\r¿¡…—–|•·\"“”«»";
    private const string Apostrophes = "'’‘`´ʼʹ′";

    // "him self" and "her-self" are written for "himself"; the phrase lists then need one spelling.
    private static readonly HashSet<string> SelfOwners = ["him", "her", "them", "my", "your", "their", "our", "one"];

    private readonly List<string> words = [];
    private readonly List<int> clauses = [];

    private Narrative() { }

    public int Count => words.Count;
    public string this[int index] => words[index];
    public int Clause(int index) => clauses[index];

    /// <summary>One emoji as the phrase books write it: one symbol (one or two UTF-16 units), no letter or digit.</summary>
    public static bool IsSymbol(string text) =>
        text.Length is 1 or 2 && text[0] >= 128 && Rune.TryGetRuneAt(text, 0, out var rune) && rune.Utf16SequenceLength == text.Length
        && !Rune.IsLetterOrDigit(rune) && Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol;

    public static Narrative Read(string? text, IReadOnlySet<string> clauseBreaks) => Read(text, clauseBreaks, NoSymbols);

    private static readonly HashSet<string> NoSymbols = [];

    /// <param name="symbols">The emoji kept as words (see <see cref="IsSymbol"/>).</param>
    public static Narrative Read(string? text, IReadOnlySet<string> clauseBreaks, HashSet<string> symbols)
    {
        var symbol = symbols.GetAlternateLookup<ReadOnlySpan<char>>();
        var narrative = new Narrative();
        if (string.IsNullOrEmpty(text)) return narrative;
        var word = new StringBuilder();
        var clause = 0;

        void EndWord()
        {
            if (word.Length == 0) return;
            var w = word.ToString();
            word.Clear();
            if (clauseBreaks.Contains(w)) clause++;
            else narrative.Add(w, clause);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Apostrophes.Contains(c)) continue;
            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
                else EndOf(c);
                continue;
            }
            // A listed emoji is a word; other emoji and astral symbols separate words.
            var units = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (symbols.Count > 0 && symbol.TryGetValue(text.AsSpan(i, units), out var listed))
            {
                EndWord();
                narrative.Add(listed, clause);
                i += units - 1;
                continue;
            }
            if (char.IsSurrogate(c)) { EndWord(); i += units - 1; continue; }
            foreach (var d in Decompose(c))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(d);
                if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
                if (char.IsLetterOrDigit(d)) word.Append(char.ToLowerInvariant(d));
                else EndOf(d);
            }
        }
        EndWord();
        return narrative;

        void EndOf(char separator)
        {
            EndWord();
            if (ClausePunctuation.Contains(separator)) clause++;
        }
    }

    // Compatibility decomposition also folds full-width letters and ligatures to plain ones.
    private static string Decompose(char c)
    {
        try { return c.ToString().Normalize(NormalizationForm.FormKD); }
        catch (ArgumentException) { return " "; } // not valid Unicode on its own: a separator
    }

    private void Add(string word, int clause)
    {
        var last = words.Count - 1;
        if (word is "self" or "selves" && last >= 0 && clauses[last] == clause && SelfOwners.Contains(words[last]))
        {
            words[last] += word;
            return;
        }
        words.Add(word);
        clauses.Add(clause);
    }
}
