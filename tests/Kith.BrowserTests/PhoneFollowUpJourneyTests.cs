using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

/// <summary>
/// Following up a concern on a phone (390×844), with JavaScript on and off (issue 13): after every submit the answer
/// is on the screen and focused — the problem with a wrong receipt, the conversation it opens, the problem with an
/// empty message, the "sent" notice, and for a worrying message the crisis lines themselves.
/// </summary>
[Collection(KithApp.Collection)]
public sealed class PhoneFollowUpJourneyTests(KithApp app)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_step_of_a_follow_up_lands_on_its_answer_and_a_worrying_message_on_the_crisis_lines(bool javaScript)
    {
        await using var context = await app.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        var receipt = await ReportAsync(page);

        await page.GotoAsync("/concerns/follow-up");
        await page.Locator("#receipt").FillAsync("AAAA-BBBB-CCCC-DDDD-EEEE");
        await ReadRepliesAsync(page);
        await InViewAndFocusedAsync(page.Locator("#receipt-problem"));

        await page.Locator("#receipt").FillAsync(receipt);
        await ReadRepliesAsync(page);
        await InViewAndFocusedAsync(page.Locator("#follow-up-title"));

        await SendAsync(page);
        await InViewAndFocusedAsync(page.Locator("textarea#text"));
        Assert.Equal("true", await page.Locator("textarea#text").GetAttributeAsync("aria-invalid"));

        await page.Locator("textarea#text").FillAsync("Thanks for replying. She ate lunch with us today.");
        await SendAsync(page);
        await InViewAndFocusedAsync(page.Locator("#follow-up-sent"));
        Assert.Equal(0, await page.Locator("#crisis-options").CountAsync());

        await page.Locator("textarea#text").FillAsync("Sam posted again tonight saying goodbye. I am scared.");
        await SendAsync(page);
        var crisis = page.Locator("main #crisis-options");
        await InViewAndFocusedAsync(crisis);
        await Expect(crisis.Locator("a[href^='tel:']").First).ToBeInViewportAsync();
        if (javaScript) Assert.Empty(await Browse.SeriousViolationsAsync(page, "follow-up with crisis lines on a phone"));
    }

    private static async Task<string> ReportAsync(IPage page)
    {
        await page.GotoAsync("/concerns");
        await page.Locator("input[name=about][value=student]").CheckAsync();
        await page.Locator("input[name=categories][value=bullying]").CheckAsync();
        await page.Locator("input[name=urgency][value=can-wait]").CheckAsync();
        await page.Locator("#narrative").FillAsync("Sam has been sitting alone at lunch for weeks.");
        await page.Locator("button.concern-send").ClickAsync();
        return (await page.Locator("#concern-receipt-code").InnerTextAsync()).Trim();
    }

    private static Task ReadRepliesAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Read replies", Exact = true }).ClickAsync();

    private static Task SendAsync(IPage page) =>
        page.Locator("form.concern-reply button[type=submit]").ClickAsync();

    private static async Task InViewAndFocusedAsync(ILocator answer)
    {
        await Expect(answer).ToBeFocusedAsync();
        await Expect(answer).ToBeInViewportAsync();
    }
}
