using System.Globalization;
using System.Text;

namespace Kith.Platform.Localization;

/// <summary>Lower-cases and strips diacritics (é→e, ñ→n) so "Consejería" and "consejeria" are one word:
/// people typing on a phone in distress rarely type accents, and many keyboards cannot.</summary>
internal static class TextFolding
{
    // Per-char fold table, filled lazily: '\uFFFF' = not computed yet. A racing double computation is harmless.
    private static readonly char[] Single = CreateTable();
    private const char Unknown = '\uFFFF';
    private const char Expand = '\uFFFE';

    private static char[] CreateTable()
    {
        var table = new char[char.MaxValue + 1];
        Array.Fill(table, Unknown);
        for (var c = 0; c < 128; c++) table[c] = char.ToLowerInvariant((char)c);
        return table;
    }

    /// <summary>Folds <paramref name="text"/> into <paramref name="destination"/> (which must hold 2 × the input) and returns the length written.</summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> destination)
    {
        var n = 0;
        foreach (var c in text)
        {
            var f = Single[c];
            if (f == Unknown) f = Single[c] = Compute(c);
            if (f == Expand)
            {
                var two = Expansion(c);
                destination[n++] = two[0];
                destination[n++] = two[1];
            }
            else if (f != '\0') destination[n++] = f;
        }
        return n;
    }

    public static string Fold(string text)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length * 2] : new char[text.Length * 2];
        return new string(buffer[..Fold(text, buffer)]);
    }

    private static string Expansion(char c) => c switch { 'ß' => "ss", 'æ' or 'Æ' => "ae", 'œ' or 'Œ' => "oe", _ => "  " };

    // '\0' = drop (a combining mark on its own).
    private static char Compute(char c)
    {
        if (c is 'ß' or 'æ' or 'Æ' or 'œ' or 'Œ') return Expand;
        switch (c) { case 'ø' or 'Ø': return 'o'; case 'đ' or 'Đ': return 'd'; case 'ł' or 'Ł': return 'l'; case 'ı': return 'i'; }
        if (char.IsSurrogate(c)) return ' ';
        if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) return '\0';
        // Typographic apostrophes count as the plain one so "don’t" tokenizes like "don't".
        if (c is '\u2019' or '\u2018' or '\u02BC') return '\'';
        if (c is '\u2010' or '\u2011') return '-';
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) return char.ToLowerInvariant(d);
        return char.ToLowerInvariant(c);
    }
}
