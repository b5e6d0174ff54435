using System.Globalization;
using AngleSharp.Html.Parser;
using Kith.Community.Demo;
using Kith.Platform.Jobs;
using Kith.Platform.Privacy;
using Kith.Tests.Concerns;
using Kith.Tests.Platform.Privacy;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Insights.Dashboard;

/// <summary>Riverbend with the spike history (<see cref="SpikeHistory"/>), counted by the jobs as in production.</summary>
public sealed class SpikeApp : KithApp, IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(SpikeHistory.Start);
    public SpikeHistory History { get; private set; } = default!;
    public string Busy => History.Busy;
    public string Quiet => History.Quiet;
    public DateOnly SpikeWeek => SpikeHistory.SpikeWeek;

    public SpikeApp() => Time = Clock;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await base.InitializeAsync();
        History = await SpikeHistory.SeedAsync(this, Clock.Advance);
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
        // Complete weeks only (ADR 54): no running week, and the eleven weeks since the history began.
        Assert.DoesNotContain(rows, r => r[0].EndsWith("(so far)"));
        var quiet = rows.Where(r => r[1] != spike![1] && DateOnly.ParseExact(r[0], "d MMM yyyy", CultureInfo.InvariantCulture) >= DateOnly.FromDateTime(SpikeHistory.Start.Date)).ToList();
        Assert.Equal(11, quiet.Count);
        Assert.All(quiet, r => Assert.Equal("hidden", r[2]));

        var csv = await leader.GetAsync("/staff/insights/chart.csv?" + query);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Trim().Split('\n').Select(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(["week_starting", "area", "indicator", "count", "status", "mean", "expected", "upper_bound", "spike", "complete"], lines[0]);
        Assert.Equal(rows.Count, lines.Count - 1);
        foreach (var (row, line) in rows.Zip(lines.Skip(1)))
        {
            Assert.Equal(row[0].Replace(" (so far)", ""), Day(DateOnly.ParseExact(line[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Assert.Equal(row[2] == "hidden" ? "" : row[2], line[3]);
            Assert.Equal(row[2] == "hidden" ? "hidden" : "", line[4]);
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
    public async Task The_map_shows_the_directorys_gap_view_beside_demand_with_the_directorys_own_figures_in_page_and_CSV()
    {
        var (leader, _) = await Staff.SignedInAsync(app, "leader@supply.spike.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "Supply Coalition"));
        // The directory's own analysis, as its gaps page exports it: per area, services with a place there and the gap flag.
        var gaps = Records(await leader.GetStringAsync("/staff/directory/gaps.csv?category=counselling"));
        var gapColumns = gaps[0];
        var directory = gaps.Skip(1).ToDictionary(r => r[gapColumns.IndexOf("area_code")], r => (
            InArea: r[gapColumns.IndexOf("in_area_services")], Per10k: r[gapColumns.IndexOf("services_per_10k")],
            Gap: r[gapColumns.IndexOf("gap")] is "no-service" or "below-half-county-rate"));
        Assert.Contains(directory.Values, d => d.Gap);
        Assert.Contains(directory.Values, d => !d.Gap);

        var query = $"indicator=concerns&week={app.SpikeWeek:yyyy-MM-dd}&need=counselling";
        var map = Html.ParseDocument(await leader.GetStringAsync("/staff/insights/map?" + query));
        var maps = map.QuerySelectorAll("figure.gap-map").ToList();
        Assert.Equal(2, maps.Count);
        Assert.Contains("Supply", maps[1].QuerySelector("figcaption")!.TextContent);
        Assert.Equal(["demand-hatch", "supply-hatch"], map.QuerySelectorAll("pattern").Select(p => p.Id));
        var headers = map.QuerySelectorAll("table.insights-table thead th").Select(h => h.TextContent.Trim()).ToList();
        var (inArea, gap) = (headers.IndexOf("In-person services"), headers.IndexOf("Service gap"));
        Assert.True(inArea > 0 && gap > 0, string.Join(" | ", headers));
        var checkedAreas = 0;
        foreach (var row in map.QuerySelectorAll("table.insights-table tbody tr"))
        {
            var href = row.QuerySelector("a")!.GetAttribute("href")!;
            var areaCode = href[(href.LastIndexOf("area=", StringComparison.Ordinal) + 5)..];
            var cells = row.Children.Select(c => c.TextContent.Trim()).ToList();
            if (areaCode == "none") { Assert.Equal("—", cells[inArea]); continue; }
            Assert.Equal(directory[areaCode].InArea, cells[inArea].Replace(",", ""));
            Assert.Equal(directory[areaCode].Gap ? "Gap" : "No", cells[gap]);
            // The supply map paints a gap with no service hatched, as the directory's own map does.
            var shape = maps[1].QuerySelectorAll("g.gap-area").Single(g => g.QuerySelector("title")!.TextContent.StartsWith(cells[0] + ":"));
            Assert.Equal(directory[areaCode].InArea == "0", shape.ClassList.Contains("gap-none"));
            checkedAreas++;
        }
        Assert.Equal(directory.Count, checkedAreas);
        // The sentence above the maps names the busy area only if it is short of counselling.
        var busyName = map.QuerySelectorAll("table.insights-table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList())
            .Single(r => r[2] == "40")[0];
        var summary = map.QuerySelector("ul.insights-summary")!.TextContent;
        Assert.Equal(directory[app.Busy].Gap, summary.Contains("High demand and a service gap") && summary.Contains(busyName));

        var csv = Records(await leader.GetStringAsync("/staff/insights/map.csv?" + query));
        var columns = csv[0];
        Assert.Equal(["services_for", "services_in_area", "services_per_10k_residents", "service_gap"], columns.TakeLast(4));
        foreach (var r in csv.Skip(1).Where(r => r[columns.IndexOf("area_code")] is { Length: > 0 } c && directory.ContainsKey(c)))
        {
            var d = directory[r[columns.IndexOf("area_code")]];
            Assert.Equal("counselling", r[columns.IndexOf("services_for")]);
            Assert.Equal(d.InArea, r[columns.IndexOf("services_in_area")]);
            Assert.Equal(d.Per10k, r[columns.IndexOf("services_per_10k_residents")]);
            Assert.Equal(d.Gap ? "TRUE" : "FALSE", r[columns.IndexOf("service_gap")]);
        }

        var unknown = Html.ParseDocument(await leader.GetStringAsync($"/staff/insights/map?indicator=concerns&need=unicorns")).Body!.TextContent;
        Assert.Contains("There is no need “unicorns”. Showing services for all needs.", unknown);
        var bad = await leader.GetAsync("/staff/insights/map.csv?indicator=concerns&need=unicorns");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("counselling", await bad.Content.ReadAsStringAsync());
    }

    private static List<List<string>> Records(string csv)
    {
        using var reader = new StringReader(csv);
        var records = new List<List<string>>();
        while (Kith.Platform.Csv.Csv.ReadRecord(reader) is { } r) records.Add(r);
        return records;
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

    [Fact]
    public async Task A_spike_pages_the_areas_leader_once_who_acknowledges_it_notes_the_action_and_later_whether_it_helped()
    {
        var (coordinator, _) = await Staff.SignedInAsync(app, "coordinator@alerts.spike.test", Roles.Coordinator, await Staff.AddOrganisationAsync(app, "Alerts Clinic"));
        var (leader, leaderId) = await Staff.SignedInAsync(app, "leader@alerts.spike.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "Alerts Coalition"));
        var watch = await Staff.PostFormAsync(coordinator, "/staff/insights/alerts", "watch-" + app.Busy,
            [new("area", app.History.BusyId.ToString()), new("leader", leaderId)]);
        Assert.Equal("/staff/insights/alerts", Staff.RedirectPath(watch));

        // The job's next run (an hour on) finds the spike; more runs find it again and raise nothing more.
        app.Clock.Advance(TimeSpan.FromHours(1));
        var runner = app.Services.GetRequiredService<JobRunner>();
        while (await runner.RunDueAsync(CancellationToken.None) > 0) { }
        var raised = await ConcernData.ReadAsync(app, db => db.InsightAlerts.OrderBy(a => a.Indicator).Select(a => new { a.Indicator, a.AreaId }).ToListAsync());
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == "insights.spike-alerts").RunAsync(CancellationToken.None);
        // Every concern was routine, so "concerns" and "concerns, routine tier" rose together in the busy area; nowhere else.
        Assert.Equal([("concerns", app.History.BusyId), ("concerns.tier:routine", app.History.BusyId)], raised.Select(a => (a.Indicator, a.AreaId)));
        Assert.Equal(2, await ConcernData.ReadAsync(app, db => db.InsightAlerts.CountAsync()));
        var alert = await ConcernData.ReadAsync(app, db => db.InsightAlerts.SingleAsync(a => a.Indicator == "concerns"));
        Assert.Equal(("concerns", app.SpikeWeek, 40), (alert.Indicator, alert.Week, alert.Count));
        Assert.Equal([leaderId], await ConcernData.ReadAsync(app, db => db.Alerts.Where(x => x.SubjectId == alert.Id).Select(x => x.UserId).ToListAsync()));

        var list = Html.ParseDocument(await leader.GetStringAsync("/staff/insights/alerts"));
        Assert.Contains(list.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(alert.Reference) && r.TextContent.Contains("(you watch it)"));
        var page = $"/staff/insights/alerts/{alert.Id}";
        var acknowledged = await Staff.PostFormAsync(leader, page, "acknowledge", [new("step", "acknowledge"), new("revision", "0")]);
        Assert.Equal(page, Staff.RedirectPath(acknowledged));
        var missing = await Staff.PostFormAsync(leader, page, "action", [new("step", "action"), new("revision", "1")]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Choose what was done.", Html.ParseDocument(await missing.Content.ReadAsStringAsync()).QuerySelector("#alert-problem")!.TextContent);
        var stale = await Staff.PostFormAsync(leader, page, "action", [new("step", "action"), new("revision", "0"), new("kind", "workshop")]);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var acted = await Staff.PostFormAsync(leader, page, "action", [new("step", "action"), new("revision", "1"), new("kind", "listening-circle"), new("text", "Listening circle at the library, Thursday")]);
        Assert.Equal(page, Staff.RedirectPath(acted));
        var helped = await Staff.PostFormAsync(leader, page, "outcome", [new("step", "outcome"), new("revision", "2"), new("kind", "helped"), new("text", "Fewer concerns the week after")]);
        Assert.Equal(page, Staff.RedirectPath(helped));
        var done = Html.ParseDocument(await leader.GetStringAsync(page + "?done=outcome"));
        Assert.Equal("It helped", done.QuerySelector("dl.case-facts")!.Children.SkipWhile(c => c.TextContent != "Status").Skip(1).First().TextContent);
        Assert.Equal(["Listening circle at the library, Thursday"], await ConcernData.ReadAsync(app, db => db.InsightAlerts.Where(a => a.Id == alert.Id).Select(a => a.Action!).ToListAsync()));
        // Encrypted at rest: the column holds no words of it.
        var raw = await ConcernData.ReadAsync(app, db => db.Database.SqlQueryRaw<string>("SELECT action AS \"Value\" FROM insights_alerts WHERE action IS NOT NULL").ToListAsync());
        Assert.DoesNotContain(raw, r => r.Contains("library"));

        // Alerts and actions are an indicator too, counted on the next run.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Kith.Insights.Indicators.IndicatorCounting>().CountRecentAsync(CancellationToken.None);
        Assert.Equal(1, await ConcernData.ReadAsync(app, db => db.IndicatorDays.Where(d => d.Indicator == "insights.actions" && d.AreaId == app.History.BusyId).SumAsync(d => d.Count)));
    }

    /// <summary>
    /// The linear-programming attack (issue 16, item 2): the attacker downloads every CSV a leader can — each indicator's
    /// weekly table for every area and for all areas together, and its daily table — knows the rule (a hidden count is
    /// 0 or more; a week is the sum of its days, all areas the sum of the areas, concerns the sum of their tiers, a
    /// line's contacts the sum of their tiers and of their lines, a questionnaire's responses the sum of its bands),
    /// and asks GLOP for the least and greatest value of every hidden cell whose true value is 1–10. Each must range at
    /// least 11 wide. (Expected values, bounds and alarms are shown only where every count they rest on is published,
    /// so they tell the attacker nothing more.)
    /// </summary>
    [Fact]
    public async Task A_linear_program_given_every_download_recovers_no_hidden_count()
    {
        var (leader, _) = await Staff.SignedInAsync(app, "attacker@spike.test", Roles.Leader, await Staff.AddOrganisationAsync(app, "Attack Coalition"));
        var truth = await ConcernData.ReadAsync(app, db => db.IndicatorDays.AsNoTracking().ToListAsync());
        var areas = await ConcernData.ReadAsync(app, db => db.Areas.Select(a => new { a.Id, a.Code, a.Name }).ToListAsync());
        var indicators = truth.Select(t => t.Indicator).Distinct().Order(StringComparer.Ordinal).ToList();
        var choices = areas.Select(a => a.Code).Append("none").Append("all").ToList();

        // Everything downloaded: (indicator, area name, "W" week or "D" day, date) → count, or null where hidden.
        var seen = new Dictionary<(string Key, string Area, char Kind, DateOnly Date), int?>();
        foreach (var key in indicators)
            foreach (var batch in choices.Chunk(3))
                foreach (var period in new[] { "104", "days" })
                {
                    var csv = await leader.GetStringAsync($"/staff/insights/chart.csv?indicator={Uri.EscapeDataString(key)}&{string.Join("&", batch.Select(b => "area=" + b))}&period={period}");
                    foreach (var cells in csv.Trim().Split('\n').Skip(1).Select(l => l.TrimEnd('\r').Split(',')))
                        seen[(key, cells[1], period == "days" ? 'D' : 'W', DateOnly.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture))] =
                            cells[3] == "" ? null : int.Parse(cells[3], CultureInfo.InvariantCulture);
                }

        // The true values, for choosing the targets only (the attacker never sees them).
        var nameOf = areas.ToDictionary(a => a.Id, a => a.Name);
        int True((string Key, string Area, char Kind, DateOnly Date) cell) => truth
            .Where(t => t.Indicator == cell.Key && (cell.Area == "All areas" || (nameOf.TryGetValue(t.AreaId, out var n) ? n : "No area known") == cell.Area)
                && (cell.Kind == 'D' ? t.Day == cell.Date : t.Day >= cell.Date && t.Day < cell.Date.AddDays(7)))
            .Sum(t => t.Count);

        var index = seen.Keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var relations = new List<Relation>();
        void Relate((string, string, char, DateOnly) total, IEnumerable<(string, string, char, DateOnly)> parts)
        {
            var p = parts.Where(index.ContainsKey).Select(x => index[x]).ToList();
            if (index.TryGetValue(total, out var t) && p.Count > 0) relations.Add(new Relation(t, p));
        }
        var areaNames = seen.Keys.Select(k => k.Area).Where(a => a != "All areas").Distinct().ToList();
        foreach (var (key, area, kind, date) in seen.Keys)
        {
            if (kind == 'W' && seen.ContainsKey((key, area, 'D', date))) Relate((key, area, kind, date), Enumerable.Range(0, 7).Select(d => (key, area, 'D', date.AddDays(d))));
            if (area == "All areas") Relate((key, area, kind, date), areaNames.Select(a => (key, a, kind, date)));
            foreach (var prefix in key == "concerns" ? ["concerns.tier:"] : key == "lines.contacts" ? ["lines.tier:", "lines.contacts.line:"]
                         : key.StartsWith("screening.responses:") ? ["screening.band:" + key["screening.responses:".Length..] + "/"] : Array.Empty<string>())
                Relate((key, area, kind, date), indicators.Where(i => i.StartsWith(prefix)).Select(i => (i, area, kind, date)));
        }

        var published = seen.Values.ToList();
        var targets = seen.Keys.Where(k => seen[k] is null && True(k) is > 0 and < 11).Select(k => index[k]).ToList();
        Assert.NotEmpty(targets); // the quiet area's three a week, at least
        var ranges = Attacker.Ranges(relations, published, targets);
        var narrow = ranges.Where(r => r.Max - r.Min < 11 - 1e-6).Select(r => $"{seen.Keys.ElementAt(r.Index)}: {r.Min}–{r.Max}").ToList();
        Assert.True(narrow.Count == 0, $"{narrow.Count} of {targets.Count} hidden small counts narrowed:\n" + string.Join("\n", narrow.Take(20)));
    }

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
