namespace Kith.Platform.Privacy;

/// <summary>
/// When figures published again and again may change. Each table on its own hides small cells
/// (<see cref="SmallCells"/>), but two tables published at different times can be subtracted: 12 answers with a
/// mean of 0.0, then 13 with a mean of 0.5, tell everyone the thirteenth person's score. So a fresh set of counts
/// is released only if every count in it differs from the same count in every earlier release by 0 or by at least
/// the threshold — the people who make the difference are then none, or at least as many as any published cell —
/// and otherwise the latest earlier release stays shown, whole, so its means never meet a newer count.
/// A count hidden in either release is not compared: its value was never published. Compare with every earlier
/// release, not only the latest, because counts can go down as well as up (a reopened campaign counts fewer days).
/// Statistics (means, rates) are not compared: they are published only beside their own count, and go with it.
/// </summary>
internal static class Releases
{
    /// <summary>Whether two published values of one count may both be shown: equal, far enough apart, or either hidden.</summary>
    public static bool Apart(int? one, int? other, int threshold) =>
        one is not { } a || other is not { } b || Math.Abs(a - b) is var d && (d == 0 || d >= threshold);

    /// <summary>
    /// Whether <paramref name="fresh"/> may be released after <paramref name="earlier"/>: every count it shares with
    /// an earlier release (same key) is <see cref="Apart"/> from it. Keys only one side has are new or gone.
    /// </summary>
    public static bool MayFollow(IReadOnlyDictionary<string, int?> fresh, IEnumerable<IReadOnlyDictionary<string, int?>> earlier, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        return earlier.All(release => fresh.All(count => !release.TryGetValue(count.Key, out var was) || Apart(count.Value, was, threshold)));
    }

    /// <summary>
    /// What to show now, given the releases so far (oldest first) and the fresh figures: the fresh ones if they
    /// may follow every earlier release (<c>Released: true</c>: store them as the next release), else the latest
    /// earlier release.
    /// </summary>
    public static (T Shown, bool Released) Choose<T>(T fresh, IReadOnlyList<T> earlier, Func<T, IReadOnlyDictionary<string, int?>> counts, int threshold)
    {
        if (earlier.Count == 0) return (fresh, true);
        return MayFollow(counts(fresh), earlier.Select(counts), threshold) ? (fresh, true) : (earlier[^1], false);
    }
}
