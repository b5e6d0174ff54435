using Kith.Platform.Safety;

namespace Kith.Tests.Platform.Safety;

/// <summary>
/// What fired before there was one engine still fires, the same way. risk-language-baseline.tsv was
/// generated from the old tables while they existed (triage's phrase books and search's RiskSignals list,
/// commit "Freeze what triage's phrase books…"): every alternative of every slot of every triage phrase,
/// with a timing word and after a negation, each on its form's language and as a search query; every
/// search phrase with case, spacing, typo and prefix variants. Each row holds exactly what the old code
/// fired (rules and tiers, or the search phrase), including nothing.
/// </summary>
public sealed class RiskLanguageBaselineTests
{
    private static readonly string[][] Rows = [.. File.ReadAllLines(
            Path.Combine(KithProcess.RepositoryRoot, "tests", "Kith.Tests", "Platform", "Safety", "risk-language-baseline.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))];

    [Fact]
    public void Every_narrative_fires_the_rules_and_tiers_triage_fired()
    {
        var rows = Rows.Where(r => r[0] == "narrative").ToList();
        Assert.True(rows.Count(r => r[3] != "-") > 3000, "the baseline lost its firing cases");
        var differ = rows
            .Select(r => (Row: r, Now: Fired(RiskLanguage.ReadNarrative(r[2], r[1]))))
            .Where(x => x.Now != x.Row[3])
            .Select(x => $"{x.Row[1]} \"{x.Row[2]}\": was {x.Row[3]}, now {x.Now}")
            .ToList();
        Assert.True(differ.Count == 0, string.Join('\n', differ.Take(30)));
    }

    [Fact]
    public void Every_query_fires_the_search_phrase_search_fired()
    {
        var rows = Rows.Where(r => r[0] == "query").ToList();
        Assert.True(rows.Count(r => r[3] != "-") > 300, "the baseline lost its firing cases");
        var differ = rows
            .Select(r => (Row: r, Now: RiskLanguage.ReadQuery(r[2])?.Term ?? "-"))
            .Where(x => x.Now != x.Row[3])
            .Select(x => $"\"{x.Row[2]}\": was {x.Row[3]}, now {x.Now}")
            .ToList();
        Assert.True(differ.Count == 0, string.Join('\n', differ.Take(30)));
    }

    // As the baseline wrote it: each distinct "Tier:rule", sorted, "-" for none.
    private static string Fired(IEnumerable<RiskSignal> signals)
    {
        var fired = new SortedSet<string>(signals.Select(s => $"{s.Tier}:{s.Rule}"), StringComparer.Ordinal);
        return fired.Count == 0 ? "-" : string.Join(',', fired);
    }
}
