namespace Kith.ServiceDirectory.Search;

/// <summary>Finds indexed words within the allowed typo distance of a query word with a symmetric-delete
/// dictionary: every word is stored under the hashes of itself with up to one (short words) or two (long
/// words) letters deleted; a query looks up its own deletions and verifies each hit with
/// <see cref="TypoDistance"/>. Lookups cost microseconds however large the vocabulary; memory is one
/// 8-byte entry per stored deletion.</summary>
internal sealed class TypoVocabulary
{
    private const int MinLength = 3, MaxLength = 24;
    private readonly ulong[] _entries; // (hash << 32) | word index, sorted
    private readonly string[] _words;

    private TypoVocabulary(ulong[] entries, string[] words) { _entries = entries; _words = words; }

    public static TypoVocabulary Build(string[] words)
    {
        long total = 0;
        foreach (var w in words) total += DeletionCount(w.Length);
        var entries = new ulong[total];
        var n = 0;
        Span<char> one = stackalloc char[MaxLength];
        Span<char> two = stackalloc char[MaxLength];
        for (var id = 0; id < words.Length; id++)
        {
            var w = words[id].AsSpan();
            if (DeletionCount(w.Length) == 0) continue;
            entries[n++] = Entry(w, id);
            for (var i = 0; i < w.Length; i++)
            {
                var n1 = Delete(w, i, one);
                entries[n++] = Entry(one[..n1], id);
                if (w.Length < 6) continue;
                for (var j = i; j < n1; j++) entries[n++] = Entry(two[..Delete(one[..n1], j, two)], id);
            }
        }
        Array.Sort(entries);
        return new TypoVocabulary(entries, words);
    }

    // The word itself, its single deletions and (for words of 6+ letters, which an 8-letter query two
    // edits away can reach) its double deletions taken in increasing position order.
    private static long DeletionCount(int length) =>
        length is < MinLength or > MaxLength ? 0 : 1 + length + (length >= 6 ? (long)length * (length - 1) / 2 : 0);

    // word and into must not overlap.
    private static int Delete(ReadOnlySpan<char> word, int at, Span<char> into)
    {
        word[..at].CopyTo(into);
        word[(at + 1)..].CopyTo(into[at..]);
        return word.Length - 1;
    }

    private static ulong Entry(ReadOnlySpan<char> s, int id) => ((ulong)(uint)string.GetHashCode(s) << 32) | (uint)id;

    /// <summary>Adds the indexed words (other than <paramref name="word"/> itself) within its allowed typo distance, as (word index, distance).
    /// <paramref name="known"/>: the word is itself in the directory's vocabulary (see <see cref="TypoDistance.Rule"/>).</summary>
    public void Find(string word, bool known, List<(int Word, int Distance)> into)
    {
        var (max, substitutions) = TypoDistance.Rule(word, known);
        if (max == 0 || word.Length > MaxLength) return;
        var seen = new HashSet<int>();
        Span<char> one = stackalloc char[word.Length];
        Span<char> two = stackalloc char[word.Length];
        Probe(word, word, max, substitutions, seen, into);
        for (var i = 0; i < word.Length; i++)
        {
            var n1 = Delete(word, i, one);
            Probe(one[..n1], word, max, substitutions, seen, into);
            if (max < 2) continue;
            for (var j = i; j < n1; j++)
                Probe(two[..Delete(one[..n1], j, two)], word, max, substitutions, seen, into);
        }
    }

    private void Probe(ReadOnlySpan<char> deletion, string word, int max, bool substitutions, HashSet<int> seen, List<(int, int)> into)
    {
        var hash = (ulong)(uint)string.GetHashCode(deletion) << 32;
        var at = LowerBound(hash);
        for (; at < _entries.Length && (_entries[at] & 0xFFFFFFFF00000000UL) == hash; at++)
        {
            var id = (int)(uint)_entries[at];
            if (!seen.Add(id)) continue;
            var candidate = _words[id];
            // A typo never lands on a word of three letters: too many of them are one edit from each other ("car", "bed").
            if (candidate == word || candidate.Length < 4) continue;
            var d = TypoDistance.Within(word, candidate, max, substitutions);
            if (d <= max) into.Add((id, d));
        }
    }

    private int LowerBound(ulong value)
    {
        int lo = 0, hi = _entries.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_entries[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
