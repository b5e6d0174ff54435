using Kith.Concerns.Domain;
using Kith.Responders.Domain;
using Kith.Concerns.Receipts;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Kith.Community;
using Kith.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>The test classes that share one <see cref="InProcessKith"/> (and its clock): they run one after another.</summary>
[CollectionDefinition(InProcessKith.Collection)]
public sealed class InProcessKithCollection : ICollectionFixture<InProcessKith>;

/// <summary>
/// The real app on a real Kestrel listener, hosted in the test process so the test holds its clock
/// (<see cref="Clock"/>, a <see cref="TimeProvider"/> the job runner, deadlines and cookies all read), on a fresh
/// SQLite database with the Riverbend demo, with background jobs running — plus the run's Chromium.
/// For journeys that need time to pass (escalation) without waiting for it, and for tests that read or set up
/// records directly. One per collection (<c>[Collection(InProcessKith.Collection)]</c>): the clock only moves
/// forward, so a test that needs a deadline passed moves it from wherever the previous test left it.
/// </summary>
public class InProcessKith : WebApplicationFactory<Program>, IAsyncLifetime
{
    public InProcessKith() : this(DateTimeOffset.UtcNow) { }

    /// <summary>For a journey's own app on its own clock (xunit wants a collection fixture to have one public constructor).</summary>
    protected InProcessKith(DateTimeOffset start) => Clock = new(start);

    public const string Collection = "Kith hosted in the test process";
    public const string Password = "correct horse battery staple";
    private readonly string tempDir = Directory.CreateTempSubdirectory("kith-browser-inproc-").FullName;

    /// <summary>Starts at the real time (keys and cookies stay valid), or where a journey's own app starts it, and only moves forward.</summary>
    public ManualTime Clock { get; }
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var browser = Chromium.BrowserAsync(); // launches while the app starts
        UseKestrel(0);
        // Returns once Program has migrated, seeded the demo and started listening (the app starts itself).
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
        Browser = await browser;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(tempDir, "kith.db")}");
        builder.UseSetting("ConnectionStrings:Postgres", "");
        builder.UseSetting("Kith:KeyRingPath", Path.Combine(tempDir, "keys"));
        builder.UseSetting("Kith:DemoOnFirstStart", "true");
        builder.UseSetting("Kith:MigrateOnStart", "true");
        builder.UseSetting("Kith:Jobs:Enabled", "true");
        builder.UseSetting("Kith:Jobs:PollInterval", "00:00:00.200");
        builder.UseSetting("Kith:RateLimits:PublicPerMinute", "100000");
        builder.UseSetting("Kith:RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Kith:RateLimits:LookupPerMinute", "100000");
        builder.UseSetting("Kith:RateLimits:SafetyPlanCodesPerMinute", "100000");
        builder.UseSetting("Kith:RateLimits:GroupCodesPerMinute", "100000");
        builder.UseSetting("Kith:RateLimits:VolunteerCodesPerMinute", "100000");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A staff account with a known password, through the same code as `kith users add`.</summary>
    public async Task<string> AddStaffAsync(string email, string role, params Guid[] organisations)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccess>()
            .CreateAsync(email, email.Split('@')[0], [role], organisations, Password, actorId: null, CancellationToken.None);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        return result.UserId!;
    }

    // Concern routing and console set-up shared by the journeys that end with a responder (concerns, screening).

    public async Task<IPage> SignedInConsoleAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, new DemoAccount("responder", email, InProcessKith.Password));
        await page.GotoAsync("/staff/concerns");
        // Wait until the live stream is connected, so nothing sent from now on is missed.
        await page.Locator("[data-queue-live][data-connected='true']").WaitForAsync();
        return page;
    }

    internal async Task<Concern> ConcernByReceiptAsync(string receipt)
    {
        await using var scope = Services.CreateAsyncScope();
        var hash = scope.ServiceProvider.GetRequiredService<ReceiptCode>().Hash(ReceiptCode.Normalize(receipt)!);
        return await scope.ServiceProvider.GetRequiredService<KithDb>().Concerns.AsNoTracking().SingleAsync(c => c.ReceiptHash == hash);
    }

    public async Task<Guid> AddSchoolAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var org = new Kith.Community.Domain.Organisation
        {
            Id = Guid.NewGuid(), Name = name, Type = Kith.Community.Domain.OrganisationType.School, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return org.Id;
    }

    public async Task<Guid> AddTeamAsync(string name, string[] members, string? lead = null, Guid? backup = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var team = new Team { Id = Guid.NewGuid(), Name = name, LeadUserId = lead, BackupTeamId = backup, CreatedAt = DateTime.UtcNow };
        db.Teams.Add(team);
        foreach (var m in members) db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = m });
        await db.SaveChangesAsync();
        return team.Id;
    }

    /// <summary>First of all rules (the demo's included): this school's concerns go to its team.</summary>
    public async Task AddRuleAsync(Guid school, Guid team)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        db.RoutingRules.Add(new RoutingRule { Id = Guid.NewGuid(), Position = -1000, OrganisationId = school, TeamId = team });
        await db.SaveChangesAsync();
    }

    /// <summary>A new browser context (own cookies); the locale is the browser's language (Accept-Language).</summary>
    public Task<IBrowserContext> NewContextAsync(string locale = "en-US") => Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = locale });

    /// <summary>A new browser context as a phone shows the app (390×844, touch), with or without JavaScript.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync(bool javaScript = true) => Browser.NewContextAsync(new()
    {
        BaseURL = BaseUrl, JavaScriptEnabled = javaScript, Locale = "en-US",
        ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
    });

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(tempDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
