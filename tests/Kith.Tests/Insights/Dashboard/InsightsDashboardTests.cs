using System.Globalization;
using AngleSharp.Html.Parser;
using Kith.Community.Demo;
using Kith.Platform.Jobs;
using Kith.Tests.Concerns;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Insights.Dashboard;

/// <summary>
/// Riverbend with eleven weeks of concerns (fake clock): thirteen a week in one area, three a week in a quiet one, eleven a
/// week in a steady one, and forty in the first area's last week — a spike. Counted by the job, as in production.
/// </summary>
public sealed class SpikeApp : KithApp, IAsyncLifetime
{
    // Monday 7 September 2026, 10 am in Riverbend (America/Chicago, CDT).
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 7, 15, 0, 0, TimeSpan.Zero));
    public string Busy { get; private set; } = "";
    public string Quiet { get; private set; } = "";
    public DateOnly SpikeWeek { get; } = new(2026, 11, 16);

    public SpikeApp() => Time = Clock;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        var areas = await ConcernData.ReadAsync(this, db => db.Areas.OrderBy(a => a.Code).Select(a => new { a.Id, a.Code }).ToListAsync());
        (Busy, Quiet) = (areas[0].Code, areas[1].Code);
        for (var week = 0; week < 11; week++)
        {
            var busy = week == 10 ? 40 : 13;
            for (var i = 0; i < busy; i++) await ConcernData.SubmitAsync(CreateClient(), ConcernData.Routine(area: areas[0].Id));
            for (var i = 0; i < 3; i++) await ConcernData.SubmitAsync(CreateClient(), ConcernData.Routine(area: areas[1].Id));
            for (var i = 0; i < 11; i++) await ConcernData.SubmitAsync(CreateClient(), ConcernData.Routine(area: areas[2].Id));
            Clock.Advance(TimeSpan.FromDays(7));
        }
        var runner = Services.GetRequiredService<JobRunner>();
        await runner.RegisterRecurringJobsAsync(CancellationToken.None);
        while (await runner.RunDueAsync(CancellationToken.None) > 0) { }
    }
}

/// <summary>
/// Issue 16, item 5: a leader's overview, chart and map show the spike; every number in a chart's CSV is the number its
/// table shows, hidden the same way; other staff cannot see Insights; bad filters get a clear message, never a 500.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InsightsDashboardTests(SpikeApp app) : IClassFixture<SpikeApp>
{
    private static readonly HtmlParser Html = new();

    [Fact]
    public async Task A_leader_sees_the_spike_on_the_overview_the_chart_and_the_map_and_the_CSV_has_the_same_numbers()
    {
        var (leader, _) = await Staff.SignedInAsync(app, "leader@spike.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "Spike Coalition"));

        var overview = Html.ParseDocument(await leader.GetStringAsync("/staff/insights?indicator=concerns"));
        var busyRow = overview.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href")!.EndsWith("area=" + app.Busy));
        Assert.True("insights-spike" == busyRow.ClassName, await leader.GetStringAsync($"/staff/insights/chart.csv?indicator=concerns&area={app.Busy}&area={app.Quiet}&area=all&period=12"));
        var query = $"indicator=concerns&area={app.Busy}&area={app.Quiet}&period=12";
        var chart = Html.ParseDocument(await leader.GetStringAsync("/staff/insights/chart?" + query));
        var rows = chart.QuerySelectorAll("table.insights-table tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        var spike = rows.SingleOrDefault(r => r[0] == Day(app.SpikeWeek) && r[2] == "40");
        Assert.True(spike is not null, string.Join("\n", rows.Select(r => string.Join(" | ", r))));
        Assert.Equal("Spike", spike[5]);
        Assert.Single(chart.QuerySelectorAll("svg circle.insights-alarm"));
        Assert.NotEmpty(chart.QuerySelectorAll("svg polygon.insights-band"));
        // Three a week in the quiet area: hidden every week, on the page and in the CSV.
        var quiet = rows.Where(r => r[1] != spike![1] && !r[0].EndsWith("(so far)")).ToList();
        Assert.Equal(11, quiet.Count);
        Assert.All(quiet, r => Assert.Equal("Hidden", r[2]));

        var csv = await leader.GetAsync("/staff/insights/chart.csv?" + query);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Trim().Split('\n').Select(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(["week_starting", "area", "indicator", "count", "status", "mean", "expected", "upper_bound", "spike", "complete"], lines[0]);
        Assert.Equal(rows.Count, lines.Count - 1);
        foreach (var (row, line) in rows.Zip(lines.Skip(1)))
        {
            Assert.Equal(row[0].Replace(" (so far)", ""), Day(DateOnly.ParseExact(line[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Assert.Equal(row[2] == "Hidden" ? "" : row[2], line[3]);
            Assert.Equal(row[2] == "Hidden" ? "hidden" : "", line[4]);
            Assert.Equal(row[3] == "—" ? "" : Math.Round(double.Parse(line[6], CultureInfo.InvariantCulture), 1).ToString("N1", CultureInfo.InvariantCulture), row[3] == "—" ? line[6] : row[3]);
            Assert.Equal(row[5] switch { "Spike" => "TRUE", "No" => "FALSE", _ => "" }, line[8]);
        }

        var map = Html.ParseDocument(await leader.GetStringAsync($"/staff/insights/map?indicator=concerns&week={app.SpikeWeek:yyyy-MM-dd}"));
        Assert.Contains(map.QuerySelectorAll("svg g.gap-area"), g => g.ClassList.Contains("gap-class-5") && g.QuerySelector("title")!.TextContent.Contains(':'));
        var mapRows = map.QuerySelectorAll("table.insights-table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(mapRows, r => r[2] == "40" && r[4] == "Spike");
        var mapCsv = await leader.GetStringAsync($"/staff/insights/map.csv?indicator=concerns&week={app.SpikeWeek:yyyy-MM-dd}");
        Assert.Contains($"{app.SpikeWeek:yyyy-MM-dd},{app.Busy},", mapCsv);
        Assert.Contains(",concerns,40,,", mapCsv);
    }

    [Fact]
    public async Task Other_staff_cannot_open_Insights_and_bad_filters_get_a_clear_answer()
    {
        var (responder, _) = await Staff.SignedInAsync(app, "responder@spike.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Spike School"));
        Assert.NotEqual(HttpStatusCode.OK, (await responder.GetAsync("/staff/insights")).StatusCode);
        var download = await responder.GetAsync("/staff/insights/chart.csv?indicator=concerns");
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.NotEqual("text/csv", download.Content.Headers.ContentType?.MediaType);

        var (coordinator, _) = await Staff.SignedInAsync(app, "coordinator@spike.test", Roles.Coordinator, await Staff.AddOrganisationAsync(app, "Spike Clinic"));
        var page = await coordinator.GetAsync("/staff/insights/chart?indicator=nothing&area=atlantis&period=7");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = Html.ParseDocument(await page.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Contains("There is no indicator “nothing”", text);
        Assert.Contains("There is no area “atlantis”", text);
        Assert.Contains("There is no period “7”", text);
        var bad = await coordinator.GetAsync("/staff/insights/chart.csv?indicator=nothing&period=7");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.GetAsync("/staff/insights/map.csv?indicator=concerns&week=1999-01-04")).StatusCode);
    }

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
