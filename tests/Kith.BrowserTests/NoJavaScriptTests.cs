namespace Kith.BrowserTests;

/// <summary>Every public page and the staff sign-in must work with JavaScript turned off.</summary>
public sealed class NoJavaScriptTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Home_renders_the_help_band_links_and_language_switch_without_JavaScript()
    {
        await using var context = await app.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var band = page.Locator("section.get-help");
        Assert.True(await band.IsVisibleAsync());
        Assert.True(await band.Locator("a[href='tel:911']").IsVisibleAsync());
        Assert.True(await band.Locator("a[href='tel:988']").First.IsVisibleAsync());
        Assert.True(await band.Locator("a[href='sms:988']").IsVisibleAsync());
        Assert.True(await page.Locator("a.quick-exit").IsVisibleAsync());

        // The language switch is a plain link.
        await page.Locator("nav.language-switch a[hreflang='es']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await page.Locator("section.get-help a[href='tel:911']").IsVisibleAsync());
    }

    [Fact]
    public async Task Quick_exit_is_a_plain_link_without_JavaScript()
    {
        await using var context = await app.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var exitUrl = await page.Locator("a.quick-exit").GetAttributeAsync("href") ?? "";
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
}
