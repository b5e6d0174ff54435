using FsCheck;
using FsCheck.Fluent;
using Kith.Platform.Privacy;

namespace Kith.Tests.Platform.Privacy;

/// <summary>The release rule: worked examples (the finding's attack among them), then the rule as properties over random histories.</summary>
public sealed class ReleasesTests
{
    private const int Threshold = 11;

    private static Dictionary<string, int?> Figures(int? responses, int? positive = 0) => new() { ["responses"] = responses, ["positive"] = positive };

    [Fact]
    public void Thirteen_after_twelve_keeps_the_twelve_shown()
    {
        var twelve = Figures(12);
        var (shown, released) = Releases.Choose(Figures(13, null), [twelve], f => f, Threshold);
        Assert.False(released);
        Assert.Same(twelve, shown);
    }

    [Fact]
    public void Unchanged_or_far_enough_moves_are_released()
    {
        Assert.True(Releases.MayFollow(Figures(12), [Figures(12)], Threshold));
        Assert.True(Releases.MayFollow(Figures(23, 11), [Figures(12, 0)], Threshold));
        Assert.False(Releases.MayFollow(Figures(22, 0), [Figures(12, 0)], Threshold));
        Assert.True(Releases.Choose(Figures(5, null), [], f => f, Threshold).Released);
    }

    [Fact]
    public void Every_earlier_release_counts_not_only_the_latest()
    {
        // 12, then 30 (reopened: fewer days counted), then 13 would sit one away from the first.
        Assert.True(Releases.MayFollow(Figures(30), [Figures(12)], Threshold));
        Assert.False(Releases.MayFollow(Figures(13), [Figures(12), Figures(30)], Threshold));
    }

    [Fact]
    public void A_hidden_count_is_compared_with_nothing_and_a_count_new_to_the_table_with_nothing()
    {
        Assert.True(Releases.Apart(null, 12, Threshold));
        Assert.True(Releases.Apart(13, null, Threshold));
        Assert.True(Releases.MayFollow(new Dictionary<string, int?> { ["new group"] = 1 }, [Figures(12)], Threshold));
    }

    [Fact]
    public void No_two_shown_releases_of_a_count_differ_by_one_to_threshold_minus_one() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Histories(), history =>
        {
            var shown = Replay(history);
            return shown.SelectMany((a, i) => shown.Skip(i + 1).Select(b => (a, b)))
                .All(pair => pair.a.Keys.Intersect(pair.b.Keys).All(k =>
                    pair.a[k] is not { } x || pair.b[k] is not { } y || Math.Abs(x - y) is 0 or >= Threshold));
        }));

    [Fact]
    public void What_is_shown_is_always_a_release_and_unchanged_figures_are_always_shown() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Histories(), history =>
        {
            var releases = new List<IReadOnlyDictionary<string, int?>>();
            foreach (var fresh in history)
            {
                var (shown, released) = Releases.Choose(fresh, releases, f => f, Threshold);
                if (released) releases.Add(fresh);
                if (!releases.Contains(shown)) return false;
                if (!Releases.Choose(shown, releases, f => f, Threshold).Released) return false;
            }
            return true;
        }));

    /// <summary>What a page would have shown over a history of fresh figures: each release as it was stored.</summary>
    private static List<IReadOnlyDictionary<string, int?>> Replay(IEnumerable<IReadOnlyDictionary<string, int?>> history)
    {
        var releases = new List<IReadOnlyDictionary<string, int?>>();
        foreach (var fresh in history)
            if (Releases.Choose(fresh, releases, f => f, Threshold).Released) releases.Add(fresh);
        return releases;
    }

    /// <summary>Counts that drift up and down by small steps, sometimes hidden, sometimes a count comes or goes.</summary>
    private static Arbitrary<IReadOnlyDictionary<string, int?>[]> Histories()
    {
        var keys = new[] { "responses", "band:a", "band:b", "flag" };
        var figures =
            from values in Gen.Frequency((4, Gen.Choose(0, 40).Select(v => (int?)v)), (1, Gen.Constant((int?)null))).ArrayOf(keys.Length)
            from present in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false))).ArrayOf(keys.Length)
            select (IReadOnlyDictionary<string, int?>)keys.Select((k, i) => (k, v: values[i], p: present[i])).Where(x => x.p).ToDictionary(x => x.k, x => x.v);
        return Arb.From(Gen.Choose(1, 12).SelectMany(n => figures.ArrayOf(n)));
    }
}
