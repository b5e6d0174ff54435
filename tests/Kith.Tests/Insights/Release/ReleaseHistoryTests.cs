using Kith.Insights.Release;
using Kith.Platform.Privacy;
using static Kith.Insights.Release.ReleaseHistory;

namespace Kith.Tests.Insights.Release;

/// <summary>The rule between successive releases, count by count, and the protection it feeds (plain C#).</summary>
public sealed class ReleaseHistoryTests
{
    private static PublishedCount Was(int value, bool hidden, string shown) => new() { Family = "concerns", CountKey = "k", Value = value, Hidden = hidden, Shown = shown };

    [Theory]
    [InlineData(15, false, "15", 15, "Known")]        // shown with this value: everyone knows it
    [InlineData(15, false, "15", 18, "MovedByAFew")]  // 3 more since it was shown
    [InlineData(15, false, "15", 26, "Free")]         // 11 more: the protection decides as for any count
    [InlineData(15, false, "15", 5, "MovedByAFew")]   // 10 fewer: counts go down too
    [InlineData(28, false, "15,28", 18, "MovedByAFew")] // 3 from 15, shown two releases ago: every earlier value counts
    [InlineData(18, true, "15", 18, "MovedByAFew")]
    [InlineData(4, true, "", 4, "StillHidden")]       // hidden and unchanged
    [InlineData(16, true, "", 16, "StillHidden")]     // hidden as a complement and unchanged, whatever its size
    [InlineData(16, true, "12", 12, "Known")]         // back to a value once shown
    [InlineData(16, true, "", 17, "Free")]            // hidden, changed, never shown: nothing to subtract from
    [InlineData(0, false, "0", 12, "Free")]
    [InlineData(0, false, "0", 5, "MovedByAFew")]
    public void A_count_is_judged_against_every_value_it_was_shown_with(int value, bool hidden, string shown, int now, string verdict) =>
        Assert.Equal(Enum.Parse<Verdict>(verdict), Judge(now, Was(value, hidden, shown), 11));

    [Fact]
    public void A_known_count_is_never_hidden_to_protect_another_and_the_protection_looks_further()
    {
        // A week of two areas: yesterday's release showed area A's 20 and the week's total 26 (so B's 6 was hidden with
        // a complement elsewhere). Today A is still 20 and known; B is still 6: B must not be protected by hiding A — a
        // hidden 20 everyone knows protects nothing — so the total goes.
        var counts = new LinkedCounts();
        var (a, b) = (counts.Add(20), counts.Add(6));
        var total = counts.AddTotal([a, b]);
        var alone = SmallCells.Protect(counts, 11);
        Assert.True(alone.IsHidden(b) && alone.IsHidden(a) && !alone.IsHidden(total)); // the smallest shown part goes first

        var withHistory = SmallCells.Protect(counts, 11, known: [a]);
        Assert.False(withHistory.IsHidden(a));
        Assert.True(withHistory.IsHidden(b) && withHistory.IsHidden(total));
        Assert.All(SmallCells.Audit(withHistory, 11), range => Assert.True(range.AtLeast(11)));
    }

    [Fact]
    public void After_a_release_only_new_and_changed_counts_are_stored_and_the_same_counts_give_the_same_release()
    {
        var counts = new LinkedCounts();
        var (a, b) = (counts.Add(15), counts.Add(3));
        var total = counts.AddTotal([a, b]);
        var keys = new List<(int, string)> { (a, "a"), (b, "b"), (total, "total") };
        var first = For(keys, counts, new Dictionary<string, PublishedCount>(), 11).Protect(counts, 11);
        var stored = After("concerns", keys, first, new Dictionary<string, PublishedCount>());
        Assert.Equal(3, stored.Count);
        Assert.All(stored, s => Assert.False(s.Exists));
        var rows = stored.ToDictionary(s => s.Row.CountKey, s => s.Row);
        Assert.True(rows["b"].Hidden);
        Assert.True(rows["a"].Hidden || rows["total"].Hidden);
        foreach (var (index, key) in keys)
            Assert.Equal(first.IsHidden(index) ? "" : counts[index].ToString(), rows[key].Shown);

        // Another node, or the next run with nothing new: the same hidden counts, nothing to store.
        var again = For(keys, counts, rows, 11).Protect(counts, 11);
        Assert.Equal(first.Hidden(), again.Hidden());
        Assert.Empty(After("concerns", keys, again, rows));
    }
}
