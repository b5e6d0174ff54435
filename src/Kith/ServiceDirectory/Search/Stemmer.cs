namespace Kith.ServiceDirectory.Search;

internal enum StemLanguage { English, Spanish, Somali }

/// <summary>Light suffix stripping, deliberately conservative: a wrong conflation sends someone to the
/// wrong kind of help, a missed one only costs a synonym or typo match further down the list.
/// Stems are matched only against stems (never shown), so they need not be real words.</summary>
internal static class Stemmer
{
    public static bool TryLanguage(string? code, out StemLanguage language)
    {
        language = code switch { "es" => StemLanguage.Spanish, "so" => StemLanguage.Somali, _ => StemLanguage.English };
        return code is "en" or "es" or "so";
    }

    /// <summary>Writes the stem of a folded word into <paramref name="destination"/> (at least as long as the word + 1); returns its length.</summary>
    public static int Stem(ReadOnlySpan<char> word, StemLanguage language, Span<char> destination)
    {
        word.CopyTo(destination);
        return language switch
        {
            StemLanguage.Spanish => Spanish(destination, word.Length),
            StemLanguage.Somali => Somali(destination, word.Length),
            _ => English(destination, word.Length),
        };
    }

    public static string Stem(string word, StemLanguage language)
    {
        Span<char> buffer = stackalloc char[word.Length + 2];
        return new string(buffer[..Stem(word, language, buffer)]);
    }

    private static int English(Span<char> w, int n)
    {
        if (n <= 3) return n;
        if (EndsWith(w, n, "ies") && n > 4) { w[n - 3] = 'y'; n -= 2; }
        else if (EndsWith(w, n, "ers") && n > 5) n -= 3;                 // farmers, helpers
        else if (EndsWith(w, n, "ing") && n > 5) n = Undouble(w, n - 3); // counseling, running
        else if (EndsWith(w, n, "ed") && n > 4) n = Undouble(w, n - 2);  // abused, needed
        else if (EndsWith(w, n, "er") && n > 5) n -= 2;                  // farmer (matches farmers)
        else if (w[n - 1] == 's' && !EndsWith(w, n, "ss") && !EndsWith(w, n, "us") && !EndsWith(w, n, "is")) n -= 1;
        // A final silent e, so "house", "houses" and "housing" share "hous".
        if (n > 4 && w[n - 1] == 'e') n -= 1;
        return n;
    }

    // Porter's rule: "runn" → "run" but "call", "pass", "buzz" stay whole.
    private static int Undouble(Span<char> w, int n) =>
        n >= 3 && w[n - 1] == w[n - 2] && w[n - 1] is not ('l' or 's' or 'z') && !IsVowel(w[n - 1]) ? n - 1 : n;

    private static int Spanish(Span<char> w, int n)
    {
        if (n <= 3) return n;
        if (EndsWith(w, n, "ciones")) return n - 2;                       // atenciones → atencion
        if (EndsWith(w, n, "cion")) return n;
        if (EndsWith(w, n, "es") && n > 4) n -= 2;                       // mujeres → mujer
        else if (w[n - 1] == 's') n -= 1;
        // Gender and the plural's vowel: terapia/terapias, niño/niña.
        if (n > 4 && w[n - 1] is 'a' or 'e' or 'o') n -= 1;
        return n;
    }

    // UNREVIEWED: Somali rules need a native speaker's check. Only long words are touched so that short
    // roots (hooyo "mother", guryo) are left alone.
    private static int Somali(Span<char> w, int n)
    {
        if (n < 6) return n;
        if (EndsWith(w, n, "ka") || EndsWith(w, n, "ga") || EndsWith(w, n, "ta") || EndsWith(w, n, "da")) return n - 2; // definite article: daryeelka
        if (EndsWith(w, n, "yo")) return n - 2;                                                                          // plural -yo
        if (w[n - 1] == 'o' && !IsVowel(w[n - 2])) return n - 1;                                                       // plural -o
        return n;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool EndsWith(Span<char> w, int n, string suffix) => n >= suffix.Length && w[..n].EndsWith(suffix, StringComparison.Ordinal);
}
