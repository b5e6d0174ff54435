namespace Kith.BrowserTests;

/// <summary>
/// One headless Debian Chromium for the whole test run (never `playwright install`). Launching it costs
/// seconds; a browser context costs milliseconds and isolates as well (own cookies, storage, permissions),
/// so every test takes a fresh context from this one browser and the fixtures only share the launch.
/// The browser is Debian's <c>chromium-headless-shell</c> — the same Chromium release as the <c>chromium</c>
/// package, built as the headless shell Playwright itself runs for headless tests — which did the browser stage's
/// work on about two thirds of the CPU of the full browser in headless mode (ADR 47). The full browser is launched
/// only for what the shell does not do (<see cref="FullBrowserAsync"/>).
/// </summary>
internal static class Chromium
{
    public const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";
    public const string Full = "/usr/bin/chromium";

    private static readonly Lazy<Task<IPlaywright>> Driver = new(Playwright.CreateAsync);
    private static readonly Lazy<Task<IBrowser>> Shell = new(() => LaunchAsync(HeadlessShell));
    private static readonly Lazy<Task<IBrowser>> FullBrowser = new(() => LaunchAsync(Full));

    public static Task<IBrowser> BrowserAsync() => Shell.Value;

    /// <summary>
    /// The full Chromium, launched on first use: the headless shell never finishes a navigation whose response asks
    /// it to clear site data (<c>Clear-Site-Data</c>, sent by <c>/exit</c>), which the full browser does at once.
    /// </summary>
    public static Task<IBrowser> FullBrowserAsync() => FullBrowser.Value;

    private static async Task<IBrowser> LaunchAsync(string executable)
    {
        var playwright = await Driver.Value;
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            // Playwright gives the launch a fresh temporary user-data directory of its own.
            ExecutablePath = executable,
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
        return browser;
    }
}
