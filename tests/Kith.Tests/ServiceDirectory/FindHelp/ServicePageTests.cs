namespace Kith.Tests.ServiceDirectory.FindHelp;

/// <summary>/help/services/{id}: what a person needs to decide and act, and the ordinary 404 page for anything else.</summary>
[Trait("Category", "Integration")]
public sealed class ServicePageTests(HelpSite site) : IClassFixture<HelpSite>
{
    [Fact]
    public async Task A_group_shows_what_it_is_who_for_cost_languages_hours_place_and_how_to_call()
    {
        var id = await site.ServiceIdAsync("Counselling for adults");
        var phones = await site.Read(db => db.Phones.Where(p => p.ServiceId == id && p.Type == "voice").Select(p => p.Number).ToListAsync());
        var (status, _, page) = await HelpSite.GetAsync(site.App.Browser(), $"/help/services/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Counselling for adults", page.QuerySelector("h1")!.TextContent);
        foreach (var section in new[] { "what-title", "who-title", "cost-title", "languages-title", "hours-title", "where-title" })
            Assert.True(page.GetElementById(section) is not null, $"no {section} section");
        Assert.Contains("English", page.GetElementById("languages-title")!.ParentElement!.TextContent);
        var hours = page.QuerySelectorAll(".hours-table tr");
        Assert.Equal(7, hours.Length);
        // Monday to Friday 8 to 5, and Tuesday and Thursday evenings as a second rule.
        Assert.Equal(5, hours.Count(row => row.QuerySelector("td")!.TextContent.StartsWith("8:00–17:00", StringComparison.Ordinal)));
        Assert.Equal(2, hours.Count(row => row.QuerySelector("td")!.TextContent == "8:00–17:00, 17:00–20:00"));
        Assert.Equal(2, hours.Count(row => row.QuerySelector("td")!.TextContent == "Closed"));
        Assert.Single(page.QuerySelectorAll(".hours-table tr.today"));
        Assert.Matches("^(Open now|Closed now)", page.QuerySelector(".service-open, .service-closed")!.TextContent);
        Assert.NotEmpty(phones);
        foreach (var phone in phones)
            Assert.Contains(page.QuerySelectorAll(".help-actions a"), a => a.GetAttribute("href") == "tel:" + new string(phone.Where(char.IsDigit).ToArray()));
        var place = page.QuerySelector(".service-place")!;
        Assert.NotNull(place.QuerySelector(".address"));
        Assert.StartsWith("https://www.openstreetmap.org/", place.QuerySelector("a[href*='openstreetmap']")!.GetAttribute("href"));
        Assert.Matches(@"^Last checked \d+ \w+ \d{4} by .+\s+· Checked", page.QuerySelector(".service-verified")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_crisis_line_says_it_is_open_day_and_night_and_offers_call_and_text()
    {
        var id = await site.ServiceIdAsync("988 Suicide & Crisis Lifeline");
        var (status, _, page) = await HelpSite.GetAsync(site.App.Browser(), $"/help/services/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Open day and night", page.QuerySelector(".service-open")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".hours-table"));
        var actions = page.QuerySelectorAll(".help-actions a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("tel:988", actions);
        Assert.Contains("sms:988", actions);
        Assert.Contains("Free", page.GetElementById("cost-title")!.ParentElement!.TextContent);
        Assert.Contains("Spanish", page.GetElementById("languages-title")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task The_page_reads_in_the_visitors_language()
    {
        var id = await site.ServiceIdAsync("988 Suicide & Crisis Lifeline");
        var (_, _, page) = await HelpSite.GetAsync(await site.VisitorAsync("es"), $"/help/services/{id}");

        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Abierto de día y de noche", page.QuerySelector(".service-open")!.TextContent);
        Assert.Equal("Idiomas", page.GetElementById("languages-title")!.TextContent);
    }

    [Theory]
    [InlineData("not-a-service")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("%2E%2E%2Fstaff")]
    public async Task Unknown_or_malformed_ids_get_the_ordinary_not_found_page(string id)
    {
        var (status, _, page) = await HelpSite.GetAsync(site.App.Browser(), $"/help/services/{id}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".get-help"));
    }

    [Fact]
    public async Task A_control_character_in_the_id_is_refused_not_a_crash()
    {
        var (status, _, _) = await HelpSite.GetAsync(site.App.Browser(), "/help/services/x%00y");
        // Kestrel itself refuses a NUL in the path, before the app: a 400, never a 5xx.
        Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"answered {status}");
    }

    [Fact]
    public async Task A_very_long_id_and_services_that_are_no_longer_active_are_not_found()
    {
        var inactive = await site.Read(db => db.Services.Where(s => s.Status != "active").Select(s => s.Id).ToListAsync());
        Assert.NotEmpty(inactive);
        foreach (var path in inactive.Select(id => $"/help/services/{id}").Append("/help/services/" + new string('a', 2000)))
        {
            var (status, _, page) = await HelpSite.GetAsync(site.App.Browser(), path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("Page not found", page.QuerySelector("main h1")!.TextContent);
        }
    }
}
