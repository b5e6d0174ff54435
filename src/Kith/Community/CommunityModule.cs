using Kith.Community.Areas;
using Kith.Community.AuditTrail;
using Kith.Community.Cli;
using Kith.Community.Domain;
using Kith.Platform.Web;
using Kith.Community.Organisations;
using Kith.Community.StaffAccounts;
using Kith.Community.SignIn;
using Kith.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Kith.Community;

/// <summary>The community's organisations, areas and staff accounts.</summary>
internal static class CommunityModule
{
    /// <summary>This module's staff navigation (English texts are also the translation keys).</summary>
    internal static readonly NavigationEntry[] Navigation =
    [
        new("Dashboard", "Your work at a glance.", "/staff", [], 0),
        new("My organisations", "The organisations you work for and their details.", "/staff/organisations", [Roles.Coordinator, Roles.Responder], 50),
        new("Areas", "Neighbourhoods, their boundaries and population.", "/staff/areas", [Roles.Admin, Roles.Leader], 80),
        new("Organisations", "Add and edit the organisations that take part.", "/staff/admin/organisations", [Roles.Admin], 90),
        new("Staff", "Accounts, roles and which organisations each person works for.", "/staff/admin/staff", [Roles.Admin], 91),
        new("Audit log", "Who did what, and whether the record is intact.", "/staff/admin/audit", [Roles.Admin], 92),
        new("Two-step sign-in", "Protect your account with a code from your phone.", "/staff/two-step", [], 99),
        new("Change password", "Choose a new password for your account.", "/staff/change-password", [], 100),
    ];

    public static WebApplicationBuilder AddCommunity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<StaffRole>()
            .AddEntityFrameworkStores<KithDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies(cookies =>
            cookies.ApplicationCookie?.Configure(o =>
            {
                o.Cookie.Name = "kith-staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/staff/sign-in";
                o.LogoutPath = "/staff/sign-out";
                o.AccessDeniedPath = "/staff/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // APIs answer 401/403 with a problem detail instead of redirecting to a page.
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
            }));
        // A permission change renews the security stamp; every node re-checks it within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization(StaffPolicies.Configure);
        services.AddScoped<StaffAccess>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<ICommunityFacts, CommunityFacts>();
        services.AddScoped<IStaffFacts, StaffFactsFromDatabase>();
        services.AddScoped<Areas.AreaImport>();
        services.AddScoped<Organisations.OrganisationEditor>();
        services.AddScoped<StaffAccounts.StaffDirectory>();
        services.AddScoped<Demo.RiverbendDemo>();
        services.AddSingleton<Platform.Security.PasswordGenerator>();
        services.AddStaffNavigation(Navigation);
        CommunityCommands.Register(services);
        return builder;
    }

    private static Task ApiOrRedirect(HttpContext http, string redirectUri, int status)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/staff/events"))
        {
            http.Response.StatusCode = status;
            return Results.Problem(statusCode: status, title: status == 401 ? "Sign-in required" : "Not allowed").ExecuteAsync(http);
        }
        http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication UseCommunity(this WebApplication app)
    {
        app.UseMustChangePassword();
        return app;
    }

    /// <summary>A brand-new embedded database gets the Riverbend demo, its sign-ins printed once as a framed block on standard output.</summary>
    public static async Task SeedDemoOnFirstStartAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        if (database.IsPostgres || !app.Configuration.GetValue("Kith:DemoOnFirstStart", true)) return;
        using var scope = app.Services.CreateScope();
        var credentials = await scope.ServiceProvider.GetRequiredService<Demo.RiverbendDemo>().SeedIfEmptyAsync(CancellationToken.None);
        if (credentials.Count == 0) return;
        // Printed once the app listens, after the start-up log lines, with the address to sign in at.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Urls.FirstOrDefault()?.TrimEnd('/');
            Demo.RiverbendDemo.Print(credentials, Console.Out, address + "/staff/sign-in");
        });
    }

    public static WebApplication MapCommunity(this WebApplication app)
    {
        app.MapStaffSession();
        app.MapOrganisationsApi();
        app.MapAreasApi();
        app.MapStaffApi();
        app.MapAuditApi();
        return app;
    }
}
