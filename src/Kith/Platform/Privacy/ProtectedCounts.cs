namespace Kith.Platform.Privacy;

/// <summary>A set of <see cref="LinkedCounts"/> with the ones <see cref="SmallCells.Protect"/> hides.</summary>
internal sealed class ProtectedCounts(LinkedCounts counts, bool[] hidden)
{
    public LinkedCounts Counts => counts;
    public bool IsHidden(int index) => hidden[index];

    /// <summary>The count to show, or null where one marker stands for it.</summary>
    public int? Published(int index) => hidden[index] ? null : counts[index];

    /// <summary>Indices of the hidden counts, ascending: to carry into another set that shares some of them.</summary>
    public IEnumerable<int> Hidden() => Enumerable.Range(0, hidden.Length).Where(i => hidden[i]);
}

/// <summary>
/// How far an attacker's linear program can pin down a hidden count: it lies in [<see cref="Min"/>, <see cref="Max"/>]
/// (Max is +∞ when nothing bounds it). The count's true value is <see cref="Value"/>.
/// </summary>
internal sealed record ProtectionInterval(int Index, int Value, double Min, double Max)
{
    public double Width => Max - Min;
    public bool AtLeast(int threshold) => LinearAttack.Wide((Min, Max), threshold);
}
