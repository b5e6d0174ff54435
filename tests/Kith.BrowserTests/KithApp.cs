using Kith.Tests.Infrastructure;

namespace Kith.BrowserTests;

/// <summary>A demo staff sign-in, as printed by the app on its first start.</summary>
public sealed record DemoAccount(string Role, string Email, string Password);

/// <summary>The test classes that share one <see cref="KithApp"/>: they run one after another against it.</summary>
[CollectionDefinition(KithApp.Collection)]
public sealed class KithAppCollection : ICollectionFixture<KithApp>;

/// <summary>
/// A second app process for another share of the classes: each collection gets its own fixture, and the three
/// collections (two processes, one in-process app) overlap, since a browser test mostly waits on the browser.
/// One process held two thirds of the stage's test time and set its length.
/// </summary>
[CollectionDefinition(KithApp.SecondCollection)]
public sealed class KithAppSecondCollection : ICollectionFixture<KithApp>;

/// <summary>
/// The real app as a separate process (the built Kith.dll, on a fresh SQLite database and key ring in a
/// temp directory, on a free loopback port, with the Riverbend demo of a first start) and the run's
/// Chromium. One per collection (<c>[Collection(KithApp.Collection)]</c>): starting the app costs seconds,
/// and the tests isolate themselves with a fresh browser context each and their own records, never by
/// assuming an empty database. The process tree is killed on dispose.
/// </summary>
public sealed class KithApp : IAsyncLifetime
{
    public const string Collection = "Kith as its own process";
    public const string SecondCollection = "Kith as a second process";
    public static readonly string[] DemoRoles = ["admin", "coordinator", "responder", "leader"];

    private readonly string tempDir = Directory.CreateTempSubdirectory("kith-browser-").FullName;
    private KithProcess? node;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public IReadOnlyDictionary<string, DemoAccount> Accounts { get; private set; } = new Dictionary<string, DemoAccount>();

    /// <summary>What the app printed so far (for failure messages).</summary>
    public string Output => node?.Output ?? "";

    public async Task InitializeAsync()
    {
        var browser = Chromium.BrowserAsync(); // launches while the app starts
        node = await KithProcess.StartNodeAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(tempDir, "kith.db")}",
            ["ConnectionStrings__Postgres"] = "",
            ["Kith__KeyRingPath"] = Path.Combine(tempDir, "keys"),
            ["Kith__DemoOnFirstStart"] = "true",
            // Every class of the collection browses this one app from one address: the per-client brakes
            // (tested in Kith.Tests) would otherwise count the whole run as one visitor.
            ["Kith__RateLimits__PublicPerMinute"] = "100000",
            ["Kith__RateLimits__SignInPerMinute"] = "100000",
            ["Kith__RateLimits__LookupPerMinute"] = "100000",
            ["Kith__RateLimits__SafetyPlanCodesPerMinute"] = "100000",
            ["Kith__RateLimits__GroupCodesPerMinute"] = "100000",
        });
        BaseUrl = node.Address!.ToString().TrimEnd('/');
        // The sign-ins are printed before the app listens, but stdout is read asynchronously: wait for the reader
        // (a hang guard, not a timing: the lines are already written).
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (KithProcess.DemoSignIns(node.Output).Count < DemoRoles.Length && DateTime.UtcNow < deadline) await Task.Delay(50);
        Accounts = KithProcess.DemoSignIns(node.Output).ToDictionary(a => a.Key, a => new DemoAccount(a.Key, a.Value.Email, a.Value.Password));
        if (Accounts.Count < DemoRoles.Length)
            throw new InvalidOperationException($"The app did not print the four demo sign-ins. Output:\n{Output}");
        Browser = await browser;
    }

    public async Task DisposeAsync()
    {
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
