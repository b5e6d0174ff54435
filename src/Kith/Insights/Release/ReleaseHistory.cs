using System.Globalization;
using Kith.Platform.Privacy;

namespace Kith.Insights.Release;

/// <summary>
/// Releases follow one another every counting run, and an attacker keeps every download: a week shown as 15 on one day and
/// 18 on the next tells that 3 concerns came between, however well each release hides its own small counts. So, count by
/// count (the security issue's release rule, <see cref="Releases"/>), against every value a count was ever shown with:
/// <list type="bullet">
/// <item>shown before with the value it has now: everyone knows it — it is shown again, never hidden to protect
/// another (that would hide nothing), and the attack takes it as published;</item>
/// <item>within 1 … threshold − 1 of a value it was shown with (counts go down as well as up: a recount moves a concern
/// to another area): hidden, and protected as a small count is — pinned down, it would tell the few;</item>
/// <item>hidden last time and unchanged: stays hidden — shown now, it could be taken from the totals the last release
/// published and give the small count it was hidden to protect.</item>
/// </list>
/// All three go to <see cref="SmallCells.Protect"/>, so each release stays one protected set.
/// </summary>
internal static class ReleaseHistory
{
    /// <summary>What the history asks of the next release: counts to hide, counts everyone knows, counts to protect as if small.</summary>
    internal sealed record Plan(IReadOnlyList<int> Hide, IReadOnlyList<int> Known, IReadOnlyList<int> Guard)
    {
        public ProtectedCounts Protect(LinkedCounts counts, int threshold) => SmallCells.Protect(counts, threshold, Hide, Known, Guard);
    }

    public static Plan For(IReadOnlyList<(int Index, string Key)> keys, LinkedCounts counts, IReadOnlyDictionary<string, PublishedCount> before, int threshold)
    {
        List<int> hide = [], known = [], guard = [];
        foreach (var (index, key) in keys)
        {
            if (!before.TryGetValue(key, out var was)) continue;
            switch (Judge(counts[index], was, threshold))
            {
                case Verdict.Known: known.Add(index); break;
                case Verdict.MovedByAFew: hide.Add(index); guard.Add(index); break;
                case Verdict.StillHidden: hide.Add(index); break;
            }
        }
        return new Plan(hide, known, guard);
    }

    internal enum Verdict { Free, Known, MovedByAFew, StillHidden }

    public static Verdict Judge(int value, PublishedCount was, int threshold)
    {
        var shown = Shown(was).ToList();
        if (shown.Contains(value)) return Verdict.Known;
        if (shown.Any(s => !Releases.Apart(value, s, threshold))) return Verdict.MovedByAFew;
        return was.Hidden && was.Value == value ? Verdict.StillHidden : Verdict.Free;
    }

    /// <summary>The rows to store after <paramref name="published"/> is released: new counts, and counts whose value, state or shown values changed.</summary>
    public static IReadOnlyList<(PublishedCount Row, bool Exists)> After(string family, IReadOnlyList<(int Index, string Key)> keys,
        ProtectedCounts published, IReadOnlyDictionary<string, PublishedCount> before)
    {
        var changes = new List<(PublishedCount, bool)>();
        foreach (var (index, key) in keys)
        {
            var value = published.Counts[index];
            var hidden = published.IsHidden(index);
            var was = before.GetValueOrDefault(key);
            var shown = was is null ? [] : Shown(was).ToList();
            if (!hidden && !shown.Contains(value)) shown = [.. shown.Append(value).Order()];
            var row = new PublishedCount
            {
                Family = family, CountKey = key, Value = value, Hidden = hidden,
                Shown = string.Join(",", shown.Select(v => v.ToString(CultureInfo.InvariantCulture))),
            };
            if (was is null || was.Value != row.Value || was.Hidden != row.Hidden || was.Shown != row.Shown) changes.Add((row, was is not null));
        }
        return changes;
    }

    private static IEnumerable<int> Shown(PublishedCount was) =>
        was.Shown.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture));
}
