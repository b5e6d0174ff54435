using Kith.Platform.Safety;

namespace Kith.ServiceDirectory.Search;

/// <summary>Runs a <see cref="SearchQuery"/> against a <see cref="DirectoryIndex"/>: filters (AND),
/// text relevance, distance and freshness ordering, crisis lines pinned when the text signals risk, and
/// a reason for every hit.</summary>
internal static class DirectorySearch
{
    public const int MaxPerPage = 100;

    public static SearchResults Run(DirectoryIndex index, SearchQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Max(1, query.Page);
        var perPage = Math.Clamp(query.PerPage, 1, MaxPerPage);

        var point = query.Near;
        var unknownPostalCode = false;
        if (point is null && !string.IsNullOrWhiteSpace(query.PostalCode))
        {
            if (index.PostalCentroids.TryGetValue(DirectoryIndex.NormalizePostalCode(query.PostalCode), out var centroid)) point = centroid;
            else unknownPostalCode = true;
        }
        var riskPhrase = RiskLanguage.ReadQuery(query.Text)?.Term;

        var scratch = index.RentScratch();
        try
        {
            var filters = new SearchFilters(index, scratch, query, point, now);
            var clauses = TextQuery.Parse(index, query.Text, query.Language);
            var byText = clauses.Count > 0;
            IEnumerable<int> candidates;
            var total = 0;
            var maxScore = 0f;
            if (filters.Empty) candidates = [];
            else if (byText)
            {
                TextScoring.Accumulate(index, scratch, filters, clauses);
                candidates = scratch.Touched;
                total = scratch.Touched.Count;
                foreach (var d in scratch.Touched) maxScore = Math.Max(maxScore, scratch.Score[d]);
            }
            else
            {
                var admitted = scratch.Candidates;
                foreach (var d in Unfiltered(index, scratch, filters)) if (filters.Admits(d)) admitted.Add(d);
                candidates = admitted;
                total = admitted.Count;
            }

            var order = new HitOrder(index, scratch, filters, byText, maxScore, query.ByDistance && point is not null);
            var wanted = (int)Math.Min((long)page * perPage, total);
            var top = order.Top(candidates, wanted);
            var reasons = new HitReasons(index, filters, query, clauses, now);
            var hits = new List<SearchHit>(Math.Max(0, top.Length - (page - 1) * perPage));
            for (var i = (page - 1) * perPage; i < top.Length; i++) hits.Add(reasons.Hit(top[i], byText ? scratch.Score[top[i]] : 0));

            var crisis = riskPhrase is null ? [] : reasons.Crisis();
            return new SearchResults(crisis, hits, total, page, perPage, riskPhrase is not null, riskPhrase, unknownPostalCode, point);
        }
        finally
        {
            scratch.Reset();
            index.Return(scratch);
        }
    }

    // Without text the candidates are the radius's documents when a radius applies (the grid already
    // found them), else whatever the set filters allow.
    private static IEnumerable<int> Unfiltered(DirectoryIndex index, SearchScratch scratch, SearchFilters filters)
    {
        if (!filters.RadiusFilter) return filters.SetFilterCandidates();
        var marked = scratch.Marked;
        marked.AddRange(scratch.DistanceTouched);
        marked.Sort();
        return marked;
    }
}
