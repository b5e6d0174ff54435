namespace Kith.BrowserTests;

/// <summary>
/// One headless Debian Chromium for the whole test run (never `playwright install`). Launching it costs
/// seconds; a browser context costs milliseconds and isolates as well (own cookies, storage, permissions),
/// so every test takes a fresh context from this one browser and the fixtures only share the launch.
/// </summary>
internal static class Chromium
{
    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Shared = new(LaunchAsync);

    public static async Task<IBrowser> BrowserAsync() => (await Shared.Value).Browser;

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            // Playwright gives the launch a fresh temporary user-data directory of its own.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
        });
        // xunit v2 has no assembly fixture: close the browser when the test process ends (the Playwright driver
        // would take Chromium down with it anyway when its pipe closes).
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { browser.CloseAsync().Wait(TimeSpan.FromSeconds(10)); } catch (AggregateException) { }
            playwright.Dispose();
        };
        return (playwright, browser);
    }
}
