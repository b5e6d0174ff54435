using Kith.ServiceDirectory.Demo;

namespace Kith.BrowserTests;

/// <summary>
/// Directory translations as people meet them (ADR 29), scanned with axe: a Spanish reader's service page, a Somali
/// reader's page with English marked as not yet translated (after an editor cleared that text), the service editor's translations section and the
/// translation page itself. One context, one sign-in.
/// </summary>
[Collection(KithApp.Collection)]
public sealed class DirectoryTranslationTests(KithApp app, ITestOutputHelper log)
{
    [Fact]
    public async Task The_Spanish_service_page_the_marked_English_and_the_translation_editor_pass_axe()
    {
        var lifeline = DirectoryRowsBuilder.Id("service", "988-lifeline");
        var psychiatry = DirectoryRowsBuilder.Id("service", "clinic-psychiatry");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        await page.GotoAsync($"/help/services/{lifeline}?lang=es");
        await page.Locator("html[lang='es'] #what-title").WaitForAsync();
        Assert.StartsWith("Llame o envíe un mensaje de texto al 988", (await page.Locator("#what-title + p").InnerTextAsync()).Trim());
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "988 service page (es)"));

        // Every demo text is translated: an editor clears one Somali text, and the reader gets the English, marked.
        await Browse.SignInAsync(page, app.Accounts["admin"]);
        await page.GotoAsync($"/staff/directory/services/{psychiatry}/translations/so");
        await page.Locator("textarea#t-description").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save translations" }).ClickAsync();
        await page.Locator(".alert.success[role=status]").WaitForAsync();
        await page.GotoAsync($"/help/services/{psychiatry}?lang=so");
        var marker = page.Locator("#what-title + p .untranslated");
        await marker.WaitForAsync();
        Assert.Equal("en", await page.Locator("#what-title + p span[lang='en']").GetAttributeAsync("lang"));
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "psychiatry service page, English fallback (so)"));

        await page.GotoAsync($"/staff/directory/services/{lifeline}");
        await page.Locator("#translations-title").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "service editor with its translations section"));
        await page.GotoAsync($"/staff/directory/services/{lifeline}/translations/so");
        await page.Locator("textarea#t-description").WaitForAsync();
        Assert.StartsWith("Wac ama fariin u dir 988", await page.Locator("textarea#t-description").InputValueAsync());
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "translation page (so)"));

        foreach (var p in problems) log.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} serious or critical accessibility violation(s):\n" + string.Join("\n", problems));
    }
}
