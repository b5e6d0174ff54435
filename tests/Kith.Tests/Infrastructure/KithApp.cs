using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Kith.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel listener on loopback, with its own database and key ring. Each test
/// class makes one (xunit class fixture) and so owns its data.
/// </summary>
public class KithApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string ownKeyRing = Path.Combine(Path.GetTempPath(), "kith-tests", "keys-" + Guid.NewGuid().ToString("N"));
    private string keyRing => SameDataAs?.KeyRingPath ?? ownKeyRing;
    private readonly Dictionary<string, string?> overrides = [];

    public TestDatabase Database { get; private set; } = default!;
    public TimeProvider? Time { get; init; }
    public CapturedLogs Logs { get; } = new();
    public bool RunJobs { get; init; }
    /// <summary>False leaves the fresh database empty (e.g. to see /readyz report pending migrations).</summary>
    public bool MigrateDatabase { get; init; } = true;
    /// <summary>Extra registrations for one test class (test-only outbox handlers, recurring jobs…).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }
    /// <summary>The directory of this app's Data Protection keys and secrets (for a `kith` process pointed at the same data).</summary>
    public string KeyRingPath => keyRing;
    /// <summary>A second node of a deployment: this app uses that app's database and key ring (and leaves them to it).</summary>
    public KithApp? SameDataAs { get; init; }

    public KithApp Set(string key, string? value)
    {
        overrides[key] = value;
        return this;
    }

    public async Task InitializeAsync()
    {
        // A clone of the run's migrated template; the Migrator below then finds nothing to apply.
        Database = SameDataAs?.Database ?? await (MigrateDatabase ? TestDatabase.CreateMigratedAsync() : TestDatabase.CreateAsync());
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        ClientOptions.BaseAddress = new Uri(addresses.First());
        if (!MigrateDatabase) return;
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string?>(Database.Settings())
        {
            ["Kith:KeyRingPath"] = keyRing,
            ["Kith:DemoOnFirstStart"] = "false",
            ["Kith:MigrateOnStart"] = "false",
            ["Kith:Jobs:Enabled"] = RunJobs ? "true" : "false",
            ["Kith:Jobs:PollInterval"] = "00:00:00.100",
            ["Kith:RateLimits:PublicPerMinute"] = "100000",
            ["Kith:RateLimits:SignInPerMinute"] = "100000",
            ["Kith:RateLimits:LookupPerMinute"] = "100000",
            ["Kith:Metrics:Token"] = MetricsToken,
        };
        foreach (var (k, v) in overrides) settings[k] = v;
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services =>
        {
            if (Time is not null) services.Replace(ServiceDescriptor.Singleton(Time));
            // Identity's 100,000 PBKDF2 rounds cost ~60 ms of CPU per account made or signed in to, a sixteenth of
            // the suite's CPU. Every account in a test app is made by its tests, and a hash carries its own count,
            // so a cheap count changes no behaviour; CommandLineTests checks the real app keeps the full cost.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            ConfigureTestServices?.Invoke(services);
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each step.</summary>
    public HttpClient Browser() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = ClientOptions.BaseAddress,
        };

    public Uri Address => ClientOptions.BaseAddress;

    /// <summary>The scrape token every test app is given (<c>Kith:Metrics:Token</c>).</summary>
    public const string MetricsToken = "test-scrape-token-5f1c9a";

    /// <summary>GET /metrics as the operator's Prometheus does, with the scrape token.</summary>
    public async Task<HttpResponseMessage> MetricsAsync()
    {
        using var client = Browser();
        client.DefaultRequestHeaders.Authorization = new("Bearer", MetricsToken);
        return await client.GetAsync("/metrics");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (SameDataAs is not null) return;
        await Database.DisposeAsync();
        try { System.IO.Directory.Delete(keyRing, recursive: true); } catch (IOException) { }
    }
}
