namespace Kith.BrowserTests;

/// <summary>The public home page in each language, quick exit, and the Content-Security-Policy.</summary>
[Collection(KithApp.SecondCollection)]
public sealed class PublicPageTests(KithApp app, ITestOutputHelper log)
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("so")]
    public async Task Home_in_each_language_has_the_help_band_and_quick_exit(string language)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        if (language != "en")
        {
            // Like a person: click the language's link in the switch.
            await Browse.SwitchLanguageAsync(page, language);
            Assert.Equal("/", Browse.Path(page));
        }
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(1, await page.Locator($"nav.language-switch [aria-current='true'][lang='{language}']").CountAsync());

        // The stylesheet loaded (content root and static asset manifest resolve).
        Assert.True(await page.EvaluateAsync<bool>(
            "() => [...document.styleSheets].some(s => { try { return s.href?.includes('/css/site') && s.cssRules.length > 0; } catch { return false; } })"),
            "site.css did not load");

        var band = page.Locator("section.get-help");
        Assert.True(await band.IsVisibleAsync(), "the Get help now band is not visible");
        Assert.True(await page.Locator("section.get-help h2#get-help-title").IsVisibleAsync());
        var calls = await HrefsAsync(band.Locator("a[href^='tel:']"));
        var texts = await HrefsAsync(band.Locator("a[href^='sms:']"));
        Assert.Contains("tel:911", calls);
        Assert.Contains("tel:988", calls);
        Assert.Contains("sms:988", texts);
        Assert.Contains(texts, h => h.StartsWith("sms:741741", StringComparison.Ordinal));
        // The band comes before the page's own content.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('section.get-help').compareDocumentPosition(document.querySelector('main')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
            "the help band is not before <main>");

        var exit = page.Locator("a.quick-exit[data-quick-exit]");
        Assert.True(await exit.IsVisibleAsync(), "the quick-exit button is not visible");
        Assert.Equal("/exit", await exit.GetAttributeAsync("href")); // which clears Kith's cookies and redirects (ADR 32)
        Assert.StartsWith("http", await exit.GetAttributeAsync("data-quick-exit"));
    }

    [Fact]
    public async Task Quick_exit_leaves_and_replaces_the_history_entry()
    {
        await using var context = await app.NewContextAsync();
        var (page, exitUrl) = await OpenHomeAfterNeutralPageAsync(context);

        await page.Locator("a.quick-exit").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(exitUrl, StringComparison.Ordinal));
        Assert.Equal("Neutral", await page.TitleAsync());

        await AssertBackDoesNotReturnToKithAsync(page);
    }

    [Fact]
    public async Task Pressing_Escape_three_times_quickly_leaves_and_replaces_the_history_entry()
    {
        await using var context = await app.NewContextAsync();
        var (page, exitUrl) = await OpenHomeAfterNeutralPageAsync(context);

        // As a person would: the page has focus (a click on its heading), then Escape three times. Wait for the
        // page to settle first, so the click cannot land on the "Find help" button below the heading as it moves.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var home = page.Url;
        await page.Locator("main h1").ClickAsync();
        Assert.Equal(home, page.Url);
        // "Quickly" is the page's clock (three presses within 1.5 s), not the test machine's speed: the page's clock is
        // held still while keys are pressed and moved on by hand, so a slow machine cannot spread the presses out.
        var now = DateTimeOffset.UtcNow;
        await page.Clock.SetFixedTimeAsync(now.UtcDateTime);
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        await page.Clock.SetFixedTimeAsync(now.AddSeconds(2).UtcDateTime);
        await page.Keyboard.PressAsync("Escape"); // the third, but two seconds after the others: not an exit
        Assert.False(await page.EvaluateAsync<bool>("() => document.body.hidden"), "three slow presses of Escape left the page");
        Assert.Equal(home, page.Url);
        await page.Clock.SetFixedTimeAsync(now.AddSeconds(4).UtcDateTime);
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForURLAsync(url => url.StartsWith(exitUrl, StringComparison.Ordinal));
        Assert.Equal("Neutral", await page.TitleAsync());

        await AssertBackDoesNotReturnToKithAsync(page);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?lang=es")]
    [InlineData("/?lang=so")]
    [InlineData("/staff/sign-in")]
    [InlineData("/not-found")]
    [InlineData("/help?q=grief")]
    [InlineData("/help?q=I+want+to+die")]
    public async Task No_Content_Security_Policy_violations(string path)
    {
        // No BypassCSP here: the app's own policy applies.
        await using var context = await app.NewContextAsync();
        var (page, problems) = await WatchForCspViolationsAsync(context);
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Contains("script-src 'self'", (await response.AllHeadersAsync()).GetValueOrDefault("content-security-policy") ?? "");
        await page.WaitForLoadStateAsync(LoadState.Load);
        // Exercise the page's script too (focus the quick-exit link, press a harmless key).
        await page.Locator("a.quick-exit").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await AssertNoCspViolationsAsync(page, problems, path);
    }

    [Fact]
    public async Task No_Content_Security_Policy_violations_on_the_staff_dashboard()
    {
        await using var context = await app.NewContextAsync();
        var (page, problems) = await WatchForCspViolationsAsync(context);
        await Browse.SignInAsync(page, app.Accounts["leader"]);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await AssertNoCspViolationsAsync(page, problems, "/staff");
    }

    /// <summary>Console errors about the policy, page errors, and securitypolicyviolation events.</summary>
    private static async Task<(IPage, List<string>)> WatchForCspViolationsAsync(IBrowserContext context)
    {
        // Init scripts run outside the page's policy and before its own code.
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => (window.__cspViolations ||= []).push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));");
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (problems) problems.Add("console: " + message.Text);
        };
        page.PageError += (_, error) => { lock (problems) problems.Add("page error: " + error); };
        return (page, problems);
    }

    private async Task AssertNoCspViolationsAsync(IPage page, List<string> problems, string path)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        List<string> all;
        lock (problems) all = [.. problems, .. violations.Select(v => "securitypolicyviolation: " + v)];
        foreach (var p in all) log.WriteLine(p);
        Assert.True(all.Count == 0, $"{path}:\n" + string.Join("\n", all));
    }

    /// <summary>
    /// A neutral page first (so there is something to go back to), then Kith's home page. The quick-exit
    /// site is intercepted and answered with a tiny page, since the machine has no internet.
    /// </summary>
    private async Task<(IPage Page, string ExitUrl)> OpenHomeAfterNeutralPageAsync(IBrowserContext context)
    {
        const string before = "http://before.invalid/";
        await context.RouteAsync(url => url.StartsWith(before, StringComparison.Ordinal), route =>
            route.FulfillAsync(new() { ContentType = "text/html", Body = "<!doctype html><html lang=en><title>Before</title><p>Before</p>" }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(before);
        await page.GotoAsync("/");
        await page.Locator("html[data-quick-exit-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var exitUrl = await page.Locator("a.quick-exit").GetAttributeAsync("data-quick-exit") ?? "";
        Assert.False(exitUrl.StartsWith(app.BaseUrl, StringComparison.Ordinal), "quick exit must lead away from Kith");
        await context.RouteAsync(url => url.StartsWith(exitUrl, StringComparison.Ordinal), route =>
            route.FulfillAsync(new() { ContentType = "text/html", Body = "<!doctype html><html lang=en><title>Neutral</title><p>Weather</p>" }));
        log.WriteLine($"quick exit goes to {exitUrl}");
        return (page, exitUrl);
    }

    private async Task AssertBackDoesNotReturnToKithAsync(IPage page)
    {
        await page.GoBackAsync();
        Assert.False(page.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal),
            $"Back returned to Kith ({page.Url}): the quick exit did not replace the history entry");
        Assert.Equal("Before", await page.TitleAsync());
    }

    private static async Task<List<string>> HrefsAsync(ILocator links)
    {
        var hrefs = new List<string>();
        foreach (var link in await links.AllAsync()) hrefs.Add(await link.GetAttributeAsync("href") ?? "");
        return hrefs;
    }
}
