using System.Globalization;
using AngleSharp.Html.Parser;

namespace Kith.Tests.Insights.Evaluation;

/// <summary>
/// Issue 16, item 6: the before/after evaluation through HTTP — each shown row's figures computed here from the seeded
/// pairs (t quantiles from R's <c>qt</c>), a kind with fewer than 11 pairs hidden with another so "all kinds" gives
/// nothing away, the CSV the same as the table, only ended quarters, and only Insights staff.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EvaluationPageTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    private static readonly HtmlParser Html = new();

    /// <summary>qt(0.975, df) from R, for the row sizes seeded.</summary>
    private static readonly Dictionary<int, double> T975 = new()
    {
        [10] = 2.228138851986, [11] = 2.200985160092, [13] = 2.160368656463, [14] = 2.144786687918, [39] = 2.022690920037,
    };

    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["Support group"] = "support-group", ["Workshop"] = "workshop", ["Peer group"] = "peer-group", ["Walk and talk"] = "walk-and-talk",
    };

    [Fact]
    public async Task Each_shown_row_has_the_change_and_interval_of_its_pairs_small_kinds_are_hidden_and_the_CSV_is_the_table()
    {
        var (leader, _) = await Staff.SignedInAsync(app, "leader@evaluation.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "Evaluation Coalition"));
        var page = Html.ParseDocument(await leader.GetStringAsync("/staff/insights/evaluation"));
        Assert.Equal("2026-Q3", page.QuerySelector("#evaluation-period option[selected]")!.GetAttribute("value")); // the last ended quarter
        Assert.Equal(["2026-Q3", "2026-Q2"], page.QuerySelectorAll("#evaluation-period option").Select(o => o.GetAttribute("value")));
        var tables = page.QuerySelectorAll("table.insights-table").ToList();
        Assert.Equal(2, tables.Count);
        var byKind = Rows(tables[0]);
        var byArea = Rows(tables[1]);
        var q3 = app.Seeded.Where(p => p.Quarter == "2026-Q3").ToList();

        // The peer group rests on 3 people: hidden; so is another kind, so that all kinds minus the shown ones is at least 11.
        Assert.Equal(["hidden"], byKind["Peer group"]);
        var shownKinds = byKind.Where(r => Kinds.ContainsKey(r.Key) && r.Value[0] != "hidden").ToList();
        Assert.True(shownKinds.Count <= 2, string.Join("; ", shownKinds.Select(r => r.Key)));
        Assert.True(q3.Count - shownKinds.Sum(r => int.Parse(r.Value[0], CultureInfo.InvariantCulture)) >= 11);
        Assert.Equal(Expected(q3)[..5], byKind["All kinds"][..5]);
        Assert.Equal(byKind["All kinds"], byArea["All areas"]);

        var shown = 0;
        foreach (var (label, cells) in byKind.Where(r => Kinds.ContainsKey(r.Key)).Concat(byArea.Where(r => r.Key != "All areas")))
        {
            var pairs = Kinds.TryGetValue(label, out var kind) ? q3.Where(p => p.Kind == kind).ToList()
                : q3.Where(p => p.Area == (label == "No area known" ? "" : label)).ToList();
            if (cells[0] == "hidden") { Assert.Single(cells); continue; }
            if (pairs.Count == 0) { Assert.Equal(["0", "—"], cells); continue; } // an area of the deployment with no groups
            shown++;
            var expected = Expected(pairs);
            Assert.Equal(expected[..5], cells[..5]);
            Assert.Contains(cells[5], new[] { expected[5], "hidden" });
        }
        Assert.True(shown >= 3, $"only {shown} rows shown"); // North (14), South (15), no area (11) at least

        var csv = await leader.GetAsync("/staff/insights/evaluation.csv?period=2026-Q3");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Trim().Split('\n').Select(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(["quarter", "breakdown", "key", "label", "pairs", "status", "mean_before", "mean_after", "mean_change", "ci95_low", "ci95_high", "improved_10_points", "improved_status"], lines[0]);
        var areaNames = byArea.Keys.ToList();
        foreach (var line in lines.Skip(1))
        {
            var cells = line[1] switch
            {
                "kind" => byKind[Kinds.Single(k => k.Value == line[2]).Key],
                "area" => byArea[line[2] == "none" ? "No area known" : line[3]],
                _ => byKind["All kinds"],
            };
            Assert.Equal("2026-Q3", line[0]);
            Assert.Equal(cells[0], line[5] == "hidden" ? "hidden" : line[4]);
            if (line[5] == "hidden") { Assert.Equal("", line[4] + line[6] + line[8] + line[11]); continue; }
            if (line[6] == "") continue;
            string One(string v) => double.Parse(v, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture);
            string Signed(string v) => (double.Parse(v, CultureInfo.InvariantCulture) > 0 ? "+" : "") + One(v);
            Assert.Equal([One(line[6]), One(line[7]), Signed(line[8]), $"{Signed(line[9])} to {Signed(line[10])}"], cells[1..5]);
            Assert.Equal(cells[5] == "hidden" ? "hidden" : "", line[12]);
            if (cells[5] != "hidden") Assert.EndsWith($"({line[11]})", cells[5]);
        }
        Assert.Equal(byKind.Count - 1 + byArea.Count - 1 + 1, lines.Count - 1);
    }

    [Fact]
    public async Task A_quarter_resting_on_five_pairs_shows_nothing_and_a_running_or_unknown_quarter_is_refused()
    {
        var (coordinator, _) = await Staff.SignedInAsync(app, "coordinator@evaluation.test", Roles.Coordinator, await Staff.AddOrganisationAsync(app, "Evaluation Centre"));
        var q2 = Html.ParseDocument(await coordinator.GetStringAsync("/staff/insights/evaluation?period=2026-Q2"));
        var rows = q2.QuerySelectorAll("table.insights-table tbody tr").Select(r => r.Children.Skip(1).Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r is ["hidden"] or ["0", "—"], string.Join(" | ", r)));
        Assert.DoesNotContain("5", rows.SelectMany(r => r));

        // October's pairs are in a quarter still running: not offered, and nowhere in Q3.
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/staff/insights/evaluation?period=2026-Q4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/staff/insights/evaluation?period=last-year")).StatusCode);
        var badCsv = await coordinator.GetAsync("/staff/insights/evaluation.csv?period=2026-Q4");
        Assert.Equal(HttpStatusCode.BadRequest, badCsv.StatusCode);
        Assert.Contains("period", await badCsv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_outside_Insights_and_strangers_cannot_see_the_evaluation()
    {
        var (responder, _) = await Staff.SignedInAsync(app, "responder@evaluation.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Evaluation School"));
        Assert.NotEqual(HttpStatusCode.OK, (await responder.GetAsync("/staff/insights/evaluation")).StatusCode);
        var download = await responder.GetAsync("/staff/insights/evaluation.csv?period=2026-Q3");
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.DoesNotContain("mean_change", await download.Content.ReadAsStringAsync());
        using var stranger = app.Browser();
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync("/staff/insights/evaluation.csv?period=2026-Q3")).StatusCode);
    }

    /// <summary>Each body row by its heading: the cells after it, as shown.</summary>
    private static Dictionary<string, string[]> Rows(AngleSharp.Dom.IElement table) =>
        table.QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children.Skip(1).Select(c => c.TextContent.Trim()).ToArray());

    /// <summary>The row's cells computed here: n, means, change, its 95% interval (paired t), and the share up 10 points or more.</summary>
    private static string[] Expected(IReadOnlyList<(string Quarter, string Kind, string Area, int Before, int After)> pairs)
    {
        var n = pairs.Count;
        var d = pairs.Select(p => (double)(p.After - p.Before)).ToList();
        var mean = d.Sum() / n;
        var sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var half = T975[n - 1] * sd / Math.Sqrt(n);
        var improved = d.Count(x => x >= 10);
        string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        string S(double v) => (v > 0 ? "+" : "") + F(v);
        return [n.ToString(CultureInfo.InvariantCulture), F(pairs.Average(p => p.Before)), F(pairs.Average(p => p.After)), S(mean), $"{S(mean - half)} to {S(mean + half)}",
            $"{((double)improved / n).ToString("0%", CultureInfo.InvariantCulture)} ({improved})"];
    }
}
