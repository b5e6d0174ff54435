using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

/// <summary>
/// The self-check and the safety plan on a cheap phone (390×844), with JavaScript on and off (issue 13): after
/// every submit the page lands on its answer — the crisis lines after a critical answer, the numbered error summary
/// after an empty submit, the new line after "Add another", the saved plan — inside the viewport and focused; the
/// checkboxes are at least 24 px; axe finds nothing serious on any of these pages.
/// </summary>
[Collection(KithApp.Collection)]
public sealed class PhoneScreeningJourneyTests(KithApp app, ITestOutputHelper log)
{
    private const int Width = 390, Height = 844;

    private Task<IBrowserContext> PhoneAsync(bool javaScript) =>
        app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl, JavaScriptEnabled = javaScript, Locale = "en-US",
            ViewportSize = new() { Width = Width, Height = Height }, IsMobile = true, HasTouch = true,
        });

    /// <summary>
    /// The element is focused and on screen. Playwright's own assertions, not page.evaluate: they run in its utility
    /// world, which works with the page's JavaScript turned off.
    /// </summary>
    private static async Task AssertLandsOnAsync(IPage page, string id)
    {
        var target = page.Locator("#" + id);
        await Expect(target).ToBeFocusedAsync();
        await Expect(target).ToBeInViewportAsync();
    }

    private async Task AssertNoSeriousViolationsAsync(IPage page, string label)
    {
        var violations = await Browse.SeriousViolationsAsync(page, label);
        foreach (var v in violations) log.WriteLine(v);
        Assert.Empty(violations);
    }

    private static async Task AssertAtLeast24Async(ILocator box, string what)
    {
        var size = (await box.BoundingBoxAsync())!;
        Assert.True(size.Width >= 24 && size.Height >= 24, $"{what} is {size.Width}×{size.Height} px");
        var row = (await box.Locator("xpath=..").BoundingBoxAsync())!;
        Assert.True(row.Height >= 44, $"{what}'s row is {row.Height} px tall");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_critical_self_check_answer_lands_on_the_crisis_lines_and_an_empty_one_on_numbered_errors(bool javaScript)
    {
        await using var context = await PhoneAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/c-ssrs-screener");

        // Empty: the error summary, focused and on screen, naming each question by its number.
        await page.Locator("form.screening-answers button[type=submit]").ClickAsync();
        await page.Locator("#concern-errors").WaitForAsync();
        await AssertLandsOnAsync(page, "concern-errors");
        var messages = await page.Locator("#concern-errors li").AllInnerTextsAsync();
        Assert.Contains(messages, m => m.EndsWith("Answer question 1.", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.EndsWith("Answer question 6.", StringComparison.Ordinal));
        if (javaScript) await AssertNoSeriousViolationsAsync(page, "c-ssrs errors");

        // High risk: the crisis lines first, focused and on screen; the consent box is a thumb's size.
        await page.Locator("#item-1-yes").CheckAsync();
        await page.Locator("#item-2-yes").CheckAsync();
        foreach (var item in new[] { "3", "5", "6" }) await page.Locator($"#item-{item}-no").CheckAsync();
        await page.Locator("#item-4-yes").CheckAsync();
        await page.Locator("form.screening-answers button[type=submit]").ClickAsync();
        await page.Locator("#crisis-options").WaitForAsync();
        await AssertLandsOnAsync(page, "crisis-options");
        Assert.True(await page.Locator("#crisis-options a[href='tel:988']").First.IsVisibleAsync());
        Assert.Equal("Same-day crisis counselling", (await page.Locator("ul.screening-services li a").First.InnerTextAsync()).Trim());
        await AssertAtLeast24Async(page.Locator("#consent"), "the consent checkbox");
        if (javaScript) await AssertNoSeriousViolationsAsync(page, "c-ssrs high risk");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Add_another_lands_on_the_new_line_and_save_on_the_saved_plan(bool javaScript)
    {
        await using var context = await PhoneAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/safety-plan");

        await page.Locator("#coping-0-text").FillAsync("A walk by the river");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another to step 2" }).ClickAsync();
        await page.Locator("#coping-1-text").WaitForAsync();
        await AssertLandsOnAsync(page, "coping-1-text");
        await page.Keyboard.TypeAsync("Music"); // the focus is where the person writes on
        Assert.Equal("Music", await page.Locator("#coping-1-text").InputValueAsync());
        Assert.Equal("A walk by the river", await page.Locator("#coping-0-text").InputValueAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Save my plan" }).First.ClickAsync();
        await page.Locator("code#plan-code").WaitForAsync();
        await AssertLandsOnAsync(page, "plan-title");
        if (javaScript) await AssertNoSeriousViolationsAsync(page, "plan saved");

        // The plan opened: the delete box is a thumb's size.
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my plan to print, download or share it" }).ClickAsync();
        await page.Locator(".plan-view").WaitForAsync();
        await AssertAtLeast24Async(page.Locator("#confirm"), "the delete checkbox");
        if (javaScript) await AssertNoSeriousViolationsAsync(page, "plan opened");
    }

    [Fact]
    public async Task A_spanish_self_check_lands_on_numbered_errors_then_on_the_crisis_lines()
    {
        await using var context = await PhoneAsync(javaScript: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/phq-9");
        await Browse.SwitchLanguageAsync(page, "es");

        await page.Locator("#item-1-1").CheckAsync();
        await page.Locator("form.screening-answers button[type=submit]").ClickAsync();
        await page.Locator("#concern-errors").WaitForAsync();
        await AssertLandsOnAsync(page, "concern-errors");
        Assert.Contains("Responda la pregunta 2.", await page.Locator("#concern-errors").InnerTextAsync());
        Assert.Equal(8, await page.Locator("#concern-errors li").CountAsync());

        for (var item = 2; item <= 8; item++) await page.Locator($"#item-{item}-1").CheckAsync();
        await page.Locator("#item-9-2").CheckAsync();
        await page.Locator("form.screening-answers button[type=submit]").ClickAsync();
        await page.Locator("#crisis-options").WaitForAsync();
        await AssertLandsOnAsync(page, "crisis-options");
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
        await AssertNoSeriousViolationsAsync(page, "phq-9 es crisis");
    }
}
