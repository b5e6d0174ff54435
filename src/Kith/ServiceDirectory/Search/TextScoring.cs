namespace Kith.ServiceDirectory.Search;

/// <summary>BM25 over fields: each field's term count saturates on its own and is weighted name &gt; keyword
/// &gt; other names &gt; description, so a word in a service's name outranks the same word in its description.</summary>
internal static class TextScoring
{
    private const float K1 = 1.2f, B = 0.75f;
    private static readonly float[] FieldWeights = [3f, 1.5f, 2f, 1f]; // TextField order

    public static float Score(uint counts, uint lengths, double[] averageLengths)
    {
        var score = 0f;
        for (var f = 0; f < 4; f++) score += FieldScore(counts, lengths, averageLengths, f);
        return score;
    }

    public static float FieldScore(uint counts, uint lengths, double[] averageLengths, int f)
    {
        var tf = (counts >> (8 * f)) & 0xFF;
        if (tf == 0) return 0;
        var length = (lengths >> (8 * f)) & 0xFF;
        var norm = K1 * (1 - B + B * (float)(length / averageLengths[f]));
        return FieldWeights[f] * tf * (K1 + 1) / (tf + norm);
    }

    /// <summary>Scores every admitted document one clause at a time: a clause adds its best alternative
    /// (exact, stem, synonym or typo) once, and <see cref="SearchScratch.Matched"/> counts matched clauses.</summary>
    public static void Accumulate(DirectoryIndex index, SearchScratch s, SearchFilters filters, IReadOnlyList<TextClause> clauses)
    {
        foreach (var clause in clauses)
        {
            foreach (var alternative in clause.Alternatives)
            {
                var postings = TextQuery.PostingsOf(index, alternative.Source);
                var docs = postings.Docs(alternative.Term);
                var counts = postings.Counts(alternative.Term);
                var weight = alternative.Weight * clause.Idf;
                for (var i = 0; i < docs.Length; i++)
                {
                    var d = docs[i];
                    if (!Admitted(s, filters, d)) continue;
                    var score = weight * Score(counts[i], index.FieldLengths[d], index.AverageFieldLengths);
                    var best = s.ClauseBest[d];
                    if (best == 0) s.ClauseTouched.Add(d);
                    if (score > best) s.ClauseBest[d] = score;
                }
            }
            foreach (var d in s.ClauseTouched)
            {
                if (s.Matched[d] == 0) s.Touched.Add(d);
                s.Score[d] += s.ClauseBest[d];
                s.Matched[d]++;
                s.ClauseBest[d] = 0;
            }
            s.ClauseTouched.Clear();
        }
        // Coordination: a document matching 2 of 3 words keeps (2/3)² of its score.
        foreach (var d in s.Touched)
        {
            var share = (float)s.Matched[d] / clauses.Count;
            s.Score[d] *= share * share;
        }
    }

    private static bool Admitted(SearchScratch s, SearchFilters filters, int d)
    {
        var known = s.Admitted[d];
        if (known != 0) return known > 0;
        var ok = filters.Admits(d);
        s.Admitted[d] = ok ? (sbyte)1 : (sbyte)-1;
        s.AdmittedTouched.Add(d);
        return ok;
    }
}
