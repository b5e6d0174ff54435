namespace Kith.ServiceDirectory.GapAnalysis;

/// <summary>The table's sortable columns, by the name they carry in <c>?sort=</c>. Unknown names fall back to the area name.</summary>
internal static class GapTableOrder
{
    public const string Default = "area";

    private static readonly Dictionary<string, Func<AreaSupply, double?>> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["population"] = r => r.Area.Population,
        ["in-area"] = r => r.InArea,
        ["reaching"] = r => r.Reaching,
        ["hours"] = r => r.OpenHours,
        ["hours-rate"] = r => r.HoursPer1k,
        ["capacity"] = r => r.CapacityAvailable,
        ["waitlists"] = r => r.Waitlists,
        ["rate"] = r => r.ServicesPer10k,
        // Gaps first when descending: no service, then below half the county rate.
        ["gap"] = r => r.Gap switch { GapFlag.NoService => 2, GapFlag.BelowHalfCountyRate => 1, GapFlag.None => 0, _ => null },
    };

    public static IReadOnlyList<string> Columns { get; } = [Default, .. Numbers.Keys];

    /// <summary>The known column for <paramref name="sort"/> (or the default) and whether it is descending.</summary>
    public static (string Sort, bool Descending) Parse(string? sort, string? dir)
    {
        var column = Columns.FirstOrDefault(c => string.Equals(c, sort?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Default;
        return (column, string.Equals(dir?.Trim(), "desc", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Rows in that order; rows without a value (no population) stay last either way; ties by area name.</summary>
    public static IReadOnlyList<AreaSupply> Apply(IEnumerable<AreaSupply> rows, string sort, bool descending)
    {
        if (!Numbers.TryGetValue(sort, out var key))
        {
            var byName = rows.OrderBy(r => r.Area.Name, StringComparer.CurrentCulture);
            return (descending ? byName.Reverse() : byName).ToList();
        }
        var known = rows.Where(r => key(r) is not null);
        var ordered = descending ? known.OrderByDescending(r => key(r)) : known.OrderBy(r => key(r));
        return [.. ordered.ThenBy(r => r.Area.Name, StringComparer.CurrentCulture), .. rows.Where(r => key(r) is null).OrderBy(r => r.Area.Name, StringComparer.CurrentCulture)];
    }
}
