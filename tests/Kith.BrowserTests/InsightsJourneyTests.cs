using System.Globalization;
using System.Net.Http.Json;
using Kith.Community.Contracts;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.BrowserTests;

/// <summary>
/// Riverbend on its own clock, eleven weeks from Monday 7 September 2026: concerns posted as the public posts them —
/// thirteen a week in one area, three in a quiet one, eleven in a steady one, and forty in the first area's last week.
/// The app's own jobs count them and raise the spike; a community leader watches the busy area.
/// </summary>
public sealed class SpikeKith() : InProcessKith(new DateTimeOffset(2026, 9, 7, 15, 0, 0, TimeSpan.Zero)), IAsyncLifetime
{
    public const string LeaderEmail = "insights-leader@browser.test";
    public static readonly DateOnly SpikeWeek = new(2026, 11, 16);
    public string BusyName { get; private set; } = "";
    public string BusyCode { get; private set; } = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var areas = await ReadAsync(db => db.Areas.OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync());
        (BusyName, BusyCode) = (areas[0].Name, areas[0].Code);
        var leader = await AddStaffAsync(LeaderEmail, Roles.Leader, await AddSchoolAsync("Insights Coalition (browser)"));
        await ReadAsync(db =>
        {
            db.AreaWatches.Add(new Kith.Insights.Alerts.AreaWatch { AreaId = areas[0].Id, UserId = leader, AssignedAt = DateTime.UtcNow, AssignedBy = "test" });
            return db.SaveChangesAsync();
        });
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        for (var week = 0; week < 11; week++)
        {
            foreach (var (area, count) in new[] { (areas[0].Id, week == 10 ? 40 : 13), (areas[1].Id, 3), (areas[2].Id, 11) })
                for (var i = 0; i < count; i++)
                {
                    var posted = await client.PostAsJsonAsync("/api/concerns", new
                    {
                        about = "friend", categories = new[] { "grief" }, urgency = "can-wait", language = "en", areaId = area,
                        narrative = "Marker-insights-browser: she seems very down since her grandmother died.",
                    });
                    posted.EnsureSuccessStatusCode();
                }
            Clock.Advance(TimeSpan.FromDays(7));
        }
        // The counting job's next run (every 15 minutes) counts the spike week; the alert job's (hourly) raises it.
        var counted = Clock.GetUtcNow().UtcDateTime;
        await UntilAsync(db => db.IndicatorRuns.AnyAsync(r => r.At >= counted), "the indicators were counted");
        Clock.Advance(TimeSpan.FromMinutes(61));
        await UntilAsync(db => db.InsightAlerts.AnyAsync(a => a.Indicator == "concerns"), "the spike was raised");
    }

    private async Task UntilAsync(Func<KithDb, Task<bool>> done, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await ReadAsync(done)) return;
            if (i % 25 == 24) Clock.Advance(TimeSpan.FromMinutes(16)); // a run claimed just before a clock move waits for the next
            await Task.Delay(100);
        }
        throw new TimeoutException($"Waited 30 s for: {what}.");
    }

    internal async Task<T> ReadAsync<T>(Func<KithDb, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KithDb>());
    }
}

/// <summary>
/// Issue 16's journey in a real browser: a community leader opens Insights, sees the spike in the busy area on the
/// overview, on the map and on the chart (the alarm marked, the expected band drawn), downloads the chart's CSV — the
/// same numbers as its table, hidden the same way — opens the alert, acknowledges it and records the action taken, each
/// answer landing focused. axe on every dashboard page, at desktop and phone sizes.
/// </summary>
public sealed class InsightsJourneyTests(SpikeKith app, ITestOutputHelper log) : IClassFixture<SpikeKith>
{
    [Fact]
    public async Task A_leader_sees_the_spike_on_the_map_and_the_chart_downloads_the_same_numbers_and_records_an_action()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, new DemoAccount("leader", SpikeKith.LeaderEmail, InProcessKith.Password));
        var problems = new List<string>();

        // The overview: the busy area's row says "Spike".
        await page.GotoAsync("/staff/insights");
        var busyRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = app.BusyName });
        await Assertions.Expect(busyRow).ToContainTextAsync("Spike");
        problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(page, "insights overview"));

        // The map: the spike week is the last complete one, the busy area in the darkest class.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Insights views" }).GetByRole(AriaRole.Link, new() { Name = "Map" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Insights map");
        // Demand on the first map; the directory's supply map beside it.
        await Assertions.Expect(page.Locator("figure.gap-map").First.Locator("svg g.gap-area.gap-class-5 title")).ToContainTextAsync(app.BusyName);
        await Assertions.Expect(page.Locator("figure.gap-map")).ToHaveCountAsync(2);
        var mapRow = page.Locator("table.insights-table tbody tr").Filter(new() { HasText = app.BusyName });
        await Assertions.Expect(mapRow).ToContainTextAsync("40");
        problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(page, "insights map"));

        // The chart: from the map's row; the spike marked, the band drawn, its row in the table.
        await mapRow.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Insights chart");
        await Assertions.Expect(page.Locator("svg circle.insights-alarm")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("svg polygon.insights-band").CountAsync() > 0);
        var spikeDay = SpikeKith.SpikeWeek.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-US"));
        await Assertions.Expect(page.Locator("table.insights-table tbody tr").Filter(new() { HasText = spikeDay })).ToContainTextAsync("Spike");
        problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(page, "insights chart"));

        // The CSV behind it: the table's numbers, hidden where the table hides them.
        var rows = await page.Locator("table.insights-table tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.children].map(c => c.textContent.trim()))");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download this table (CSV)" }).ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(rows.Length, lines.Count);
        foreach (var (row, line) in rows.Zip(lines))
        {
            Assert.Equal(row[2] == "hidden" ? "" : row[2].Replace(",", ""), line[3]);
            Assert.Equal(row[5] switch { "Spike" => "TRUE", "No" => "FALSE", _ => "" }, line[8]);
        }
        Assert.Contains(lines, l => l[3] == "40" && l[8] == "TRUE");

        // The alert: acknowledged, then the action recorded, each answer focused.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Insights views" }).GetByRole(AriaRole.Link, new() { Name = "Alerts" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Alerts");
        problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(page, "insights alerts"));
        var alert = page.Locator("table.insights-table tbody tr").Filter(new() { HasText = "Concerns received" }).Filter(new() { HasText = app.BusyName });
        await alert.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: I am looking into it" }).ClickAsync();
        await Assertions.Expect(page.Locator("#alert-done")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#alert-done")).ToContainTextAsync("Acknowledged");
        await page.GetByLabel("A listening circle").CheckAsync();
        await page.GetByLabel("Details (optional; say what, when and who — not about any person helped)").FillAsync("Listening circle at the library on Thursday evening");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the action" }).ClickAsync();
        await Assertions.Expect(page.Locator("#alert-done")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#alert-done")).ToContainTextAsync("Acted on: A listening circle");
        problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(page, "insights alert, acted on"));
        Assert.Equal("listening-circle", await app.ReadAsync(db => db.InsightAlerts.Where(a => a.Indicator == "concerns").Select(a => a.ActionKind).SingleAsync()));

        // The other Insights views, each reached from the same navigation, and the public page where stories come from.
        await page.GotoAsync("/staff/insights/alerts");
        foreach (var (link, heading) in new[] { ("Stories from the community", "Stories from the community"), ("Campaign groups", "Campaign groups"),
                     ("Group evaluation", "Group evaluation"), ("Prevention value", "Prevention value") })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Insights views" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(page, "insights " + heading.ToLowerInvariant()));
        }
        await page.GotoAsync("/stories");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(page, "share a story"));

        foreach (var problem in problems) log.WriteLine(problem);
        Assert.Empty(problems);
    }
}
