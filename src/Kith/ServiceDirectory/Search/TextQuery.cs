using System.Runtime.InteropServices;

namespace Kith.ServiceDirectory.Search;

/// <summary>How a query word reached a document; also the order of preference.</summary>
internal enum MatchVia { Exact, Stem, Synonym, Typo }

internal enum PostingSource { Exact, Stem, Synonym }

/// <summary>One way a query word can match: a posting list and how much a match through it is worth.</summary>
internal readonly record struct Alternative(MatchVia Via, PostingSource Source, int Term, string Display, float Weight);

/// <summary>One query word with every way it can match and one shared IDF, so exact, stem, synonym and typo
/// matches of the same word differ only by <see cref="Alternative.Weight"/> (exact &gt; stem &gt; synonym &gt; typo).</summary>
internal sealed record TextClause(string Word, Alternative[] Alternatives, float Idf);

/// <summary>Analyses query text against an index into clauses (one per meaningful word).</summary>
internal static class TextQuery
{
    private const float ExactWeight = 1f, StemWeight = 0.85f, SynonymWeight = 0.7f, TypoWeight = 0.5f;
    private const int MaxTypoCandidates = 8;

    public static IReadOnlyList<TextClause> Parse(DirectoryIndex index, string? text, string? language)
    {
        var words = Analyzer.Words(text);
        if (words.Count == 0) return [];
        var languages = Analyzer.StemLanguages(language);
        var forms = words.Select(w => Analyzer.Forms(w, languages)).ToArray();
        var spans = new List<SynonymSpan>();
        Synonyms.Find(forms, spans);

        var meaningful = Enumerable.Range(0, words.Count).Where(i => !StopWords.Contains(words[i])).ToList();
        // Stop words are not indexed: a query of only stop words ("where") browses like an empty one.
        if (meaningful.Count == 0) return [];
        var clauses = new List<TextClause>();
        foreach (var i in meaningful)
        {
            var alternatives = new List<Alternative>();
            var word = words[i];
            AddExact(index, alternatives, MatchVia.Exact, word, ExactWeight);
            // Documents whose words stem to the query word itself ("farm" meets "farmers").
            if (index.Text.StemIds.TryGetValue(word, out var asStem))
                alternatives.Add(new Alternative(MatchVia.Stem, PostingSource.Stem, asStem, word, StemWeight));
            for (var l = 1; l < 4; l++)
            {
                if (forms[i].Form(l) is not { } stem || stem == word) continue;
                AddExact(index, alternatives, MatchVia.Stem, stem, StemWeight);
                if (index.Text.StemIds.TryGetValue(stem, out var stemId))
                    alternatives.Add(new Alternative(MatchVia.Stem, PostingSource.Stem, stemId, stem, StemWeight));
            }
            foreach (var span in spans)
                if (span.Start <= i && i < span.Start + span.Length)
                    alternatives.Add(new Alternative(MatchVia.Synonym, PostingSource.Synonym, span.Group, Synonyms.GroupName(span.Group), SynonymWeight));
            AddTypos(index, alternatives, word, known: Known(index, alternatives));
            var unique = Distinct(alternatives, index);
            if (unique.Length > 0) clauses.Add(new TextClause(word, unique, Idf(index, unique)));
            else clauses.Add(new TextClause(word, [], 0));
        }
        return clauses;
    }

    public static Postings PostingsOf(DirectoryIndex index, PostingSource source) => source switch
    {
        PostingSource.Exact => index.Text.Exact,
        PostingSource.Stem => index.Text.Stems,
        _ => index.Text.Synonyms,
    };

    private static void AddExact(DirectoryIndex index, List<Alternative> into, MatchVia via, string word, float weight)
    {
        if (index.Text.ExactIds.TryGetValue(word, out var id)) into.Add(new Alternative(via, PostingSource.Exact, id, word, weight));
    }

    // A word the directory already has (itself, a stem or a synonym) was most likely meant as typed.
    private static bool Known(DirectoryIndex index, List<Alternative> alternatives) =>
        alternatives.Exists(a => PostingsOf(index, a.Source).Length(a.Term) > 0);

    // Typos are looked for even when the word itself is indexed: a document may carry the typo ("counseling" finds
    // "counselling"), but then only a dropped, doubled or swapped letter (TypoDistance.Rule).
    private static void AddTypos(DirectoryIndex index, List<Alternative> into, string word, bool known)
    {
        var found = new List<(int Word, int Distance)>();
        index.Typos.Find(word, known, found);
        var exact = index.Text.Exact;
        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : exact.Length(b.Word).CompareTo(exact.Length(a.Word)));
        foreach (var (id, distance) in CollectionsMarshal.AsSpan(found)[..Math.Min(found.Count, MaxTypoCandidates)])
            into.Add(new Alternative(MatchVia.Typo, PostingSource.Exact, id, index.Text.ExactWords[id], TypoWeight / distance));
    }

    // Keep the best weight for each posting list; drop lists that are empty.
    private static Alternative[] Distinct(List<Alternative> alternatives, DirectoryIndex index)
    {
        var best = new Dictionary<(PostingSource, int), Alternative>();
        foreach (var a in alternatives)
        {
            if (PostingsOf(index, a.Source).Length(a.Term) == 0) continue;
            if (!best.TryGetValue((a.Source, a.Term), out var b) || a.Weight > b.Weight) best[(a.Source, a.Term)] = a;
        }
        return [.. best.Values.OrderByDescending(a => a.Weight)];
    }

    // BM25's IDF from the largest alternative: a word's weight should not jump because a rare typo matched.
    private static float Idf(DirectoryIndex index, Alternative[] alternatives)
    {
        var df = 0;
        foreach (var a in alternatives) df = Math.Max(df, PostingsOf(index, a.Source).Length(a.Term));
        var n = index.Count;
        return (float)Math.Log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
