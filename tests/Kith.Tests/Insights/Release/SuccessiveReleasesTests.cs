using System.Globalization;
using Kith.Community.Demo;
using Kith.Platform.Csv;
using Kith.Platform.Privacy;
using Kith.Tests.Platform.Privacy;
using Kith.Platform.Jobs;
using Kith.Tests.Concerns;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Insights.Release;

/// <summary>Riverbend on its own clock (Monday 7 September 2026, 10 am), nothing posted yet.</summary>
public sealed class ReleasesApp : KithApp, IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(SpikeHistory.Start);

    public ReleasesApp() => Time = Clock;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        await Services.GetRequiredService<JobRunner>().RegisterRecurringJobsAsync(CancellationToken.None);
    }
}

/// <summary>
/// Issue 16, item 2, across time: the release the dashboards show is rebuilt every counting run, and an attacker keeps
/// every download. Here an attacker downloads every area's daily and weekly concerns every day for nine days, while 15
/// concerns come on a Monday and 3 on the Tuesday in one area (and 20 each day in another). Given all the downloads at once (a count shown in any of
/// them is known), a linear program must not pin any hidden small count — the 3 above all, which the completed week
/// minus Monday's 15 would give — and no count may be shown with two values a few apart.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SuccessiveReleasesTests(ReleasesApp app) : IClassFixture<ReleasesApp>
{
    private const int Threshold = 11;

    [Fact]
    public async Task Downloads_kept_day_after_day_never_give_away_a_hidden_count()
    {
        var areas = await ConcernData.ReadAsync(app, db => db.Areas.OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync());
        var busy = areas[0];
        var (leader, _) = await Staff.SignedInAsync(app, "leader@releases.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "Releases Coalition"));
        // A day on the clock ends a staff session; the attacker signs in again each morning.
        async Task<HttpClient> Morning()
        {
            leader = app.Browser();
            await Staff.SignInAsync(leader, "leader@releases.test");
            return leader;
        }
        var monday = new DateOnly(2026, 9, 7);
        var downloads = new List<Dictionary<(char Kind, DateOnly Date, string Area), string>>();

        // Another area busy both days, so the week's totals can be shown and a count must be hidden beside the 3.
        await PostAsync(busy.Id, 15);
        await PostAsync(areas[1].Id, 20);
        await NextDayAsync();
        downloads.Add(await DownloadAsync(await Morning(), [.. areas.Select(a => a.Code)]));
        Assert.Equal("15", downloads[^1][('D', monday, busy.Name)]); // a complete day: shown
        Assert.DoesNotContain(downloads[^1].Keys, k => k.Kind == 'W' && k.Date == monday); // the week is still running: not shown

        await PostAsync(busy.Id, 3);
        await PostAsync(areas[1].Id, 20);
        for (var day = 0; day < 8; day++)
        {
            await NextDayAsync();
            downloads.Add(await DownloadAsync(await Morning(), [.. areas.Select(a => a.Code)]));
        }
        Assert.All(downloads.Skip(1), d => Assert.Equal("", d[('D', monday.AddDays(1), busy.Name)]));
        Assert.Contains(downloads[^1].Keys, k => k.Kind == 'W' && k.Date == monday); // complete now

        // No count shown with two values a few apart.
        var shown = downloads.SelectMany(d => d).Where(c => c.Value != "").GroupBy(c => c.Key, c => int.Parse(c.Value)).ToList();
        var apart = shown.Where(g => g.Distinct().Order().Zip(g.Distinct().Order().Skip(1)).Any(p => p.Second - p.First < Threshold)).Select(g => g.Key).ToList();
        Assert.True(apart.Count == 0, string.Join("\n", apart));

        // Everything ever shown, at once, with how counts add up: a week is its days, all areas are the areas.
        var known = shown.ToDictionary(g => g.Key, g => (int?)g.Last());
        var cells = downloads.SelectMany(d => d.Keys).Distinct().ToList();
        var index = cells.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var relations = new List<Relation>();
        foreach (var (kind, date, area) in cells)
        {
            if (kind == 'W') Add((kind, date, area), Enumerable.Range(0, 7).Select(d => ('D', date.AddDays(d), area)));
            if (area == "All areas") Add((kind, date, area), areas.Select(a => (kind, date, a.Name)).Append((kind, date, "No area known")));
        }
        void Add((char, DateOnly, string) total, IEnumerable<(char, DateOnly, string)> parts)
        {
            var p = parts.Where(index.ContainsKey).Select(x => index[x]).ToList();
            if (p.Count > 0) relations.Add(new Relation(index[total], p));
        }
        var tuesday = index[('D', monday.AddDays(1), busy.Name)];
        var ranges = Attacker.Ranges(relations, [.. cells.Select(c => known.GetValueOrDefault(c))], [tuesday]);
        Assert.True(ranges[0].Max - ranges[0].Min >= Threshold - 1e-6, $"Tuesday's 3 narrowed to {ranges[0].Min}–{ranges[0].Max}");
    }

    private async Task PostAsync(Guid area, int count)
    {
        for (var i = 0; i < count; i++) await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine(area: area));
    }

    /// <summary>A day on; the jobs that fell due (counting every 15 minutes, spike alerts hourly) run as they would.</summary>
    private async Task NextDayAsync()
    {
        app.Clock.Advance(TimeSpan.FromDays(1));
        var runner = app.Services.GetRequiredService<JobRunner>();
        while (await runner.RunDueAsync(CancellationToken.None) > 0) { }
    }

    /// <summary>Every count a leader can download of every area and all areas, daily and weekly: ('D'|'W', date, area) → count ("" hidden).</summary>
    private static async Task<Dictionary<(char, DateOnly, string), string>> DownloadAsync(HttpClient leader, IReadOnlyList<string> areaCodes)
    {
        var counts = new Dictionary<(char, DateOnly, string), string>();
        foreach (var batch in areaCodes.Append("none").Append("all").Chunk(3))
            foreach (var period in new[] { "12", "days" })
            {
                using var reader = new StringReader(await leader.GetStringAsync(
                    $"/staff/insights/chart.csv?indicator=concerns&{string.Join("&", batch.Select(b => "area=" + b))}&period={period}"));
                var header = Csv.ReadRecord(reader)!;
                while (Csv.ReadRecord(reader) is { } r)
                    counts[(period == "days" ? 'D' : 'W', DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), r[1])] = r[header.IndexOf("count")];
            }
        return counts;
    }
}
