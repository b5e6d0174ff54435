using Kith.Platform.Localization;

namespace Kith.ServiceDirectory.Search;

/// <summary>The text pipeline as a query sees it: fold (lower case, no diacritics), split into words,
/// drop stop words, stem per language. Documents go through the same steps in <see cref="TextIndexer"/>.</summary>
internal static class Analyzer
{
    /// <summary>The folded words of <paramref name="text"/> in order, stop words included (phrases need them).</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        var folded = TextFolding.Fold(text);
        var ranges = new List<TokenRange>();
        Tokenizer.Split(folded, forIndex: false, ranges);
        Span<char> buffer = stackalloc char[folded.Length];
        foreach (var r in ranges)
            words.Add(new string(buffer[..Tokenizer.Compact(folded.AsSpan(r.Start, r.Length), buffer)]));
        return words;
    }

    /// <summary>The languages to stem a query in: English plus the asked-for language, or all three when none is given
    /// (a query's language is a guess; stemming in a language that does not apply only adds weak matches).</summary>
    public static bool[] StemLanguages(string? language)
    {
        if (language is null) return [true, true, true];
        var code = DirectoryIndex.NormalizeLanguage(language);
        return [true, code == "es", code == "so"];
    }

    public static WordForms Forms(string word, bool[] languages) => new(word,
        languages[0] ? Stemmer.Stem(word, StemLanguage.English) : null,
        languages[1] ? Stemmer.Stem(word, StemLanguage.Spanish) : null,
        languages[2] ? Stemmer.Stem(word, StemLanguage.Somali) : null);

    /// <summary>The searchable terms of a text in one language: folded, without stop words, stemmed.</summary>
    public static List<string> Terms(string? text, StemLanguage language) =>
        Words(text).Where(w => !StopWords.Contains(w)).Select(w => Stemmer.Stem(w, language)).ToList();

    /// <summary>Whether <paramref name="word"/> is within the typos <paramref name="queryWord"/>'s length allows.</summary>
    public static bool WithinTypos(string queryWord, string word) =>
        TypoDistance.Within(queryWord, word, TypoDistance.Allowed(queryWord.Length)) <= TypoDistance.Allowed(queryWord.Length);

    /// <summary>The synonym group names a text mentions.</summary>
    public static List<string> SynonymGroups(string? text)
    {
        var words = Words(text);
        var forms = words.Select(w => Forms(w, [true, true, true])).ToArray();
        var spans = new List<SynonymSpan>();
        Synonyms.Find(forms, spans);
        return [.. spans.Select(s => Synonyms.GroupName(s.Group)).Distinct()];
    }
}
