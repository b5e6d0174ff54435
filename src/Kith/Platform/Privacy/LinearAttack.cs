using Google.OrTools.LinearSolver;

namespace Kith.Platform.Privacy;

/// <summary>
/// What an attacker who sees everything published from a set of <see cref="LinkedCounts"/> can work out about a
/// hidden count: the smallest and largest value it takes in any non-negative solution of the relations with every
/// published count fixed — a linear program (GLOP) per bound. The attacker is not told which hidden counts were
/// small (one marker hides every cell), so a hidden count is only known to be at least 0.
/// One model serves every question: only the objective changes, and the simplex goes on from its last basis.
/// Every solution found is a possible truth, kept in <see cref="Seen"/>: a count already seen that far apart needs
/// no program of its own.
/// </summary>
internal sealed class LinearAttack : IDisposable
{
    // GLOP's answers are floating point; a range is judged with this much slack.
    private const double Slack = 1e-6;

    private readonly Solver solver;
    // Presolve would report an unbounded count as infeasible, and would start each program afresh.
    private readonly MPSolverParameters parameters = new();
    private readonly Dictionary<int, Variable> unknowns = [];

    /// <param name="seen">Solutions seen so far, kept by the caller across attacks on ever more hidden counts (a
    /// solution stays one when a published count is hidden: it keeps its true value).</param>
    public LinearAttack(LinkedCounts counts, Func<int, bool> hidden, SeenValues? seen = null)
    {
        Seen = seen ?? new SeenValues(counts);
        solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OrTools has no GLOP solver here.");
        parameters.SetIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE, (int)MPSolverParameters.PresolveValues.PRESOLVE_OFF);
        foreach (var relation in counts.Relations)
        {
            if (!relation.Members.Any(hidden)) continue;
            // total − Σ parts = 0, with published counts moved to the right-hand side.
            var known = 0.0;
            var terms = relation.Parts.Select(p => (Index: p, Sign: -1.0)).Append((Index: relation.Total, Sign: 1.0));
            var constraint = solver.MakeConstraint(0, 0, "");
            foreach (var (index, sign) in terms)
                if (hidden(index)) constraint.SetCoefficient(Unknown(index), sign);
                else known += sign * counts[index];
            constraint.SetBounds(-known, -known);
        }
    }

    public SeenValues Seen { get; }

    /// <summary>
    /// The tightest bounds the relations give a hidden count; the upper one is +∞ when nothing bounds it.
    /// (A count in no relation is unknown: [0, +∞).)
    /// </summary>
    public (double Min, double Max) Range(int index)
    {
        if (!unknowns.TryGetValue(index, out var unknown)) return (0, double.PositiveInfinity);
        var max = Extreme([unknown], maximize: true) ?? double.PositiveInfinity;
        // 0 is every hidden count's floor, so a solution that reached it settles the minimum.
        var min = Seen.Low(index) <= 0 ? 0 : Extreme([unknown], maximize: false)!.Value;
        return (Math.Max(0, min), max);
    }

    /// <summary>Whether a hidden count's range is at least <paramref name="width"/> wide, solving only as far as needed.</summary>
    public bool Wide(int index, int width)
    {
        if (!unknowns.TryGetValue(index, out var unknown) || Seen.Wide(index, width)) return true;
        if (Extreme([unknown], maximize: true) is null) return true;
        return Seen.Wide(index, width) || Extreme([unknown], maximize: false) is not null && Seen.Wide(index, width);
    }

    /// <summary>
    /// Looks for solutions that spread many counts at once, before they are judged one by one: one with their sum
    /// as low as it goes, then ones with the sum of those not yet seen wide as high as it goes, while that still
    /// settles enough of them to be worth a program.
    /// </summary>
    public void Spread(IReadOnlyCollection<int> indices, int width)
    {
        var targets = indices.Where(unknowns.ContainsKey).ToList();
        if (targets.Count == 0) return;
        Extreme(targets.Select(i => unknowns[i]), maximize: false);
        while (true)
        {
            var unsure = targets.Where(i => !Seen.Wide(i, width)).ToList();
            if (unsure.Count < 2 || Extreme(unsure.Select(i => unknowns[i]), maximize: true) is null) return;
            if (unsure.Count(i => Seen.Wide(i, width)) < Math.Max(2, unsure.Count / 20)) return;
        }
    }

    /// <summary>Width judged as <see cref="Wide(int, int)"/> does, for bounds found elsewhere.</summary>
    public static bool Wide((double Min, double Max) range, int width) => range.Max - range.Min >= width - Slack;

    /// <summary>The extreme of the sum of <paramref name="aims"/>, or null if it grows without bound.</summary>
    private double? Extreme(IEnumerable<Variable> aims, bool maximize)
    {
        var objective = solver.Objective();
        objective.Clear();
        foreach (var aim in aims) objective.SetCoefficient(aim, 1);
        if (maximize) objective.SetMaximization(); else objective.SetMinimization();
        var status = solver.Solve(parameters);
        if (status == Solver.ResultStatus.UNBOUNDED && maximize) return null;
        if (status != Solver.ResultStatus.OPTIMAL)
            throw new InvalidOperationException($"The linear program of published counts ended {status}; the true counts are a solution, so it cannot be infeasible.");
        foreach (var (index, unknown) in unknowns) Seen.Add(index, unknown.SolutionValue());
        return objective.Value();
    }

    private Variable Unknown(int index)
    {
        if (!unknowns.TryGetValue(index, out var unknown))
            unknowns[index] = unknown = solver.MakeNumVar(0, double.PositiveInfinity, "");
        return unknown;
    }

    public void Dispose()
    {
        parameters.Dispose();
        solver.Dispose();
    }
}

/// <summary>Per count, the lowest and highest value it had in a solution of the relations (at first, its true value).</summary>
internal sealed class SeenValues
{
    private readonly double[] low;
    private readonly double[] high;

    public SeenValues(LinkedCounts counts)
    {
        low = Enumerable.Range(0, counts.Count).Select(i => (double)counts[i]).ToArray();
        high = low.ToArray();
    }

    public double Low(int index) => low[index];

    public void Add(int index, double value)
    {
        if (value < low[index]) low[index] = value;
        if (value > high[index]) high[index] = value;
    }

    /// <summary>Whether the count is proved at least this wide: both ends were seen in solutions.</summary>
    public bool Wide(int index, int width) => LinearAttack.Wide((low[index], high[index]), width);
}
