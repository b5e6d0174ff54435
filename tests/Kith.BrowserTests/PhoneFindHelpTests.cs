using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

/// <summary>
/// Find help on a cheap phone (390×844), with JavaScript on and off: a search lands on its answer — the results
/// heading, or for risk words the crisis options — on screen and focused (a <c>#results</c> fragment and
/// <c>autofocus</c>, no script needed); the same in Spanish and Somali, in their words; and the results with their map and a service page pass axe.
/// </summary>
[Collection(KithApp.Collection)]
public sealed class PhoneFindHelpTests(KithApp app)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_search_and_a_risk_query_land_on_their_answer_in_view_and_focused(bool javaScript)
    {
        await using var context = await app.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.GotoAsync("/help");

        await page.Locator("input#q").FillAsync("grief");
        await page.Locator("input#q").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("q=grief"));
        var heading = page.Locator("h2#results");
        await Expect(heading).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ services found$"));
        await Expect(heading).ToBeInViewportAsync(new() { Ratio = 0.9f });
        await Expect(heading).ToBeFocusedAsync();

        await page.Locator("input#q").FillAsync("I want to die");
        await page.Locator("input#q").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("want"));
        var crisis = page.Locator(".crisis-panel h2#results");
        await Expect(crisis).ToBeInViewportAsync(new() { Ratio = 0.9f });
        await Expect(crisis).ToBeFocusedAsync();
        // The first way to reach someone is on the same screen as the heading.
        await Expect(page.Locator(".crisis-panel a[href^='tel:'], .crisis-panel a[href^='sms:']").First).ToBeInViewportAsync();
    }

    /// <summary>
    /// The same journey in Spanish and in Somali, the language chosen with the switch as a person would: the results
    /// heading and the crisis options are the reader's translations (from the .resx), in view and focused. JavaScript
    /// on in both, and off in one (what no script does here is the same in every language: a fragment and autofocus).
    /// </summary>
    [Theory]
    [InlineData("es", "duelo", "quiero morir", true)]
    [InlineData("so", "murug", "waxaan rabaa inaan dhinto", true)]
    [InlineData("so", "murug", "waxaan rabaa inaan dhinto", false)]
    public async Task In_spanish_and_somali_a_search_and_a_risk_query_land_on_their_answer_in_the_language(
        string language, string search, string risk, bool javaScript)
    {
        await using var context = await app.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.GotoAsync("/help");
        await Browse.SwitchLanguageAsync(page, language);

        await page.Locator("input#q").FillAsync(search);
        await page.Locator("input#q").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("q=" + search));
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        var heading = page.Locator("h2#results");
        await Expect(heading).ToHaveTextAsync(Translation.CountPattern(language, "{0} services found"));
        await Expect(heading).ToBeInViewportAsync(new() { Ratio = 0.9f });
        await Expect(heading).ToBeFocusedAsync();
        Assert.True(await page.Locator("ol.results .result").CountAsync() > 0, $"no results for {search}");

        await page.Locator("input#q").FillAsync(risk);
        await page.Locator("input#q").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("q=" + risk.Split(' ')[0]));
        var crisis = page.Locator(".crisis-panel h2#results");
        await Expect(crisis).ToHaveTextAsync(Translation.Of(language, "You can talk to someone right now"));
        await Expect(crisis).ToBeInViewportAsync(new() { Ratio = 0.9f });
        await Expect(crisis).ToBeFocusedAsync();
        await Expect(page.Locator(".crisis-panel a[href^='tel:'], .crisis-panel a[href^='sms:']").First).ToBeInViewportAsync();
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task Results_with_their_map_and_a_service_page_have_no_serious_accessibility_problems()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.GotoAsync("/help?q=counselling&lat=44.02&lon=-93.01&sort=distance#results");
        await Expect(page.Locator("figure.results-map svg a.map-pin").First).ToBeAttachedAsync();
        var problems = (await Browse.SeriousViolationsAsync(page, "results and map")).ToList();

        await page.Locator("ol.results .result h3 a").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/help/services/", StringComparison.Ordinal));
        await Expect(page.Locator(".share-service")).ToBeVisibleAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "service page"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
