using Kith.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>A demo staff sign-in, as printed by the app on its first start.</summary>
public sealed record DemoAccount(string Role, string Email, string Password);

/// <summary>
/// The real app as a separate process (the built Kith.dll, on a fresh SQLite database and key ring in a
/// temp directory, on a free loopback port) plus one headless Debian Chromium driven by Playwright.
/// One per test class; the process tree is killed on dispose.
/// </summary>
public sealed class KithApp : IAsyncLifetime
{
    public static readonly string[] DemoRoles = ["admin", "coordinator", "responder", "leader"];

    private readonly string tempDir = Directory.CreateTempSubdirectory("kith-browser-").FullName;
    private KithProcess? node;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public IReadOnlyDictionary<string, DemoAccount> Accounts { get; private set; } = new Dictionary<string, DemoAccount>();

    /// <summary>What the app printed so far (for failure messages).</summary>
    public string Output => node?.Output ?? "";

    public async Task InitializeAsync()
    {
        node = await KithProcess.StartNodeAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(tempDir, "kith.db")}",
            ["ConnectionStrings__Postgres"] = "",
            ["Kith__KeyRingPath"] = Path.Combine(tempDir, "keys"),
            ["Kith__DemoOnFirstStart"] = "true",
        });
        BaseUrl = node.Address!.ToString().TrimEnd('/');
        // The sign-ins are printed before the app listens, but stdout is read asynchronously: give the reader a moment.
        for (var i = 0; i < 100 && KithProcess.DemoSignIns(node.Output).Count < DemoRoles.Length; i++) await Task.Delay(100);
        Accounts = KithProcess.DemoSignIns(node.Output).ToDictionary(a => a.Key, a => new DemoAccount(a.Key, a.Value.Email, a.Value.Password));
        if (Accounts.Count < DemoRoles.Length)
            throw new InvalidOperationException($"The app did not print the four demo sign-ins. Output:\n{Output}");

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            // Debian's Chromium; never `playwright install`. Playwright gives each launch a fresh
            // temporary user-data directory of its own.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (node is not null) await node.DisposeAsync();
        try { Directory.Delete(tempDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A new, isolated browser context (own cookies) with the app as base URL.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true, bool bypassCsp = false) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
            Locale = "en-US",
        });

    public string Url(string path) => BaseUrl + path;
}
