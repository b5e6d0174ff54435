namespace Kith.BrowserTests;

/// <summary>
/// The personal safety plan in a real browser: made, opened, printed, downloaded and deleted with JavaScript off;
/// the Print button as an enhancement with it on; and axe on every plan page in each language.
/// </summary>
[Collection(KithApp.Collection)]
public sealed class SafetyPlanTests(KithApp app, ITestOutputHelper log)
{
    [Fact]
    public async Task A_plan_is_made_opened_printed_downloaded_and_deleted_without_JavaScript()
    {
        await using var context = await app.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/safety-plan");
        Assert.True(await page.Locator("section.get-help").IsVisibleAsync());

        await page.Locator("#warning-signs-0-text").FillAsync("I stop answering messages");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another to step 1" }).ClickAsync();
        await page.Locator("#warning-signs-1-text").FillAsync("I cannot sleep");
        Assert.Equal("I stop answering messages", await page.Locator("#warning-signs-0-text").InputValueAsync());
        await page.Locator("#helpers-0-text").FillAsync("My cousin Amina");
        await page.Locator("#helpers-0-phone").FillAsync("555-0123");
        await page.Locator("#reasons-0-text").FillAsync("My little brother");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my plan" }).First.ClickAsync();

        await page.Locator("code#plan-code").WaitForAsync();
        Assert.Equal("/safety-plan", Browse.Path(page)); // the same POST answered: the code is in no URL
        var code = (await page.Locator("code#plan-code").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$", code);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Value.Contains(code.Replace("-", ""), StringComparison.OrdinalIgnoreCase));

        // Opened later in a fresh visit, with the code typed.
        await page.GotoAsync("/safety-plan/open");
        await page.Locator("input#code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my plan" }).ClickAsync();
        await page.Locator(".plan-view").WaitForAsync();
        Assert.Empty(new Uri(page.Url).Query);
        var view = await page.Locator(".plan-view").InnerTextAsync();
        Assert.Contains("I cannot sleep", view);
        Assert.Contains("555-0123", view);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download as text" }).ClickAsync());
        Assert.Equal("my-safety-plan.txt", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("My little brother", text);

        await page.GetByRole(AriaRole.Button, new() { Name = "Printable version" }).ClickAsync();
        await page.Locator(".plan-printable .plan-view").WaitForAsync();
        Assert.Equal("/safety-plan/print", Browse.Path(page));
        Assert.Contains("My cousin Amina", await page.Locator(".plan-view").InnerTextAsync());
        Assert.False(await page.Locator("[data-print-plan]").IsVisibleAsync(), "the Print button needs JavaScript but is shown");

        await page.GotoAsync("/safety-plan/open");
        await page.Locator("input#code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my plan" }).ClickAsync();
        await page.Locator("#confirm").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my plan" }).ClickAsync();
        await page.Locator(".alert.success[role=status]").WaitForAsync();

        await page.GotoAsync("/safety-plan/open");
        await page.Locator("input#code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my plan" }).ClickAsync();
        await page.Locator("#code-problem").WaitForAsync();
    }

    [Fact]
    public async Task The_printable_version_prints_with_one_button_when_JavaScript_runs()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync("window.print = () => { document.documentElement.dataset.printed = 'yes'; };");
        var code = await MakePlanAsync(page);

        await page.GotoAsync("/safety-plan/print");
        await page.Locator("input#code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Printable version" }).ClickAsync();
        await page.Locator("[data-print-plan]").ClickAsync();

        Assert.Equal("yes", await page.Locator("html").GetAttributeAsync("data-printed"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("section.get-help").IsVisibleAsync());
        Assert.False(await page.Locator("[data-print-plan]").IsVisibleAsync());
        Assert.True(await page.Locator(".plan-view").IsVisibleAsync());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("so")]
    public async Task Every_plan_page_passes_axe_in_each_language(string language)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        await page.GotoAsync($"/safety-plan?lang={language}");
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        problems.AddRange(await Browse.SeriousViolationsAsync(page, $"/safety-plan ({language})"));

        // With problems beside the fields.
        await page.Locator("#helpers-0-text").FillAsync("Aunt");
        await page.Locator("#helpers-0-phone").FillAsync("call me");
        await page.Locator(".plan-save-top button").ClickAsync();
        await page.Locator("#plan-problems").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, $"/safety-plan with problems ({language})"));

        await page.Locator("#helpers-0-phone").FillAsync("555-0100");
        await page.Locator(".plan-save-top button").ClickAsync();
        await page.Locator("code#plan-code").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, $"code shown ({language})"));
        var code = (await page.Locator("code#plan-code").InnerTextAsync()).Trim();

        await page.GotoAsync("/safety-plan/open");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, $"/safety-plan/open ({language})"));
        await page.Locator("input#code").FillAsync(code);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator(".plan-view").WaitForAsync();
        await page.Locator("details.plan-edit > summary").ClickAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, $"opened plan ({language})"));

        await page.Locator("form[action='/safety-plan/print'] button").ClickAsync();
        await page.Locator(".plan-printable .plan-view").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, $"/safety-plan/print ({language})"));

        foreach (var problem in problems) log.WriteLine(problem);
        Assert.Empty(problems);
    }

    private static async Task<string> MakePlanAsync(IPage page)
    {
        await page.GotoAsync("/safety-plan");
        await page.Locator("#reasons-0-text").FillAsync("My dog Bilan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my plan" }).First.ClickAsync();
        await page.Locator("code#plan-code").WaitForAsync();
        return (await page.Locator("code#plan-code").InnerTextAsync()).Trim();
    }
}
