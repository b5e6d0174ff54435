namespace Kith.BrowserTests;

/// <summary>
/// The public layout on a phone (390×844, ADR 0032): quick exit on screen at every scroll position of every public page
/// and one tap away; the compact "Get help now" band first and short; the error summary landing in view, focused.
/// </summary>
[Collection(KithApp.Collection)]
public sealed class PhoneLayoutTests(KithApp app, ITestOutputHelper log)
{
    private const int Width = 390, Height = 844;
    private const string Neutral = "<!doctype html><html lang=en><title>Neutral</title><p>Weather</p>";

    private async Task<IBrowserContext> PhoneAsync(bool javaScript = true) =>
        await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, JavaScriptEnabled = javaScript, Locale = "en-US",
            ViewportSize = new() { Width = Width, Height = Height }, HasTouch = true, IsMobile = true,
        });

    /// <summary>Public pages from the Razor @page directives without staff sign-in, with their ids taken from the pages that link to them.</summary>
    private static async Task<List<string>> PublicPagesAsync(IPage page)
    {
        await page.GotoAsync("/help?q=counselling");
        var service = await page.Locator("a[href^='/help/services/']").First.GetAttributeAsync("href");
        await page.GotoAsync("/check");
        var instrument = await page.Locator("main a[href^='/check/']").First.GetAttributeAsync("href");
        return ["/", "/help", "/help?q=counselling", "/help?q=I+want+to+die", service!, "/concerns", "/concerns/follow-up",
            "/check", instrument!, "/safety-plan", "/safety-plan/open", "/not-found"];
    }

    [Fact]
    public async Task Quick_exit_is_on_screen_at_every_scroll_position_of_every_public_page_and_one_tap_leaves_for_good()
    {
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();
        var longest = (Path: "", Positions: 0, Height: 0.0);
        foreach (var path in await PublicPagesAsync(page))
        {
            await page.GotoAsync(path);
            // Scroll from the top to the bottom in steps of the screen's height; at each stop the button is whole on screen,
            // nothing covers its middle (a tap lands on it), and it is at least 44×44.
            var stops = await page.EvaluateAsync<Stop[]>("""
                async () => {
                  const link = document.querySelector('a.quick-exit'), stops = [];
                  for (let y = 0; ; y += innerHeight) {
                    scrollTo(0, y);
                    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                    const b = link.getBoundingClientRect();
                    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                    stops.push({ scrollY: Math.round(scrollY), top: b.top, left: b.left, bottom: b.bottom, right: b.right,
                      width: b.width, height: b.height, onTop: link.contains(hit), pageHeight: document.documentElement.scrollHeight });
                    if (scrollY + innerHeight >= document.documentElement.scrollHeight - 1) break;
                  }
                  return stops;
                }
                """);
            foreach (var s in stops)
            {
                Assert.True(s.Top >= 0 && s.Left >= 0 && s.Bottom <= Height && s.Right <= Width,
                    $"{path} scrolled to {s.ScrollY}: quick exit at ({s.Left},{s.Top})–({s.Right},{s.Bottom}), outside the {Width}×{Height} screen");
                Assert.True(s.OnTop, $"{path} scrolled to {s.ScrollY}: something covers the quick exit");
                Assert.True(s.Width >= 44 && s.Height >= 44, $"{path}: quick exit is {s.Width}×{s.Height}, under 44×44");
            }
            if (stops[^1].PageHeight > longest.Height) longest = (path, stops.Length, stops[^1].PageHeight);
        }
        log.WriteLine($"longest public page: {longest.Path}, {longest.Height} px, quick exit checked at {longest.Positions} scroll positions");
        Assert.True(longest.Positions >= 3, "no public page was long enough to scroll: the test proved nothing");

        // While typing in the concern form, half-way down, the button is still on screen.
        await page.GotoAsync("/concerns");
        await page.Locator("#narrative").FillAsync("typing");
        await page.Locator("#narrative").FocusAsync();
        var box = (await page.Locator("a.quick-exit").BoundingBoxAsync())!;
        Assert.True(await page.EvaluateAsync<double>("() => scrollY") > Height, "the concern form's text box is on the first screen: typing proves nothing");
        Assert.True(box.Y >= 0 && box.Y + box.Height <= Height, "quick exit left the screen while typing");

        // One tap (a touch, not a click) from the bottom of the page: the neutral site, in this tab and in a new one.
        await context.RouteAsync(url => url.StartsWith(ExitUrl, StringComparison.Ordinal), route =>
            route.FulfillAsync(new() { ContentType = "text/html", Body = Neutral }));
        await page.Locator("html[data-quick-exit-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync("() => scrollTo(0, document.documentElement.scrollHeight)");
        var popup = page.Context.WaitForPageAsync();
        await page.Locator("a.quick-exit").TapAsync();
        await page.WaitForURLAsync(url => url.StartsWith(ExitUrl, StringComparison.Ordinal));
        var newTab = await popup;
        await newTab.WaitForURLAsync(url => url.StartsWith(ExitUrl, StringComparison.Ordinal));
        Assert.Equal("Neutral", await newTab.TitleAsync());
        // The new tab has nothing behind it; this tab's Back does not return to the concern form (the entry was replaced).
        Assert.Null(await newTab.GoBackAsync());
        await page.GoBackAsync();
        Assert.NotEqual("/concerns", new Uri(page.Url).AbsolutePath);
        log.WriteLine($"Back in the old tab after quick exit: {page.Url} (earlier Kith pages in a tab stay in its history)");
    }

    [Fact]
    public async Task Without_JavaScript_the_compact_band_is_first_and_short_opens_to_every_line_and_quick_exit_is_a_fixed_link()
    {
        await using var context = await PhoneAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var band = page.Locator("section.get-help");
        var bandBox = (await band.BoundingBoxAsync())!;
        var mainBox = (await page.Locator("main").BoundingBoxAsync())!;
        log.WriteLine($"the Get help band ends at y = {bandBox.Y + bandBox.Height} on a {Width}×{Height} phone");
        Assert.True(bandBox.Y + bandBox.Height <= 210, $"the Get help band ends at y = {bandBox.Y + bandBox.Height}");
        Assert.True(mainBox.Y >= bandBox.Y + bandBox.Height, "the band is not before the page's content");
        // Emergency and 988 (call and text) on the first screen, named for what they call.
        foreach (var (href, name) in new[] { ("tel:911", "Call 911, Emergency"), ("tel:988", "Call 988, 988 Suicide & Crisis Lifeline"), ("sms:988", "Text 988, 988 Suicide & Crisis Lifeline") })
        {
            var link = band.Locator($".get-help-row > a[href='{href}']");
            Assert.True(await link.IsVisibleAsync(), $"{href} is not on the first screen");
            Assert.Equal(name, (await link.TextContentAsync())!.Trim());
            var b = (await link.BoundingBoxAsync())!;
            Assert.True(b.Y + b.Height <= bandBox.Y + bandBox.Height && b.Height >= 44, $"{href}: {b.Width}×{b.Height} at y = {b.Y}");
        }
        // Every configured line, text-only ones too, one tap further — a <details>, so without JavaScript as well.
        Assert.False(await band.Locator("a[href^='sms:741741']").IsVisibleAsync());
        await band.Locator("summary", new() { HasText = "All crisis lines" }).ClickAsync();
        Assert.True(await band.Locator("a[href^='sms:741741']").IsVisibleAsync());
        Assert.True(await band.Locator(".crisis-lines a[href='tel:833-897-2474'], .crisis-lines a[href='tel:8338972474']").IsVisibleAsync());

        // Quick exit: a plain link to the neutral site, still on screen at the bottom of the long concern form.
        await page.GotoAsync("/concerns");
        var exit = page.Locator("a.quick-exit");
        Assert.Equal("/exit", await exit.GetAttributeAsync("href")); // which redirects to the neutral site, clearing Kith's cookies
        Assert.Equal(ExitUrl, await exit.GetAttributeAsync("data-quick-exit"));
        await page.Locator("footer").ScrollIntoViewIfNeededAsync();
        var box = (await exit.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= Height, $"quick exit at y = {box.Y} is off the screen at the bottom of /concerns");
        await context.RouteAsync(url => url.StartsWith(ExitUrl, StringComparison.Ordinal), route =>
            route.FulfillAsync(new() { ContentType = "text/html", Body = Neutral }));
        // One tap: /exit, whose redirect (Playwright routes only a chain's first request) asks for the neutral site.
        var neutral = page.WaitForRequestAsync(r => r.Url.StartsWith(ExitUrl, StringComparison.Ordinal) && r.RedirectedFrom?.Url.EndsWith("/exit") == true);
        await exit.TapAsync();
        await neutral;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task After_an_empty_submit_the_error_summary_is_in_view_and_focused(bool javaScript)
    {
        await using var context = await PhoneAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/concerns");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to a trained person" }).ClickAsync();

        // GOV.UK's pattern, without JavaScript: the summary has focus (autofocus) and the browser scrolled it into view.
        var summary = page.Locator("#concern-errors:focus");
        await summary.WaitForAsync();
        Assert.Equal("There is a problem", (await summary.Locator("h2").InnerTextAsync()).Trim());
        var box = (await summary.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y < Height, $"the error summary is at y = {box.Y}, off the screen");
        Assert.Null(await summary.GetAttributeAsync("role")); // focus reads it once; role=alert would read it twice
        foreach (var link in await summary.Locator("a").AllAsync())
        {
            var target = (await link.GetAttributeAsync("href"))!;
            Assert.StartsWith("#", target);
            Assert.Equal(1, await page.Locator(target).CountAsync());
        }
        if (!javaScript) return;

        // axe on the changed layout: the form with its problems, and a page with every crisis line open.
        var problems = new List<string>(await Browse.SeriousViolationsAsync(page, "/concerns with problems (phone)"));
        await page.GotoAsync("/");
        await page.Locator("section.get-help summary").ClickAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "/ with every crisis line open (phone)"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The deployment's neutral site (appsettings.json, Kith:QuickExitUrl).</summary>
    private const string ExitUrl = "https://www.weather.gov/";

    /// <summary>One scroll position: where the button was (Playwright fills it from the page's JSON).</summary>
    private sealed class Stop
    {
        public int ScrollY { get; set; }
        public double Top { get; set; }
        public double Left { get; set; }
        public double Bottom { get; set; }
        public double Right { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
        public bool OnTop { get; set; }
        public double PageHeight { get; set; }
    }
}
