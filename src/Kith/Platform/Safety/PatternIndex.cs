namespace Kith.Platform.Safety;

/// <summary>
/// Patterns filed under the words (and word prefixes) they can start with, so reading a narrative costs
/// a few hash lookups per word however many phrases there are, rather than one scan per phrase.
/// </summary>
internal sealed class PatternIndex<T>
{
    private readonly Dictionary<string, List<(Pattern Pattern, T Value)>> byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Pattern Pattern, T Value)>> byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Pattern Pattern, T Value)>>.AlternateLookup<ReadOnlySpan<char>> prefixLookup;
    private readonly int longestPrefix;

    public PatternIndex(IEnumerable<(Pattern Pattern, T Value)> entries)
    {
        foreach (var entry in entries)
        {
            foreach (var word in entry.Pattern.First.Words) File(byWord, word, entry);
            foreach (var prefix in entry.Pattern.First.Prefixes) File(byPrefix, prefix, entry);
        }
        prefixLookup = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        longestPrefix = byPrefix.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>Every pattern that matches starting at word <paramref name="start"/>, with where it ends.</summary>
    public IEnumerable<(T Value, int End, ulong Gaps)> MatchesAt(Narrative narrative, int start)
    {
        var word = narrative[start];
        if (byWord.TryGetValue(word, out var exact))
            foreach (var hit in Try(exact, narrative, start)) yield return hit;
        for (var length = Slot.ShortestPrefix; length <= Math.Min(longestPrefix, word.Length); length++)
            if (prefixLookup.TryGetValue(word.AsSpan(0, length), out var starting))
                foreach (var hit in Try(starting, narrative, start)) yield return hit;
    }

    public bool AnyAt(Narrative narrative, int start) => start < narrative.Count && MatchesAt(narrative, start).Any();

    private static IEnumerable<(T Value, int End, ulong Gaps)> Try(List<(Pattern Pattern, T Value)> candidates, Narrative narrative, int start)
    {
        foreach (var (pattern, value) in candidates)
        {
            var (end, gaps) = pattern.MatchAt(narrative, start);
            if (end >= 0) yield return (value, end, gaps);
        }
    }

    private static void File(Dictionary<string, List<(Pattern, T)>> index, string key, (Pattern, T) entry)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(entry);
    }
}
