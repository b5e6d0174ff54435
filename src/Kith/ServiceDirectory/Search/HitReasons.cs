using System.Globalization;
using Kith.Platform.Time;

namespace Kith.ServiceDirectory.Search;

/// <summary>Builds the page's hits with their reasons. Reasons are worked out only for the hits shown
/// (re-reading the postings of each query word), so scoring never allocates per candidate.</summary>
internal sealed class HitReasons(DirectoryIndex index, SearchFilters filters, SearchQuery query,
    IReadOnlyList<TextClause> clauses, DateTimeOffset now)
{
    private static readonly string[] FieldNames = ["name", "other_name", "keyword", "description"];

    public SearchHit Hit(int d, double score)
    {
        var doc = index.Documents[d];
        var reasons = new List<MatchReason>();
        foreach (var clause in clauses) TextReason(d, clause, reasons);
        if (!string.IsNullOrEmpty(query.TaxonomyTermId)) reasons.Add(new(MatchKinds.Category, query.TaxonomyTermId));
        if (!string.IsNullOrEmpty(query.Language)) reasons.Add(new(MatchKinds.Language, DirectoryIndex.NormalizeLanguage(query.Language)));
        var distance = Distance(d);
        if (distance is { } km) reasons.Add(new(MatchKinds.Distance, km.ToString("0.0", CultureInfo.InvariantCulture)));
        if (query.OpenAt is { } at) reasons.Add(new(MatchKinds.OpenAt, at.ToString("o", CultureInfo.InvariantCulture)));
        else if (query.OpenNow) reasons.Add(new(MatchKinds.OpenNow, ""));
        if (query.Age is { } age) reasons.Add(new(MatchKinds.Age, age.ToString(CultureInfo.InvariantCulture)));
        if (query.FreeOnly) reasons.Add(new(MatchKinds.Free, ""));
        if (query.Delivery != Delivery.None) reasons.Add(new(MatchKinds.Delivery, (doc.Delivery & query.Delivery).ToString()));
        if (query.Accessibility is { Count: > 0 } codes) reasons.Add(new(MatchKinds.Accessibility, string.Join(',', codes)));
        if (query.HasCapacity) reasons.Add(new(MatchKinds.Capacity, (doc.CapacityAvailable ?? 0).ToString(CultureInfo.InvariantCulture)));
        return new SearchHit(doc, score, distance, OpenNow(doc), reasons);
    }

    /// <summary>Every crisis line, whatever the filters: those speaking the asked-for language first, then those open now, then by name.</summary>
    public List<SearchHit> Crisis()
    {
        var language = string.IsNullOrEmpty(query.Language) ? null : DirectoryIndex.NormalizeLanguage(query.Language);
        var lines = index.CrisisDocs.Select(d =>
        {
            var doc = index.Documents[d];
            var speaks = language is not null && doc.Languages.Any(l => DirectoryIndex.NormalizeLanguage(l) == language);
            return (Doc: d, Speaks: speaks, Open: OpenNow(doc) == true);
        });
        return lines
            .OrderByDescending(l => l.Speaks).ThenByDescending(l => l.Open)
            .ThenBy(l => index.Documents[l.Doc].Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Doc)
            .Select(l =>
            {
                var reasons = new List<MatchReason>();
                if (l.Speaks) reasons.Add(new(MatchKinds.Language, language!));
                if (l.Open) reasons.Add(new(MatchKinds.OpenNow, ""));
                return new SearchHit(index.Documents[l.Doc], 0, Distance(l.Doc), OpenNow(index.Documents[l.Doc]), reasons);
            })
            .ToList();
    }

    // Null when hours are unknown: "we don't know" must not read as "closed".
    private bool? OpenNow(SearchDocument doc) => doc.Schedules.Count == 0 ? null : OpeningHours.IsOpen(doc.Schedules, now);

    private double? Distance(int d)
    {
        if (filters.Point is null) return null;
        var km = filters.DistanceOf(d);
        if (float.IsNaN(km) && filters.RadiusFilter)
        {
            // A crisis line outside the radius: measure it anyway (it is shown regardless of filters).
            km = MeasureIgnoringRadius(d);
        }
        if (float.IsNaN(km) || km < 0) return null;
        return Math.Round(km, 1);
    }

    private float MeasureIgnoringRadius(int d)
    {
        var best = -1.0;
        var point = filters.Point!;
        for (var p = index.PlaceStart[d]; p < index.PlaceStart[d + 1]; p++)
        {
            var km = filters.PlaceDistance(p, point);
            if (best < 0 || km < best) best = km;
        }
        return (float)best;
    }

    private void TextReason(int d, TextClause clause, List<MatchReason> reasons)
    {
        var bestScore = 0f;
        Alternative? best = null;
        var bestField = 0;
        foreach (var alternative in clause.Alternatives)
        {
            var counts = TextQuery.PostingsOf(index, alternative.Source).CountsOf(alternative.Term, d);
            if (counts == 0) continue;
            for (var f = 0; f < 4; f++)
            {
                var score = alternative.Weight * TextScoring.FieldScore(counts, index.FieldLengths[d], index.AverageFieldLengths, f);
                if (score <= bestScore) continue;
                (bestScore, best, bestField) = (score, alternative, f);
            }
        }
        if (best is not { } b) return;
        var via = b.Via.ToString().ToLowerInvariant();
        reasons.Add(new(MatchKinds.Text, $"word={clause.Word} field={FieldNames[bestField]} via={via} term={b.Display}"));
    }
}
