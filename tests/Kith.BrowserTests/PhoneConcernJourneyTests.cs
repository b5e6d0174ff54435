using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

/// <summary>
/// Reporting a concern on a phone (390×844), with JavaScript on and off (issue 13): after every submit the answer
/// is on the screen and focused — the error summary after an empty form, the receipt after sending (and again after
/// a reload, with nothing sent twice), the crisis lines for an imminent concern — in English, and in Spanish and Somali
/// in the reader's words.
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

    /// <summary>
    /// In Spanish (chosen with the switch) and Somali: the error summary names each unanswered question in the
    /// reader's words and links to it, then the receipt — both in view and focused, their texts the .resx translations.
    /// JavaScript on in both, and off in one (without script the focus is autofocus, the same in every language).
    /// </summary>
    [Theory]
    [InlineData("es", true)]
    [InlineData("so", true)]
    [InlineData("es", false)]
    public async Task In_spanish_and_somali_the_error_summary_and_the_receipt_are_in_view_focused_and_in_the_language(string language, bool javaScript)
    {
        await using var context = await app.NewContextAsync(javaScript);
        var page = await PhoneAsync(context);
        await page.GotoAsync("/concerns");
        await Browse.SwitchLanguageAsync(page, language);

        await page.Locator("button.concern-send").ClickAsync();
        var summary = page.Locator("#concern-errors");
        await Expect(summary).ToBeInViewportAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("h2")).ToHaveTextAsync(Translation.Of(language, "There is a problem"));
        await Expect(summary.Locator("p")).ToHaveTextAsync(Translation.Of(language, "Please check these and send again:"));
        // One link per unanswered question, in the form's order, each to that question's first answer.
        var problems = summary.Locator("li a");
        await Expect(problems).ToHaveTextAsync([
            Translation.Of(language, "Choose who you are worried about."),
            Translation.Of(language, "Choose at least one thing that worries you."),
            Translation.Of(language, "Choose how urgent it feels."),
        ]);
        string[] questions = ["about", "categories", "urgency"];
        for (var i = 0; i < questions.Length; i++)
        {
            var target = await problems.Nth(i).GetAttributeAsync("href");
            Assert.Equal(questions[i], await page.Locator($"input{target}").GetAttributeAsync("name"));
        }
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));

        await page.Locator("input[name=about][value=student]").CheckAsync();
        await page.Locator("input[name=categories][value=bullying]").CheckAsync();
        await page.Locator("input[name=urgency][value=can-wait]").CheckAsync();
        await page.Locator("button.concern-send").ClickAsync();

        var thanks = page.Locator("main section.concern-thanks");
        await Expect(thanks).ToBeFocusedAsync();
        await Expect(thanks.Locator("h1")).ToHaveTextAsync(Translation.Of(language, "Thank you. A person will read this."));
        await Expect(thanks.Locator("h1")).ToBeInViewportAsync();
        await Expect(page.Locator("#concern-receipt-title")).ToHaveTextAsync(Translation.Of(language, "Your receipt code"));
        await Expect(page.Locator("#concern-receipt-code")).ToBeInViewportAsync();
        Assert.Equal(("/concerns/sent", language), (Browse.Path(page), await page.Locator("html").GetAttributeAsync("lang")));
    }

    private static async Task<IPage> PhoneAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        return page;
    }
}
