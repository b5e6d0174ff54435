namespace Kith.ServiceDirectory.Search;

/// <summary>A word inside a folded buffer; its term is the range without hyphens and apostrophes
/// (<see cref="Tokenizer.Compact"/>). Words outside the sequence are not used for phrase (synonym) matching.</summary>
internal readonly record struct TokenRange(int Start, int Length, bool InSequence);

/// <summary>Splits folded text into words. Hyphenated words: documents index both the parts (in sequence)
/// and the joined form, so "self harm", "self-harm" and Somali "is-dil"/"isdil" find each other; queries
/// use the joined form only (a spaced query meets the document's parts).</summary>
internal static class Tokenizer
{
    public static void Split(ReadOnlySpan<char> folded, bool forIndex, List<TokenRange> into)
    {
        var i = 0;
        while (i < folded.Length)
        {
            while (i < folded.Length && !char.IsLetterOrDigit(folded[i])) i++;
            if (i >= folded.Length) break;
            var start = i;
            var hyphenated = false;
            while (i < folded.Length)
            {
                var c = folded[i];
                if (char.IsLetterOrDigit(c)) { i++; continue; }
                // Hyphens and apostrophes join only between letters/digits: "is-dil", "don't".
                if ((c == '-' || c == '\'') && i + 1 < folded.Length && char.IsLetterOrDigit(folded[i + 1]))
                {
                    hyphenated |= c == '-';
                    i++;
                    continue;
                }
                break;
            }
            if (!hyphenated || !forIndex)
            {
                into.Add(new TokenRange(start, i - start, true));
                continue;
            }
            var partStart = start;
            for (var j = start; j <= i; j++)
            {
                if (j < i && folded[j] != '-') continue;
                into.Add(new TokenRange(partStart, j - partStart, true));
                partStart = j + 1;
            }
            into.Add(new TokenRange(start, i - start, false));
        }
    }

    /// <summary>Copies a word without its hyphens and apostrophes; returns the length written.</summary>
    public static int Compact(ReadOnlySpan<char> word, Span<char> destination)
    {
        var n = 0;
        foreach (var c in word) if (c != '-' && c != '\'') destination[n++] = c;
        return n;
    }
}
