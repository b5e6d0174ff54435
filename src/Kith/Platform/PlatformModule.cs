using System.Threading.RateLimiting;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Kith.Platform.Localization;
using Kith.Platform.Messaging;
using Kith.Platform.Observability;
using Kith.Platform.Outbox;
using Kith.Platform.Realtime;
using Kith.Platform.Safety;
using Kith.Platform.Security;
using Kith.Platform.Web;
using Kith.Platform.Web.Once;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kith.Platform;

/// <summary>What every module stands on: data, security, audit, outbox and jobs, live events, localisation, web shell.</summary>
internal static class PlatformModule
{
    public const string PublicRateLimit = "public";
    /// <summary>Cheap read-only public lookups (directory search): a higher per-client allowance than form posts.</summary>
    public const string LookupRateLimit = "lookup";
    public const string SignInRateLimit = "sign-in";

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        Web.ListenAddress.UseDefaultWhenUnset(builder);
        // Run from a build (`dotnet run`), CSS and scripts and their compressed variants live in the
        // static-web-assets manifest, which ASP.NET Core reads only in Development unless asked; without
        // this, browsers asking for Brotli get an empty stylesheet. A published app has no manifest: no-op.
        builder.WebHost.UseStaticWebAssets();
        // Relative data and key-ring paths are the working directory's (`dotnet run`: src/Kith), never the app folder's.
        var database = DatabaseSettings.From(configuration, Environment.CurrentDirectory);
        var keyRing = new KeyRing(configuration, Environment.CurrentDirectory);
        builder.Logging.KeepRequestDataOut();

        // Bodies beyond this are refused with 413 before the app reads them. An endpoint that needs more
        // (an import) says so with [RequestSizeLimit], honoured by routing. Form limits are the largest
        // such endpoint's, since the request body limit already caps every other route.
        var maxBody = configuration.GetValue("Kith:MaxRequestBodyBytes", 4L * 1024 * 1024);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = RequestSizeLimits.LargestUpload;
            f.ValueLengthLimit = (int)RequestSizeLimits.LargestUpload;
        });

        services.AddSingleton(database);
        services.AddSingleton(keyRing);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<Time.DeploymentCalendar>();
        services.AddSingleton(_ => Fhir.CanonicalBase.From(configuration));

        // Keys live outside the database, shared by every node, so a cookie issued by one node is read by all.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Kith")
            .PersistKeysToFileSystem(new DirectoryInfo(keyRing.Directory));
        keyRing.EncryptKeysAtRest(dataProtection, configuration);
        services.AddSingleton<SensitiveText>();
        services.AddSingleton<KeyChecks>();

        services.AddSingleton<SqliteWriteGate>();
        services.AddDbContext<KithDb>((sp, options) =>
        {
            database.Apply(options);
            options.ReplaceService<Microsoft.EntityFrameworkCore.Query.IQueryContextFactory, KithQueryContextFactory>(); // puts the context's key ring in scope (ADR 0035)
            if (!database.IsPostgres) options.AddInterceptors(sp.GetRequiredService<SqliteWriteGate>());
        });
        services.AddSingleton<Migrator>();
        services.AddScoped<Leases>();

        services.AddSecret("audit-chain", key => new AuditChain(key));
        services.AddScoped<AuditLog>();

        services.Configure<JobOptions>(configuration.GetSection("Kith:Jobs"));
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        services.AddScoped<IOutboxHandler, Probe>();
        services.AddScoped<IRecurringJob, OutboxCleanup>();
        services.AddOnce();
        services.AddMessaging(configuration);

        services.AddSingleton<LocalSubscribers>();
        if (database.IsPostgres)
        {
            services.AddSingleton<ILiveEvents, PostgresLiveEvents>();
            services.AddSingleton<PostgresListener>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresListener>());
        }
        else
        {
            services.AddSingleton<ILiveEvents, InProcessLiveEvents>();
        }

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<CrisisLineOptions>(configuration.GetSection("Kith"));
        services.AddSingleton<Safety.CrisisRoutes>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Never echo exception text or stack traces to a client; a trace id lets an operator find the log.
            ctx.ProblemDetails.Extensions.Remove("exception");
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
            Web.BareProblems.Explain(ctx.ProblemDetails, ctx.HttpContext);
        });
        services.AddStorageFullAs503();
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer<Api.RuleSchemas>();
            o.AddDocumentTransformer<Api.ExampleBodies>();
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "kith-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await Results.Problem(statusCode: 429, title: "Too many requests", detail: "Please wait a moment and try again.")
                    .ExecuteAsync(ctx.HttpContext);
            };
            // The client address (the proxy's report of it only from a trusted proxy, ADR 17) is only a key in
            // memory for the window; it is never stored or logged.
            o.AddPolicy(PublicRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Key(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Kith:RateLimits:PublicPerMinute", 120), Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(LookupRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Key(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Kith:RateLimits:LookupPerMinute", 600), Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Key(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Kith:RateLimits:SignInPerMinute", 20), Window = TimeSpan.FromMinutes(1) }));
        });

        services.AddTrustedProxies(configuration);
        services.AddKithMetrics();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadiness>("database", tags: ["ready"])
            .AddCheck<KeyRingReadiness>("key-ring", tags: ["ready"])
            .AddCheck<StorageReadiness>("storage", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseTrustedProxies();
        // Behind a TLS-terminating load balancer, trust only the scheme it reports (so cookies are
        // Secure and HSTS applies). X-Forwarded-For only from the proxies listed (UseTrustedProxies, ADR 17).
        if (app.Configuration.GetValue("Kith:BehindProxy", false))
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }
        app.UseErrorResponses();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseKithMetrics();
        app.UseKithLocalization();
        // Explicit, and after the error pages, so a re-executed error request is routed again.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Refuse a form whose antiforgery token failed before any endpoint reads it. The runtime-built request
        // delegates did this themselves; the compile-time ones (EnableRequestDelegateGenerator) throw instead, which
        // would be a 500. An empty 400 is filled by the error responses: problem details for the API, a page otherwise.
        app.Use((http, next) =>
        {
            // The error page a refusal re-executes to opts out of antiforgery, and must still render.
            if (http.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is not { IsValid: false }
                || http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Antiforgery.IAntiforgeryMetadata>() is not { RequiresValidation: true })
                return next(http);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapOpenApi("/openapi/{documentName}.json");
        Api.ApiReference.MapApiReference(app);
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapKithMetrics();
        app.MapLanguageSwitch();
        Web.QuickExitEndpoint.MapQuickExit(app);
        app.MapErrorPage();
        app.MapCrisisLinesApi();
        // An API path that matches nothing is a 404 problem for every method (a POST used to get 405 from the page routes).
        // A RequestDelegate, not a lambda: the compile-time request delegate generator maps a lambda fallback without
        // its pattern, which answered every unknown page with this problem instead of the not-found page.
        app.MapFallback("/api/{**path}", (RequestDelegate)(http =>
                TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found").ExecuteAsync(http)))
            .ExcludeFromDescription();
        app.MapLiveEvents();
        app.MapRazorComponents<App>();
        return app;
    }
}
