using Kith.Platform.Localization;

namespace Kith.ServiceDirectory.Search;

/// <summary>A word of a sequence in its analysed forms: the folded word and its stem in each language that
/// applies (null when that language is not analysed).</summary>
internal readonly record struct WordForms(string Exact, string? English, string? Spanish, string? Somali)
{
    public string? Form(int i) => i switch { 0 => Exact, 1 => English, 2 => Spanish, _ => Somali };
}

/// <summary>A synonym group found over words [Start, Start + Length) of a sequence.</summary>
internal readonly record struct SynonymSpan(int Start, int Length, int Group);

/// <summary>Finds the <see cref="SynonymTable"/> groups a word sequence mentions, on the folded words or on
/// their stems (so "therapists" and "terapias" meet "therapy"), for phrases of up to three words.</summary>
internal static class Synonyms
{
    public const int MaxWords = 3;
    private static readonly Dictionary<string, int[]> Keys = BuildKeys();
    private static readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> KeySpans = Keys.GetAlternateLookup<ReadOnlySpan<char>>();

    public static int GroupCount => SynonymTable.Groups.Length;

    public static string GroupName(int group) => SynonymTable.Groups[group].Name;

    public static void Find(ReadOnlySpan<WordForms> words, List<SynonymSpan> into)
    {
        Span<char> key = stackalloc char[256];
        for (var start = 0; start < words.Length; start++)
            for (var length = 1; length <= MaxWords && start + length <= words.Length; length++)
                for (var form = 0; form < 4; form++)
                {
                    var n = Join(words.Slice(start, length), form, key);
                    if (n <= 0 || !KeySpans.TryGetValue(key[..n], out var groups)) continue;
                    foreach (var g in groups)
                        if (!Contains(into, start, length, g)) into.Add(new SynonymSpan(start, length, g));
                }
    }

    private static bool Contains(List<SynonymSpan> spans, int start, int length, int group)
    {
        foreach (var s in spans) if (s.Start == start && s.Length == length && s.Group == group) return true;
        return false;
    }

    // -1 when a word lacks this form or the key does not fit.
    private static int Join(ReadOnlySpan<WordForms> words, int form, Span<char> key)
    {
        var n = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var f = words[i].Form(form);
            if (f is null || n + f.Length + 1 > key.Length) return -1;
            if (i > 0) key[n++] = ' ';
            f.AsSpan().CopyTo(key[n..]);
            n += f.Length;
        }
        return n;
    }

    private static Dictionary<string, int[]> BuildKeys()
    {
        var keys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var ranges = new List<TokenRange>();
        for (var g = 0; g < SynonymTable.Groups.Length; g++)
            foreach (var phrase in SynonymTable.Groups[g].Phrases)
                foreach (var forIndex in new[] { false, true })
                {
                    var folded = TextFolding.Fold(phrase);
                    ranges.Clear();
                    Tokenizer.Split(folded, forIndex, ranges);
                    var words = new List<string>();
                    foreach (var r in ranges)
                        if (r.InSequence) words.Add(Compact(folded.AsSpan(r.Start, r.Length)));
                    Add(keys, string.Join(' ', words), g);
                    foreach (var language in Enum.GetValues<StemLanguage>())
                        Add(keys, string.Join(' ', words.Select(w => Stemmer.Stem(w, language))), g);
                }
        return keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, List<int>> keys, string key, int group)
    {
        if (key.Length == 0) return;
        if (!keys.TryGetValue(key, out var groups)) keys[key] = groups = [];
        if (!groups.Contains(group)) groups.Add(group);
    }

    private static string Compact(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        return new string(buffer[..Tokenizer.Compact(word, buffer)]);
    }
}
