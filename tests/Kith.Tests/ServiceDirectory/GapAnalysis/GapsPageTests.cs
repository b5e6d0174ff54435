using System.Globalization;
using System.Text.RegularExpressions;
using Kith.Community.Demo;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.GapAnalysis;
using Kith.ServiceDirectory.Indexing;

namespace Kith.Tests.ServiceDirectory.GapAnalysis;

/// <summary>The Riverbend demo seeded once for this class, the snapshot refreshed, and staff of each role signed in.</summary>
public sealed class GapsDemo : IAsyncLifetime
{
    public KithApp App { get; } = new();
    public HttpClient Leader { get; private set; } = default!;
    public HttpClient Admin { get; private set; } = default!;
    public HttpClient Coordinator { get; private set; } = default!;
    public HttpClient Responder { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        await App.Services.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);
        var organisation = await Staff.AddOrganisationAsync(App, "Gaps Test Clinic");
        (Leader, _) = await Staff.SignedInAsync(App, "leader@gaps.test", Roles.Leader, organisation);
        (Admin, _) = await Staff.SignedInAsync(App, "admin@gaps.test", Roles.Admin);
        (Coordinator, _) = await Staff.SignedInAsync(App, "coordinator@gaps.test", Roles.Coordinator, organisation);
        (Responder, _) = await Staff.SignedInAsync(App, "responder@gaps.test", Roles.Responder, organisation);
    }

    /// <summary>
    /// Worked out from the HSDS rows, not from the snapshot: per area, the active services (optionally with a need
    /// linked by attribute) that have a physical location with coordinates in that area.
    /// </summary>
    public async Task<Dictionary<string, int>> InAreaFromDatabaseAsync(string? needCode)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync();
        var active = (await db.Services.Where(s => s.Status == "active").Select(s => s.Id).ToListAsync()).ToHashSet();
        var placed = await (from sal in db.ServiceAtLocations
                            join l in db.Locations on sal.LocationId equals l.Id
                            where l.AreaId != null && l.Latitude != null && l.Longitude != null && l.LocationType != "virtual"
                            select new { sal.ServiceId, AreaId = l.AreaId!.Value }).ToListAsync();
        var withNeed = needCode is null ? null
            : (await db.HsdsAttributes.Where(a => a.LinkEntity == "service" && a.TaxonomyTermId == KithVocabulary.NeedId(needCode))
                .Select(a => a.LinkId).ToListAsync()).ToHashSet();
        return areas.ToDictionary(a => a.Name, a => placed
            .Where(p => p.AreaId == a.Id && active.Contains(p.ServiceId) && (withNeed is null || withNeed.Contains(p.ServiceId)))
            .Select(p => p.ServiceId).Distinct().Count());
    }

    public async Task<List<(string Name, int Population)>> AreasAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        return (await db.Areas.AsNoTracking().Select(a => new { a.Name, a.Population }).ToListAsync()).Select(a => (a.Name, a.Population)).ToList();
    }

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}

[Trait("Category", "Integration")]
public sealed partial class GapsPageTests(GapsDemo demo) : IClassFixture<GapsDemo>
{
    [Theory]
    [InlineData(null)]
    [InlineData("grief")]
    [InlineData("food")]
    public async Task A_leader_sees_the_map_and_a_table_whose_in_area_counts_match_the_demo_rows(string? need)
    {
        var expected = await demo.InAreaFromDatabaseAsync(need);
        var html = await demo.Leader.GetStringAsync("/staff/directory/gaps" + (need is null ? "" : $"?category={need}"));
        var table = TableRows(html);

        Assert.Contains("<svg", html);
        Assert.Equal(8, GapAreaShape().Matches(html).Count);
        Assert.Contains("<title>Hillcrest: ", html);
        Assert.Contains("class=\"gap-legend\"", html);
        Assert.Equal(8, table.Count);
        foreach (var area in new[] { "Hillcrest", "Old Town" })
            Assert.Equal(expected[area], table[area].InArea);
        Assert.All(table, row => Assert.Equal(expected[row.Key], row.Value.InArea));
        // The demo's story: downtown has more in-person help than the trailer parks and veterans' hall.
        if (need is null) Assert.True(expected["Old Town"] > expected["Hillcrest"], $"Old Town {expected["Old Town"]}, Hillcrest {expected["Hillcrest"]}");
    }

    [Fact]
    public async Task An_area_without_in_person_help_for_a_need_is_named_in_the_summary_and_hatched_on_the_map()
    {
        // Find a need for which some populated area has no in-person service, from the database.
        string? need = null, area = null;
        foreach (var c in NeedCategory.Choices.Skip(1))
        {
            var counts = await demo.InAreaFromDatabaseAsync(c.Code);
            if (counts.Values.Sum() == 0 || counts.All(x => x.Value > 0)) continue;
            (need, area) = (c.Code, counts.First(x => x.Value == 0).Key);
            break;
        }
        Assert.NotNull(need);

        var html = WebUtility.HtmlDecode(await demo.Leader.GetStringAsync($"/staff/directory/gaps?category={need}"));

        Assert.Matches($"<li>{Regex.Escape(area!)} has no in-person service for “[^”]+” \\(\\d+ reach it by phone, text, video or county-wide\\); the county average is [0-9.,]+ per 10,000 residents\\.</li>", html);
        Assert.Matches($"<g class=\"gap-area gap-none\"><title>{Regex.Escape(area!)}: No in-area service</title><polygon points=\"[^\"]+\" fill=\"url\\(#gap-hatch\\)\"", html);
    }

    [Fact]
    public async Task Sorting_links_order_the_rows_and_mark_the_sorted_header()
    {
        var areas = await demo.AreasAsync();
        var desc = await demo.Leader.GetStringAsync("/staff/directory/gaps?sort=population&dir=desc");
        var asc = await demo.Leader.GetStringAsync("/staff/directory/gaps?sort=population&dir=asc");
        var byName = await demo.Leader.GetStringAsync("/staff/directory/gaps");

        Assert.Equal(areas.OrderByDescending(a => a.Population).Select(a => a.Name), TableRows(desc).Keys);
        Assert.Equal(areas.OrderBy(a => a.Population).Select(a => a.Name), TableRows(asc).Keys);
        Assert.Equal(areas.Select(a => a.Name).Order(StringComparer.Create(CultureInfo.GetCultureInfo("en-US"), false)), TableRows(byName).Keys);
        Assert.Matches("<th scope=\"col\" class=\"number\" aria-sort=\"descending\">\\s*<a href=\"[^\"]*sort=population&amp;dir=asc\">Population</a>", desc);
        Assert.Matches("aria-sort=\"ascending\">\\s*<a href=\"[^\"]*sort=area&amp;dir=desc\">Area</a>", byName);
        Assert.Single(AriaSort().Matches(desc));
    }

    [Fact]
    public async Task Unknown_parameters_are_explained_or_ignored_never_an_error()
    {
        var response = await demo.Leader.GetAsync("/staff/directory/gaps?category=%3Cscript%3E&measure=volume&sort=population%3Bdrop&dir=sideways");
        var html = await response.Content.ReadAsStringAsync();
        var numbers = await demo.Leader.GetAsync("/staff/directory/gaps?measure=hours&sort=hours-rate&dir=desc&category=GRIEF");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is no need category “&lt;script&gt;”. Showing all needs.", WebUtility.HtmlDecode(html).Replace("<script>", "&lt;script&gt;"));
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("There is no measure “volume”", WebUtility.HtmlDecode(html));
        Assert.Equal(8, TableRows(html).Count);
        Assert.Equal(HttpStatusCode.OK, numbers.StatusCode);
        Assert.Contains("Open hours a week per 1,000 residents", await numbers.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_csv_has_a_header_and_one_row_per_area_with_numbers_that_parse()
    {
        var expected = await demo.InAreaFromDatabaseAsync("grief");
        var response = await demo.Leader.GetAsync("/staff/directory/gaps.csv?category=grief");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var all = (await demo.Admin.GetStringAsync("/staff/directory/gaps.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Matches("^kith-service-gaps-grief-\\d{4}-\\d{2}-\\d{2}\\.csv$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var header = lines[0].Split(',');
        Assert.Equal(["area_code", "area_name", "population", "category_code"], header[..4]);
        Assert.Equal(1 + 8, lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            Assert.Equal(header.Length, cells.Length);
            Assert.Equal("grief", cells[Array.IndexOf(header, "category_code")]);
            Assert.Equal(expected[cells[1]], int.Parse(cells[Array.IndexOf(header, "in_area_services")], CultureInfo.InvariantCulture));
            foreach (var column in new[] { "population", "reaching_services", "open_hours_week", "free_places_now", "waitlists", "services_per_10k", "open_hours_per_1k", "county_services_per_10k" })
                Assert.True(double.TryParse(cells[Array.IndexOf(header, column)], NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{column}: {line}");
        }
        Assert.Equal(1 + 8 * NeedCategory.Choices.Count, all.Length);
    }

    [Fact]
    public async Task The_csv_refuses_an_unknown_category_with_a_problem()
    {
        var response = await demo.Leader.GetAsync("/staff/directory/gaps.csv?category=nope");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Unknown need category", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Coordinators_and_responders_are_denied_and_anonymous_visitors_sent_to_sign_in()
    {
        foreach (var client in new[] { demo.Coordinator, demo.Responder })
            foreach (var path in new[] { "/staff/directory/gaps", "/staff/directory/gaps.csv" })
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/staff/denied", Staff.RedirectPath(response));
            }
        using var anonymous = demo.App.Browser();
        foreach (var path in new[] { "/staff/directory/gaps", "/staff/directory/gaps.csv?category=grief" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/staff/sign-in", Staff.RedirectPath(response));
        }
        Assert.Equal(HttpStatusCode.OK, (await demo.Admin.GetAsync("/staff/directory/gaps")).StatusCode);
    }

    /// <summary>Area name → in-area services, in table order.</summary>
    private static Dictionary<string, (int Population, int InArea)> TableRows(string html)
    {
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
        var rows = new Dictionary<string, (int, int)>();
        foreach (Match m in TableRow().Matches(body))
            rows[WebUtility.HtmlDecode(m.Groups[1].Value)] = (Number(m.Groups[2].Value), Number(m.Groups[3].Value));
        return rows;
    }

    private static int Number(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-US"));

    [GeneratedRegex("<th scope=\"row\">([^<]+)</th>\\s*<td class=\"number\">([0-9,]+)</td>\\s*<td class=\"number\">([0-9,]+)</td>")]
    private static partial Regex TableRow();

    [GeneratedRegex("<g class=\"gap-area ")]
    private static partial Regex GapAreaShape();

    [GeneratedRegex("aria-sort=")]
    private static partial Regex AriaSort();
}
