using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Kith.Tests.ServiceDirectory.FindHelp;

/// <summary>
/// /help as a person uses it: words and filters in the query string (bookmarkable), results that say why they
/// were found, problems shown beside the fields, and — when the words suggest risk, in any UI language —
/// the crisis lines before anything else.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class FindHelpPageTests(HelpSite site) : IClassFixture<HelpSite>
{
    [Fact]
    public async Task The_empty_page_offers_the_search_box_the_needs_and_the_filters_but_no_results()
    {
        var (status, _, page) = await HelpSite.GetAsync(site.App.Browser(), "/help");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("get", page.QuerySelector("form.find-help-form")!.GetAttribute("method"));
        Assert.NotNull(page.QuerySelector("label[for=q]"));
        Assert.Contains(page.QuerySelectorAll(".help-chips a"), a => a.GetAttribute("href") == "/help?category=grief#results");
        Assert.NotNull(page.QuerySelector("details.more-filters select#area option[value=southgate]"));
        Assert.NotNull(page.QuerySelector("details.more-filters select#language option[value=so]"));
        Assert.Empty(page.QuerySelectorAll(".result"));
        Assert.Null(page.QuerySelector(".crisis-panel"));
    }

    [Fact]
    public async Task A_query_renders_results_each_with_why_it_matched_actions_and_freshness()
    {
        var (status, _, page) = await HelpSite.GetAsync(site.App.Browser(), "/help?q=grief");

        Assert.Equal(HttpStatusCode.OK, status);
        var results = page.QuerySelectorAll("ol.results .result");
        Assert.True(results.Length >= 5, $"only {results.Length} results for grief");
        Assert.Null(page.QuerySelector(".crisis-panel"));
        foreach (var result in results)
        {
            Assert.StartsWith("/help/services/", result.QuerySelector("h3 a")!.GetAttribute("href"));
            Assert.Contains("grief", result.QuerySelector(".result-why")!.TextContent, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("^Checked|^Not checked", result.QuerySelector(".result-checked")!.TextContent.Trim());
            // The service page's share actions, named for this result so a screen reader tells the cards apart.
            var name = result.QuerySelector("h3 a")!.TextContent.Trim();
            var share = result.QuerySelector(".share-card[role=group]")!;
            Assert.Equal($"Share {name}", share.GetAttribute("aria-label"));
            var text = share.QuerySelector("a[href^='sms:']")!;
            Assert.Equal($"Send by text message — {name}", text.TextContent.Trim());
            Assert.Contains(Uri.EscapeDataString(result.QuerySelector("h3 a")!.GetAttribute("href")!), text.GetAttribute("href"));
            Assert.NotNull(share.QuerySelector("a[href^='mailto:']"));
            Assert.NotNull(share.QuerySelector("button[data-print]"));
        }
        Assert.Equal(results.Length, page.QuerySelectorAll(".share-card").Select(s => s.GetAttribute("aria-label")).Distinct().Count());
        Assert.Null(page.QuerySelector("#share-title")); // no service page heading (and no repeated id) on the results page
        Assert.Contains(results, r => r.QuerySelector(".help-actions a[href^='tel:']") is not null);
        Assert.Equal("grief", page.QuerySelector("input#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Filters_narrow_the_results_and_stay_selected()
    {
        var client = site.App.Browser();
        var all = Total((await HelpSite.GetAsync(client, "/help?q=support")).Page);
        var (_, _, somali) = await HelpSite.GetAsync(client, "/help?q=support&language=so");
        var (_, _, free) = await HelpSite.GetAsync(client, "/help?q=support&free=true&delivery=phone");
        var (_, _, southgate) = await HelpSite.GetAsync(client, "/help?category=food&area=southgate&open_now=true&accessibility=wheelchair");

        Assert.True(all > 0);
        Assert.InRange(Total(somali), 1, all - 1);
        Assert.All(somali.QuerySelectorAll(".result"), r => Assert.Contains("Somali", r.QuerySelector(".result-facts")!.TextContent));
        Assert.Equal("so", somali.QuerySelector("select#language option[selected]")!.GetAttribute("value"));
        Assert.NotNull(somali.QuerySelector("details.more-filters[open]"));

        Assert.InRange(Total(free), 1, all - 1);
        Assert.All(free.QuerySelectorAll(".result"), r => Assert.Contains("By phone", r.TextContent));
        Assert.True(free.QuerySelector("input#free")!.HasAttribute("checked"));
        Assert.True(free.QuerySelector("input#delivery-phone")!.HasAttribute("checked"));
        Assert.False(free.QuerySelector("input#delivery-video")!.HasAttribute("checked"));

        Assert.True(southgate.QuerySelector("input#open_now")!.HasAttribute("checked"));
        Assert.Equal("southgate", southgate.QuerySelector("select#area option[selected]")!.GetAttribute("value"));
        Assert.Equal("true", southgate.QuerySelector(".help-chips a[href='/help?category=food#results']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Paging_links_keep_the_search_and_walk_every_result_once()
    {
        var client = site.App.Browser();
        var (_, _, first) = await HelpSite.GetAsync(client, "/help?delivery=phone&free=true");
        var total = Total(first);
        Assert.True(total > 20, $"{total} results do not need a second page");
        var seen = new List<string>();
        var page = first;
        for (var i = 0; i < 20; i++)
        {
            seen.AddRange(page.QuerySelectorAll(".result h3 a").Select(a => a.GetAttribute("href")!));
            var next = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
            if (next is null) break;
            Assert.Contains("delivery=phone", next);
            Assert.Contains("free=true", next);
            page = (await HelpSite.GetAsync(client, next)).Page;
        }
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("/help?age=abc&category=nope&page=0", new[] { "age", "category", "page" })]
    [InlineData("/help?q=x&delivery=fax&accessibility=teleport&open_now=maybe&language=english", new[] { "delivery", "accessibility", "open_now", "language" })]
    [InlineData("/help?lat=NaN&lon=500&radius_km=-1&area=atlantis", new[] { "lat", "lon", "area" })]
    [InlineData("/help?page=99999999999999999999&free=%00", new[] { "page", "free" })]
    public async Task Invalid_parameters_are_explained_beside_their_fields_never_a_server_error(string path, string[] fields)
    {
        var (status, _, page) = await HelpSite.GetAsync(site.App.Browser(), path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var summary = page.QuerySelector("#find-help-errors");
        Assert.NotNull(summary);
        Assert.Equal("alert", summary.GetAttribute("role"));
        foreach (var field in fields)
        {
            var message = page.QuerySelector($"#error-{field}");
            Assert.True(message is not null, $"no message beside {field}");
            Assert.Contains(message.TextContent.Trim(), summary.TextContent);
        }
        if (fields.Contains("age")) Assert.Equal("true", page.QuerySelector("input#age")!.GetAttribute("aria-invalid"));
        if (fields.Contains("age")) Assert.Equal("error-age", page.QuerySelector("input#age")!.GetAttribute("aria-describedby"));
        Assert.Empty(page.QuerySelectorAll(".result"));
        Assert.NotNull(page.QuerySelector("details.more-filters[open]"));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-31T23:59:59")]
    [InlineData("0001-01-01")]
    public async Task A_time_at_the_ends_of_the_calendar_is_refused_politely(string openAt)
    {
        var (status, _, page) = await HelpSite.GetAsync(site.App.Browser(), "/help?q=food&open_at=" + openAt);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(page.QuerySelector("#find-help-errors"));
    }

    [Fact]
    public async Task A_very_long_query_is_refused_politely()
    {
        var (status, _, page) = await HelpSite.GetAsync(site.App.Browser(), "/help?q=" + new string('a', 300));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(page.QuerySelector("#error-q"));
    }

    [Theory]
    [InlineData("en", "I want to die")]
    [InlineData("es", "quiero morir")]
    [InlineData("so", "waxaan rabaa inaan dhinto")]
    public async Task Risk_words_put_the_crisis_lines_first_in_the_readers_language(string language, string phrase)
    {
        var client = await site.VisitorAsync(language);
        var (status, _, page) = await HelpSite.GetAsync(client, "/help?q=" + Uri.EscapeDataString(phrase));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        var panel = page.QuerySelector("main .crisis-panel");
        Assert.NotNull(panel);
        Assert.Equal("alert", panel.GetAttribute("role"));
        // First in the page's content: before the heading, the search form and any result.
        Assert.Same(panel, page.QuerySelector("main")!.FirstElementChild);
        var search = page.QuerySelector("form.find-help-form")!;
        Assert.True(panel.CompareDocumentPosition(search).HasFlag(DocumentPositions.Following));
        Assert.Contains(panel.QuerySelectorAll("a"), a => a.GetAttribute("href") == "tel:988");
        Assert.Contains(panel.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("sms:", StringComparison.Ordinal));
        var lines = panel.QuerySelectorAll(".crisis-panel-line h3 a").Select(a => a.GetAttribute("href")!.Split('/').Last()).ToList();
        Assert.True(lines.Count >= 5, $"only {lines.Count} crisis lines");
        // Lines that speak the reader's language come first.
        var speaking = await site.Read(db => db.Languages.Where(l => l.ServiceId != null && lines.Contains(l.ServiceId) && l.Code == language).Select(l => l.ServiceId!).ToListAsync());
        var firstOther = lines.FindIndex(id => !speaking.Contains(id));
        Assert.True(firstOther < 0 || lines.Skip(firstOther).All(id => !speaking.Contains(id)), "a line in the reader's language comes after one that is not");
        Assert.Contains(lines[0], speaking);
        foreach (var result in page.QuerySelectorAll(".result"))
            Assert.True(panel.CompareDocumentPosition(result).HasFlag(DocumentPositions.Following));
    }

    [Fact]
    public async Task Nothing_found_is_never_a_dead_end()
    {
        var (status, _, page) = await HelpSite.GetAsync(site.App.Browser(), "/help?q=zzqxv+wplkj&free=true");

        Assert.Equal(HttpStatusCode.OK, status);
        var empty = page.QuerySelector(".help-empty");
        Assert.NotNull(empty);
        Assert.Contains(empty.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/help?q=zzqxv%20wplkj");
        Assert.Contains(empty.QuerySelectorAll("a"), a => a.GetAttribute("href") == "tel:988");
    }

    private static int Total(IDocument page)
    {
        var heading = page.QuerySelector("#results")?.TextContent ?? "";
        var match = Count().Match(heading);
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Count();
}
