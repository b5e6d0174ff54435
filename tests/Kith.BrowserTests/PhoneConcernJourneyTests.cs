using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

/// <summary>
/// Reporting a concern on a phone (390×844), with JavaScript on and off (issue 13): after every submit the answer
/// is on the screen and focused — the error summary after an empty form, the receipt after sending (and again after
/// a reload, with nothing sent twice), the crisis lines for an imminent concern — in English and in Spanish.
/// </summary>
[Collection(KithApp.Collection)]
public sealed class PhoneConcernJourneyTests(KithApp app)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_error_summary_then_the_receipt_come_into_view_focused_and_a_reload_shows_the_same_receipt(bool javaScript)
    {
        await using var context = await app.NewContextAsync(javaScript);
        var page = await PhoneAsync(context);
        await page.GotoAsync("/concerns");

        // An empty form: the summary of problems, not the crisis band, is what the phone shows.
        await page.Locator("button.concern-send").ClickAsync();
        var summary = page.Locator("#concern-errors");
        await Expect(summary).ToBeInViewportAsync();
        await Expect(summary).ToBeFocusedAsync();
        Assert.Equal("/concerns", Browse.Path(page));

        await page.Locator("input[name=about][value=student]").CheckAsync();
        await page.Locator("input[name=categories][value=bullying]").CheckAsync();
        await page.Locator("input[name=urgency][value=can-wait]").CheckAsync();
        await page.Locator("#narrative").FillAsync("They take her phone every lunch break.");
        await page.Locator("button.concern-send").ClickAsync();

        var thanks = page.Locator("main section.concern-thanks");
        await Expect(thanks).ToBeFocusedAsync();
        await Expect(page.Locator("#concern-receipt-code")).ToBeInViewportAsync();
        Assert.Equal("/concerns/sent", Browse.Path(page));
        var receipt = (await page.Locator("#concern-receipt-code").InnerTextAsync()).Trim();
        Assert.DoesNotContain(receipt.Replace("-", ""), page.Url.Replace("-", ""), StringComparison.OrdinalIgnoreCase);

        await page.ReloadAsync();
        await Expect(page.Locator("#concern-receipt-code")).ToHaveTextAsync(receipt);
        await Expect(thanks).ToBeFocusedAsync();
        if (javaScript) Assert.Empty(await Browse.SeriousViolationsAsync(page, "receipt on a phone"));
    }

    [Fact]
    public async Task In_Spanish_an_imminent_concern_puts_the_crisis_lines_on_the_screen_focused_before_the_receipt()
    {
        await using var context = await app.NewContextAsync();
        var page = await PhoneAsync(context);
        await page.GotoAsync("/concerns");
        await Browse.SwitchLanguageAsync(page, "es");

        await page.Locator("input[name=about][value=friend]").CheckAsync();
        await page.Locator("input[name=categories][value=suicide-self-harm]").CheckAsync();
        await page.Locator("input[name=urgency][value=soon]").CheckAsync(); // the words make it imminent
        await page.Locator("#narrative").FillAsync("Mi amigo dijo que se va a matar esta noche. Tiene pastillas guardadas.");
        await page.Locator("button.concern-send").ClickAsync();

        var crisis = page.Locator("main .concern-danger-focus");
        await Expect(crisis).ToBeFocusedAsync();
        await Expect(crisis.Locator("a[href='tel:988']").First).ToBeInViewportAsync();
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("/concerns/sent", Browse.Path(page));
        Assert.True(await page.Locator("#concern-receipt-code").IsVisibleAsync()); // further down, a link away
        Assert.Empty(await Browse.SeriousViolationsAsync(page, "imminent receipt on a phone (es)"));
    }

    private static async Task<IPage> PhoneAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        return page;
    }
}
