using Kith.Platform.Data;
using Kith.Screening.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.BrowserTests;

/// <summary>
/// Every public screening page, in every state a person can reach, is scanned with axe (WCAG A/AA, serious and
/// critical fail) and walked with JavaScript off as well as on: the self-checks in three languages, an unfinished
/// form, a result with crisis lines, the offer of a person and its receipt, and the demo campaign from landing to
/// thanks. (axe itself needs JavaScript, so the scans run on the walk with it on; the pages are the same server
/// HTML either way.) With JavaScript on, skip logic hides the questions that are not asked.
/// </summary>
[Collection(InProcessKith.Collection)]
public sealed class ScreeningPagesTests(InProcessKith app, ITestOutputHelper log)
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("so")]
    public async Task The_self_checks_in_each_language_are_accessible(string language)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        await page.GotoAsync($"/check?lang={language}");
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        problems.AddRange(await Browse.SeriousViolationsAsync(page, $"/check ({language})"));
        var links = await page.Locator("ul.screening-instruments a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(12, links.Length);
        // Every form in English; in Spanish and Somali one of each layout (a 0–3 grid, yes/no with skip logic, a 0–5
        // well-being scale): the server renders the same markup in every language, only the words differ.
        var scanned = language == "en" ? links : [.. links.Where(l => l is "/check/phq-9" or "/check/c-ssrs-screener" or "/check/who-5")];
        Assert.Equal(language == "en" ? 12 : 3, scanned.Length);
        foreach (var link in scanned)
        {
            await page.GotoAsync($"{link}?lang={language}");
            problems.AddRange(await Browse.SeriousViolationsAsync(page, $"{link} ({language})"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_self_check_works_from_an_unfinished_form_to_the_receipt_and_every_state_is_accessible(bool javaScript)
    {
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        // Unfinished: the problems beside their questions. C-SSRS shows every question, with its skip instruction.
        await page.GotoAsync("/check/c-ssrs-screener");
        Assert.Equal(!javaScript, await page.Locator("fieldset#item-3").IsVisibleAsync()); // without JavaScript every question shows
        Assert.Contains("only if", await page.Locator("#item-3-skip").InnerTextAsync());
        await page.Locator("#item-1-no").CheckAsync();
        await page.Locator("form.screening-answers button[type=submit]").ClickAsync();
        await page.Locator("fieldset.has-error").First.WaitForAsync();
        if (javaScript) problems.AddRange(await Browse.SeriousViolationsAsync(page, "unfinished C-SSRS"));

        // A positive answer: the lines first, the offer of a person, then the result.
        await page.GotoAsync("/check/phq-9");
        for (var item = 1; item <= 8; item++) await page.Locator($"#item-{item}-0").CheckAsync();
        await page.Locator("#item-9-1").CheckAsync();
        await page.Locator("form.screening-answers button[type=submit]").ClickAsync();
        await page.Locator("section.concern-danger").WaitForAsync();
        Assert.Equal("1", (await page.Locator("[data-score=total]").InnerTextAsync()).Trim());
        if (javaScript) problems.AddRange(await Browse.SeriousViolationsAsync(page, "PHQ-9 result with crisis lines"));

        // Asked without the box ticked, then with it: the receipt.
        await page.Locator("section.screening-reach-out button[type=submit]").ClickAsync();
        await page.Locator("#error-consent").WaitForAsync();
        if (javaScript) problems.AddRange(await Browse.SeriousViolationsAsync(page, "reach-out without consent"));
        await page.Locator("#consent").CheckAsync();
        await page.Locator("section.screening-reach-out button[type=submit]").ClickAsync();
        await page.Locator("#concern-receipt-code").WaitForAsync();
        if (javaScript) problems.AddRange(await Browse.SeriousViolationsAsync(page, "reach-out receipt"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_demo_campaign_works_from_landing_to_thanks_and_every_step_is_accessible(bool javaScript)
    {
        var code = await DemoCampaignCodeAsync();
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        await page.GotoAsync($"/s/{code}");
        if (javaScript) problems.AddRange(await Browse.SeriousViolationsAsync(page, "campaign landing"));
        await page.Locator("form:has(input[name=group]) button[type=submit]").ClickAsync(); // no group chosen
        await page.Locator("#error-group").WaitForAsync();
        if (javaScript) problems.AddRange(await Browse.SeriousViolationsAsync(page, "campaign group missing"));
        await page.Locator("input[name=group][value='Grade 11']").CheckAsync();
        await page.Locator("form:has(input[name=group]) button[type=submit]").ClickAsync();

        // PHQ-A, every answer the lowest; then GAD-7 the same; then thanks.
        foreach (var instrument in new[] { "PHQ-A", "GAD-7" })
        {
            await page.Locator("form.screening-answers").WaitForAsync();
            if (javaScript) problems.AddRange(await Browse.SeriousViolationsAsync(page, $"campaign {instrument} form"));
            foreach (var group in await page.Locator("fieldset.screening-question").AllAsync())
            {
                var zero = group.Locator("input[type=radio][value='0'], input[type=radio][value='no']");
                if (await zero.CountAsync() > 0) await zero.First.CheckAsync();
            }
            await page.Locator("form.screening-answers button[type=submit]").ClickAsync();
            await page.Locator("section.screening-result").WaitForAsync();
            Assert.Equal(0, await page.Locator("section.concern-danger").CountAsync());
            if (javaScript) problems.AddRange(await Browse.SeriousViolationsAsync(page, $"campaign {instrument} result"));
            var next = page.Locator("section.screening-next ~ form button[type=submit], form:has(input[name=step]) button[type=submit]");
            if (instrument == "PHQ-A") await next.First.ClickAsync();
        }
        await page.Locator("#campaign-thanks-title").WaitForAsync();
        if (javaScript) problems.AddRange(await Browse.SeriousViolationsAsync(page, "campaign thanks"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task With_JavaScript_skip_logic_hides_the_questions_not_asked()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/c-ssrs-screener");
        Assert.False(await page.Locator("fieldset#item-3").IsVisibleAsync());
        Assert.False(await page.Locator("fieldset#item-6b").IsVisibleAsync());
        await page.Locator("#item-2-yes").CheckAsync();
        Assert.True(await page.Locator("fieldset#item-3").IsVisibleAsync());
        await page.Locator("#item-3-yes").CheckAsync();
        await page.Locator("#item-2-no").CheckAsync(); // changing one's mind clears the hidden answer
        Assert.False(await page.Locator("fieldset#item-3").IsVisibleAsync());
        Assert.False(await page.Locator("#item-3-yes").IsCheckedAsync());
        await page.Locator("#item-6-yes").CheckAsync();
        Assert.True(await page.Locator("fieldset#item-6b").IsVisibleAsync());
    }

    [Fact]
    public async Task The_coordinators_campaign_pages_are_accessible()
    {
        await DemoCampaignCodeAsync();
        await app.AddStaffAsync("admin@screening-pages.test", Kith.Community.Contracts.Roles.Admin);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, new DemoAccount("admin", "admin@screening-pages.test", InProcessKith.Password));
        var problems = new List<string>();
        await page.GotoAsync("/staff/screening/campaigns");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "campaign list"));
        await page.Locator($"a:has-text('{RiverbendScreeningDemo.CampaignName}')").First.ClickAsync();
        await page.Locator("table.campaign-aggregate").First.WaitForAsync();
        Assert.True(await page.Locator("svg[role=img]").CountAsync() > 0, "the QR code is on the page");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "campaign view with totals and QR code"));
        await page.GotoAsync("/staff/screening/campaigns/new");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "new campaign"));
        await page.Locator("form:has(#name) button[type=submit]").ClickAsync(); // empty: the problems beside the fields
        await page.Locator("#concern-errors").WaitForAsync(); // the answer with the problems has arrived: scan it
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "new campaign with problems"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<string> DemoCampaignCodeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        // The demo is seeded before the host listens (InProcessKith.InitializeAsync returns after that).
        var code = await db.ScreeningCampaigns.Where(c => c.Name == RiverbendScreeningDemo.CampaignName).Select(c => c.Code).SingleAsync();
        log.WriteLine($"demo campaign /s/{code}");
        return code;
    }
}
