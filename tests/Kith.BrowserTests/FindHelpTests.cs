namespace Kith.BrowserTests;

/// <summary>
/// Find help in a real browser: a risk query shows the crisis lines above everything else in each UI
/// language, searching and reading a service work with JavaScript off, "Use my location" appears only
/// with JavaScript, and axe finds no serious or critical problems on the pages a person in distress uses.
/// </summary>
[Collection(KithApp.SecondCollection)]
public sealed class FindHelpTests(KithApp app, ITestOutputHelper log)
{
    [Theory]
    [InlineData("en", "I want to die", "Search")]
    [InlineData("es", "quiero morir", "Buscar")]
    [InlineData("so", "waxaan rabaa inaan dhinto", "Raadi")]
    public async Task A_risk_query_shows_the_crisis_lines_first_in_each_language(string language, string phrase, string search)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/help");
        if (language != "en")
        {
            await Browse.SwitchLanguageAsync(page, language);
            Assert.Equal("/help", Browse.Path(page));
        }
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));

        await page.Locator("input#q").FillAsync(phrase);
        await page.Locator(".find-help-search").GetByRole(AriaRole.Button, new() { Name = search, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("q="));

        var panel = page.Locator("main .crisis-panel");
        Assert.True(await panel.IsVisibleAsync(), "no crisis panel");
        Assert.Equal("alert", await panel.GetAttributeAsync("role"));
        var callOrText = panel.Locator("a[href='tel:988'], a[href^='sms:']");
        Assert.True(await callOrText.CountAsync() > 1);
        Assert.True(await callOrText.First.IsVisibleAsync());
        // Above the search form and any result, on screen.
        var panelBox = (await panel.BoundingBoxAsync())!;
        var formBox = (await page.Locator("form.find-help-form").BoundingBoxAsync())!;
        Assert.True(panelBox.Y < formBox.Y, "the crisis panel is below the search form");
        var results = page.Locator(".result");
        if (await results.CountAsync() > 0)
            Assert.True(panelBox.Y < (await results.First.BoundingBoxAsync())!.Y, "a result is above the crisis panel");
    }

    [Fact]
    public async Task Searching_filtering_and_reading_a_service_work_without_JavaScript()
    {
        await using var context = await app.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/help");
        Assert.False(await page.Locator("[data-use-location]").IsVisibleAsync(), "the location button needs JavaScript but is shown");

        await page.Locator("input#q").FillAsync("counselling");
        await page.Locator("input#q").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("q=counselling"));
        var all = await page.Locator(".result").CountAsync();
        Assert.True(all > 0, "no results for counselling");

        await page.Locator("details.more-filters > summary").ClickAsync();
        await page.Locator("select#language").SelectOptionAsync("so");
        await page.Locator("label[for=free]").ClickAsync();
        await page.Locator("details.more-filters").GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("language=so"));
        var somali = await page.Locator(".result").CountAsync();
        Assert.InRange(somali, 1, all);
        Assert.Contains("free=true", page.Url);

        var first = page.Locator(".result h3 a").First;
        var name = await first.InnerTextAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/help/services/", StringComparison.Ordinal));
        Assert.Equal(name, await page.Locator("main h1").InnerTextAsync());
        Assert.True(await page.Locator("#hours-title").IsVisibleAsync());
        Assert.True(await page.Locator(".help-actions a[href^='tel:']").First.IsVisibleAsync());
        // Back returns to the same results (the search is in the address).
        await page.GoBackAsync();
        Assert.Contains("language=so", page.Url);
        Assert.Equal(somali, await page.Locator(".result").CountAsync());
    }

    [Fact]
    public async Task Use_my_location_is_offered_only_where_geolocation_is_allowed_and_searches_near_the_visitor()
    {
        // A deployment whose policy turns geolocation off gets no button that could only fail.
        await using (var strict = await app.NewContextAsync())
        {
            await strict.RouteAsync(url => new Uri(url).AbsolutePath == "/help", async route =>
            {
                var response = await route.FetchAsync();
                var headers = response.Headers.Where(h => !h.Key.Equals("permissions-policy", StringComparison.OrdinalIgnoreCase)).ToDictionary();
                headers["permissions-policy"] = "geolocation=()";
                await route.FulfillAsync(new() { Response = response, Headers = headers });
            });
            var page = await strict.NewPageAsync();
            await page.GotoAsync("/help?category=counselling");
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.False(await page.Locator("[data-use-location]").IsVisibleAsync(), "offered although the policy forbids geolocation");
        }

        // Kith's own policy allows it for its pages: the button finds the visitor and searches near them.
        await using var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, Locale = "en-US", Permissions = ["geolocation"],
            Geolocation = new() { Latitude = 44.0211f, Longitude = -93.0149f },
        });
        var help = await context.NewPageAsync();
        await help.GotoAsync("/help?category=counselling");
        // A search with a filter opens "More filters" already.
        Assert.NotNull(await help.Locator("details.more-filters").GetAttributeAsync("open"));
        var button = help.Locator("[data-use-location]");
        await button.WaitForAsync();
        await button.ClickAsync();
        // Either the search near the visitor arrives or the page says finding them failed: wait for whichever comes.
        var nearby = help.WaitForURLAsync(url => new Uri(url).Query.Contains("lat=", StringComparison.Ordinal));
        var failed = help.Locator("[data-location-status]", new() { HasText = await button.GetAttributeAsync("data-failed") ?? "" }).WaitForAsync();
        if (await Task.WhenAny(nearby, failed) == failed && !nearby.IsCompleted)
            Assert.Fail("no search near the visitor; status: " + await help.Locator("[data-location-status]").InnerTextAsync());
        await nearby;
        Assert.Contains("lat=44.02", help.Url);
        Assert.Contains("lon=-93.01", help.Url);
        Assert.Contains("category=counselling", help.Url);
        Assert.True(await help.Locator(".result", new() { HasText = "mi away" }).CountAsync() > 0, "no result says how far away it is");
    }

    [Fact]
    public async Task Find_help_and_service_pages_have_no_serious_accessibility_problems()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        await page.GotoAsync("/help");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "find help (empty)"));
        await page.Locator("details.more-filters > summary").ClickAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "find help (filters open)"));

        await page.GotoAsync("/help?q=counselling&free=true");
        Assert.True(await page.Locator(".result").CountAsync() > 0);
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "find help (results)"));

        await page.GotoAsync("/help?q=" + Uri.EscapeDataString("I want to die"));
        Assert.True(await page.Locator(".crisis-panel").IsVisibleAsync());
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "find help (crisis panel)"));

        var response = await page.GotoAsync("/help?age=abc&category=nope&delivery=fax");
        Assert.Equal(400, response!.Status);
        Assert.True(await page.Locator("[role='alert']").First.IsVisibleAsync());
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "find help (validation errors)"));

        await page.GotoAsync("/help?q=zzqxv+wplkj");
        Assert.True(await page.Locator(".help-empty").IsVisibleAsync());
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "find help (nothing found)"));

        await page.GotoAsync("/help?q=counselling");
        await page.Locator(".result h3 a").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/help/services/", StringComparison.Ordinal));
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "service page"));

        await page.GotoAsync("/help?q=" + Uri.EscapeDataString("Safe Harbor House"));
        await page.Locator(".result h3 a", new() { HasText = "Safe Harbor House" }).First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/help/services/", StringComparison.Ordinal));
        Assert.True(await page.Locator(".confidential-note").IsVisibleAsync());
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "confidential service page"));

        var servicePath = Browse.Path(page);
        await Browse.SwitchLanguageAsync(page, "so");
        Assert.Equal(servicePath, Browse.Path(page));
        Assert.Equal("so", await page.Locator("html").GetAttributeAsync("lang"));
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "confidential service page (so)"));

        foreach (var p in problems) log.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} serious or critical accessibility violation(s):\n" + string.Join("\n", problems));
    }
}
