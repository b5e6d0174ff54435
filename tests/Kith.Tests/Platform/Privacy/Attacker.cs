using Google.OrTools.LinearSolver;
using Kith.Platform.Privacy;

namespace Kith.Tests.Platform.Privacy;

/// <summary>
/// An attacker written apart from the product's <c>LinearAttack</c>, so the tests do not grade the product with its
/// own sums: it is given only what is published (a value or the one marker) and the relations, makes one variable
/// per count — published ones fixed by their bounds, hidden ones anywhere from 0 to a cap far above any count — and
/// asks OrTools' GLOP, with its presolve left on, for the least and greatest value of each count it is asked about.
/// The cap keeps every program bounded; a count that reaches it could be anything, which is wider than any threshold.
/// </summary>
internal static class Attacker
{
    public const double Cap = 1_000_000;

    public static IReadOnlyList<(int Index, double Min, double Max)> Ranges(
        IReadOnlyList<Relation> relations, IReadOnlyList<int?> published, IEnumerable<int> targets)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var x = published.Select(v => solver.MakeNumVar(v ?? 0, v ?? Cap, "")).ToArray();
        foreach (var relation in relations)
        {
            var sum = solver.MakeConstraint(0, 0, "");
            sum.SetCoefficient(x[relation.Total], 1);
            foreach (var part in relation.Parts) sum.SetCoefficient(x[part], -1);
        }
        double Solve(int target, bool maximize)
        {
            var objective = solver.Objective();
            objective.Clear();
            objective.SetCoefficient(x[target], 1);
            objective.SetOptimizationDirection(maximize);
            Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
            return objective.Value();
        }
        return [.. targets.Select(t => (t, Solve(t, maximize: false), Solve(t, maximize: true)))];
    }

    /// <summary>Every hidden count whose true value is a primary (1 to threshold − 1), with the range the attacker finds.</summary>
    public static IReadOnlyList<(int Index, int Value, double Min, double Max)> HiddenPrimaries(LinkedCounts counts, ProtectedCounts shown, int threshold)
    {
        var published = Enumerable.Range(0, counts.Count).Select(shown.Published).ToList();
        var primaries = Enumerable.Range(0, counts.Count).Where(i => shown.IsHidden(i) && counts[i] > 0 && counts[i] < threshold).ToList();
        return [.. Ranges(counts.Relations, published, primaries).Select(r => (r.Index, counts[r.Index], r.Min, r.Max))];
    }

    /// <summary>The hidden primaries the attacker pins to a range narrower than the threshold (with GLOP's tolerance).</summary>
    public static IReadOnlyList<(int Index, int Value, double Min, double Max)> Narrow(LinkedCounts counts, ProtectedCounts shown, int threshold) =>
        [.. HiddenPrimaries(counts, shown, threshold).Where(r => r.Max - r.Min < threshold - 1e-6)];
}
