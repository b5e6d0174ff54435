namespace Kith.BrowserTests;

/// <summary>Every public page and the staff sign-in must work with JavaScript turned off.</summary>
[Collection(KithApp.Collection)]
public sealed class NoJavaScriptTests(KithApp app)
{
    [Fact]
    public async Task Home_renders_the_help_band_links_and_language_switch_without_JavaScript()
    {
        await using var context = await app.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var band = page.Locator("section.get-help");
        Assert.True(await band.IsVisibleAsync());
        // The compact row: every line is also in the band's "All crisis lines" list, closed.
        Assert.True(await band.Locator(".get-help-row > a[href='tel:911']").IsVisibleAsync());
        Assert.True(await band.Locator(".get-help-row > a[href='tel:988']").IsVisibleAsync());
        Assert.True(await band.Locator(".get-help-row > a[href='sms:988']").IsVisibleAsync());
        Assert.True(await page.Locator("a.quick-exit").IsVisibleAsync());

        // The language switch is a plain link.
        await Browse.SwitchLanguageAsync(page, "es");
        Assert.Equal("/", Browse.Path(page));
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await page.Locator("section.get-help .get-help-row > a[href='tel:911']").IsVisibleAsync());
    }

    [Fact]
    public async Task Quick_exit_is_a_plain_link_without_JavaScript()
    {
        // The full Chromium: the headless shell never completes the /exit navigation, whose answer asks the browser to
        // clear the site's data (Chromium.FullBrowserAsync).
        var browser = await Chromium.FullBrowserAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, JavaScriptEnabled = false, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var exitUrl = await page.Locator("a.quick-exit").GetAttributeAsync("data-quick-exit") ?? ""; // reached through /exit
        await context.RouteAsync(url => url.StartsWith(exitUrl, StringComparison.Ordinal), route =>
            route.FulfillAsync(new() { ContentType = "text/html", Body = "<!doctype html><html lang=en><title>Neutral</title><p>Weather</p>" }));
        await page.Locator("a.quick-exit").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(exitUrl, StringComparison.Ordinal));
        Assert.Equal("Neutral", await page.TitleAsync());
    }

    [Fact]
    public async Task Staff_sign_in_and_sign_out_work_without_JavaScript()
    {
        await using var context = await app.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, app.Accounts["coordinator"]);
        Assert.True(await page.Locator("nav.staff-nav").IsVisibleAsync());
        Assert.Contains("Casey Coordinator", await page.Locator("main h1").InnerTextAsync());

        await Browse.SignOutAsync(page);
    }

    [Fact]
    public async Task A_concern_is_sent_and_its_replies_read_and_answered_without_JavaScript()
    {
        await using var context = await app.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("main .hero a[href='/concerns']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/concerns");

        await page.GetByLabel("A friend", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Grief or loss").CheckAsync();
        await page.GetByLabel("It is not urgent, but someone should know").CheckAsync();
        await page.Locator("textarea#narrative").FillAsync("She has not come to practice since the funeral.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to a trained person" }).ClickAsync();

        await page.Locator("code#concern-receipt-code").WaitForAsync();
        Assert.Equal("/concerns/sent", Browse.Path(page)); // Post/Redirect/Get (ADR 26): no receipt in the URL
        var receipt = (await page.Locator("code#concern-receipt-code").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$", receipt);
        Assert.False(await page.Locator("[data-copy-receipt]").IsVisibleAsync(), "the copy button needs JavaScript but is shown");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Value.Contains(receipt.Replace("-", ""), StringComparison.OrdinalIgnoreCase));

        await page.Locator("main a[href='/concerns/follow-up']").ClickAsync();
        await page.Locator("input#receipt").FillAsync(receipt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Read replies" }).ClickAsync();
        await page.Locator(".concern-stage").WaitForAsync();
        Assert.Equal("/concerns/follow-up", Browse.Path(page));
        Assert.Empty(new Uri(page.Url).Query);

        await page.Locator("textarea#text").FillAsync("Her sister says she is staying with an aunt.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await page.Locator("li.concern-from-you").WaitForAsync();
        Assert.Contains("staying with an aunt", await page.Locator("li.concern-from-you").InnerTextAsync());
    }
}
