namespace Kith.BrowserTests;

/// <summary>The receipt's "Copy the code" button: shown only where the script and the clipboard work, and it copies the code as shown.</summary>
[Collection(KithApp.Collection)]
public sealed class ReceiptCopyTests(KithApp app)
{
    [Fact]
    public async Task With_JavaScript_the_copy_button_appears_and_copies_the_receipt()
    {
        await using var context = await app.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844); // a phone

        await page.GotoAsync("/concerns");
        await page.GetByLabel("A neighbour").CheckAsync();
        await page.GetByLabel("Something else").CheckAsync();
        await page.GetByLabel("Someone should talk to them in the next day or two").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to a trained person" }).ClickAsync();
        var code = page.Locator("code#concern-receipt-code");
        await code.WaitForAsync();

        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy the code" });
        await copy.WaitForAsync();
        await copy.ClickAsync();

        // The status is written when the clipboard's promise settles, a moment after the click.
        await page.Locator("[data-copy-status]", new() { HasText = "Copied." }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal("Copied.", (await page.Locator("[data-copy-status]").InnerTextAsync()).Trim());
        Assert.Equal((await code.InnerTextAsync()).Trim(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        // The code fits the phone's width (it may wrap at its dashes, never overflow).
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
    }
}
