using Kith.Platform.Privacy;

namespace Kith.Insights.Evaluation;

/// <summary>One pair as the evaluation counts it: the group's kind, the area's index (its column) and the two scores.</summary>
internal sealed record EvaluatedPair(string Kind, int Area, int Before, int After);

/// <summary>
/// A row of the evaluation: how many pairs it rests on and, only where that count is published, the change; the number
/// who improved by the meaningful change only where that count is published too. Null means hidden.
/// </summary>
internal sealed record EvaluationRow(string Key, int? Pairs, PairedChange? Change, int? Improved)
{
    public bool Hidden => Pairs is null;
}

/// <summary>
/// The evaluation of one quarter: pairs by kind of group and by area, each with the whole. Three counts per row — pairs,
/// improved, not improved — linked to each other (pairs = improved + not) and to the whole (kinds add up to it, areas
/// add up to it), protected at once by <see cref="SmallCells.Protect"/>, so no hidden row's count can be worked out
/// from the others. A mean and its interval are shown only beside a published count: where a hidden row's count cannot
/// be narrowed, neither can its sum of scores, which lies in the same linear relations.
/// </summary>
internal sealed class EvaluationTable
{
    public const string All = "all";

    private EvaluationTable(IReadOnlyList<EvaluationRow> kinds, IReadOnlyList<EvaluationRow> areas, EvaluationRow total) =>
        (Kinds, Areas, Total) = (kinds, areas, total);

    /// <summary>One row per kind, in the order given.</summary>
    public IReadOnlyList<EvaluationRow> Kinds { get; }
    /// <summary>One row per area column, in the order given.</summary>
    public IReadOnlyList<EvaluationRow> Areas { get; }
    public EvaluationRow Total { get; }

    public static EvaluationTable Build(IReadOnlyList<EvaluatedPair> pairs, IReadOnlyList<string> kinds, IReadOnlyList<string> areaKeys, int threshold)
    {
        var counts = new LinkedCounts();
        var groups = kinds.Select(k => (Key: k, Pairs: pairs.Where(p => p.Kind == k).ToList()))
            .Concat(areaKeys.Select((a, i) => (Key: a, Pairs: pairs.Where(p => p.Area == i).ToList())))
            .Append((Key: All, Pairs: pairs.ToList())).ToList();
        var cells = groups.Select(g =>
        {
            var improved = g.Pairs.Count(p => p.After - p.Before >= PairedChange.MeaningfulChange);
            var (yes, no) = (counts.Add(improved), counts.Add(g.Pairs.Count - improved));
            return (Pairs: counts.AddTotal([yes, no]), Improved: yes, NotImproved: no);
        }).ToList();
        var whole = cells[^1];
        foreach (var part in new[] { cells.Take(kinds.Count).ToList(), cells.Skip(kinds.Count).Take(areaKeys.Count).ToList() }.Where(p => p.Count > 0))
        {
            counts.Relate(whole.Pairs, part.Select(c => c.Pairs));
            counts.Relate(whole.Improved, part.Select(c => c.Improved));
            counts.Relate(whole.NotImproved, part.Select(c => c.NotImproved));
        }
        var published = SmallCells.Protect(counts, threshold);
        var rows = groups.Zip(cells, (g, c) =>
        {
            var n = published.Published(c.Pairs);
            return new EvaluationRow(g.Key, n, n is > 0 ? PairedChange.Of([.. g.Pairs.Select(p => (p.Before, p.After))]) : null, n is null ? null : published.Published(c.Improved));
        }).ToList();
        return new EvaluationTable(rows[..kinds.Count], rows[kinds.Count..^1], rows[^1]);
    }
}
