namespace Kith.Platform.Privacy;

/// <summary>
/// Counts that are published together and the additive relations among them: a day's total across areas, a week's
/// count as the sum of its days, a table's margins. Whatever is published from one set of linked counts can be
/// combined by anyone, so <see cref="SmallCells.Protect"/> hides cells of the whole set at once, never of one view.
/// Counts are referred to by the index <see cref="Add"/> gave them.
/// </summary>
internal sealed class LinkedCounts
{
    private readonly List<int> values = [];
    private readonly List<Relation> relations = [];
    private readonly List<List<int>> relationsOf = [];

    public int Count => values.Count;
    public int this[int index] => values[index];
    public IReadOnlyList<Relation> Relations => relations;

    /// <summary>The relations a count takes part in, as a part or as the total, in the order they were added.</summary>
    public IReadOnlyList<int> RelationsOf(int index) => relationsOf[index];

    public int Add(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        values.Add(value);
        relationsOf.Add([]);
        return values.Count - 1;
    }

    /// <summary>Adds a count that is the sum of <paramref name="parts"/>, related to them; returns its index.</summary>
    public int AddTotal(IEnumerable<int> parts)
    {
        var list = parts.ToArray();
        var total = Add(list.Sum(p => values[Valid(p)]));
        Relate(total, list);
        return total;
    }

    /// <summary>Records that the count at <paramref name="total"/> is the sum of the counts at <paramref name="parts"/>.</summary>
    public void Relate(int total, IEnumerable<int> parts)
    {
        var list = parts.ToArray();
        if (list.Length == 0) throw new ArgumentException("A relation needs at least one part.", nameof(parts));
        if (list.Distinct().Count() != list.Length || list.Contains(total)) throw new ArgumentException("A count appears twice in one relation.", nameof(parts));
        if (list.Sum(p => values[Valid(p)]) != values[Valid(total)])
            throw new ArgumentException($"Count {total} is {values[total]}, not the sum of its parts.", nameof(parts));
        relations.Add(new Relation(total, list));
        foreach (var member in list.Append(total)) relationsOf[member].Add(relations.Count - 1);
    }

    private int Valid(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, values.Count);
        return index;
    }
}

/// <summary>The count at <see cref="Total"/> equals the sum of the counts at <see cref="Parts"/>.</summary>
internal sealed record Relation(int Total, IReadOnlyList<int> Parts)
{
    public IEnumerable<int> Members => Parts.Append(Total);
}
