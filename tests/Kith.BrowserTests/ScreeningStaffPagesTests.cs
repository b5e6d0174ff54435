using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// A responder records a PHQ-9 for a named person in the browser (no JavaScript needed): a critical answer puts the
/// crisis lines first on the result and names the concern raised; every page on the way passes the accessibility scan.
/// </summary>
[Collection(KithApp.Collection)]
public sealed class ScreeningStaffPagesTests(KithApp app, ITestOutputHelper log)
{
    [Fact]
    public async Task A_responder_records_a_screening_sees_the_crisis_lines_and_the_concern_and_every_page_is_accessible()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, app.Accounts["responder"]);
        var problems = new List<string>();

        await page.GotoAsync("/staff/screening/record");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "record: choose"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Patient Health Questionnaire (PHQ-9)" }).ClickAsync();
        await page.GetByLabel("The person's name").WaitForAsync(); // the form has arrived: scan it, not the list
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "record: form"));

        await page.GetByLabel("The person's name").FillAsync("Hodan Ali");
        await page.GetByLabel("Identifier (e.g. MRN or student number, optional)").FillAsync("S-117");
        for (var item = 1; item <= 9; item++)
            await page.Locator($"#item-{item}-{(item == 9 ? 1 : 0)}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the screening" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/staff/screening/responses/", StringComparison.Ordinal));

        // Crisis lines come before anything else in the page's content.
        Assert.Equal("concern-danger", await page.Locator("main section").First.GetAttributeAsync("class"));
        Assert.Contains("A concern was raised for follow-up", await page.Locator("main").InnerTextAsync());
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "response detail"));

        await page.GotoAsync("/staff/screening/responses");
        Assert.Contains("Hodan Ali", await page.Locator("main table").InnerTextAsync());
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "responses list"));

        foreach (var p in problems) log.WriteLine(p);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
