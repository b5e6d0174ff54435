using Kith.Insights.Evaluation;

namespace Kith.Tests.Insights.Evaluation;

/// <summary>The evaluation's hiding, on its own: a small kind is hidden with another, so "all kinds" minus the rest gives nothing.</summary>
public sealed class EvaluationTableTests
{
    private static List<EvaluatedPair> Pairs(string kind, int area, int count, int change) =>
        [.. Enumerable.Range(0, count).Select(i => new EvaluatedPair(kind, area, 40 + i % 3, 40 + i % 3 + change))];

    [Fact]
    public void A_kind_with_fewer_than_the_threshold_is_hidden_and_so_is_a_second_so_the_total_cannot_be_differenced()
    {
        var pairs = Pairs("workshop", 0, 30, 12).Concat(Pairs("peer-group", 0, 4, 2)).Concat(Pairs("support-group", 1, 15, 5)).ToList();
        var table = EvaluationTable.Build(pairs, ["peer-group", "support-group", "workshop"], ["A", "B", ""], 11);

        Assert.True(table.Kinds[0].Hidden); // 4 pairs
        Assert.Null(table.Kinds[0].Change);
        Assert.Contains(table.Kinds.Skip(1), k => k.Hidden); // one more, or 49 − 30 − 15 = 4 again
        Assert.Equal(49, table.Total.Pairs);
        Assert.NotNull(table.Total.Change);
        // Whatever is shown, the hidden kinds' counts add up to at least the threshold.
        Assert.True(49 - table.Kinds.Sum(k => k.Pairs ?? 0) >= 11);
        // Area A holds 34 (30 + 4), area B 15: both published, with their means.
        Assert.Equal([34, 15, 0], table.Areas.Select(a => a.Pairs));
        Assert.Equal((30 * 12 + 4 * 2) / 34.0, table.Areas[0].Change!.MeanChange, 1e-12);
        // 30 improved by 12 in area A and 4 by 2: "not improved" there is 4, so the improved count is hidden with it.
        Assert.Null(table.Areas[0].Improved);
    }
}
