using System.Threading.RateLimiting;
using Kith.Platform;
using Kith.ServiceDirectory.HsdsApi;
using Kith.ServiceDirectory.Indexing;
using Kith.ServiceDirectory.SearchServices;
using Npgsql;

namespace DirectoryBench;

/// <summary>A clock stopped at <see cref="QueryMix.Now"/>: "open now" means the same instant in every run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// The smallest web host that runs Kith's real <c>GET /api/directory/search</c> (its endpoint, request
/// parsing, engine and localized response) beside <c>GET /baseline/search</c>, through the same middleware.
/// The lookup rate limit is lifted: wrk sends everything from one address.
/// </summary>
internal static class BenchHost
{
    public static async Task Run(SearchSnapshots snapshots, NpgsqlDataSource db, Baseline baseline, int port, string readyFile)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kith:TimeZone"] = Generator.TimeZone });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var services = builder.Services;
        services.AddLocalization(o => o.ResourcesPath = "Resources"); // as Kith's PlatformModule
        services.AddSingleton(snapshots);
        services.AddSingleton<TimeProvider>(new FixedTime(QueryMix.Now));
        services.AddScoped<ServiceSearch>();
        services.AddSingleton(db);
        services.AddSingleton(baseline);
        services.AddRateLimiter(o => o.AddPolicy(PlatformModule.LookupRateLimit, _ => RateLimitPartition.GetNoLimiter("bench")));
        services.AddCors(o => o.AddPolicy(HsdsApi.CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD", "OPTIONS").AllowAnyHeader()));

        var app = builder.Build();
        app.UseCors();
        app.UseRateLimiter();
        app.MapSearchServices();
        app.MapGet("/baseline/search", async Task<IResult> (HttpContext http, Baseline b, TimeProvider time, CancellationToken ct) =>
            Baseline.Parse(http.Request.Query) is ({ } query, _)
                ? TypedResults.Ok(await b.SearchAsync(query, time.GetUtcNow(), ct))
                : TypedResults.Problem(statusCode: 400, title: "Bad search parameters"))
            .AllowAnonymous()
            .RequireRateLimiting(PlatformModule.LookupRateLimit)
            .RequireCors(HsdsApi.CorsPolicy);

        await app.StartAsync();
        await File.WriteAllTextAsync(readyFile, "ready");
        Console.WriteLine($"serving on http://127.0.0.1:{port}");
        await app.WaitForShutdownAsync();
    }
}
