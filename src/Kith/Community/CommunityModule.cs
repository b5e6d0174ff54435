using Kith.Community.Areas;
using Kith.Community.AuditTrail;
using Kith.Community.Domain;
using Kith.Community.Organisations;
using Kith.Community.StaffAccounts;
using Kith.Community.SignIn;
using Kith.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Kith.Community;

/// <summary>The community's organisations, areas and staff accounts.</summary>
internal static class CommunityModule
{
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
        services.AddScoped<Areas.AreaImport>();
        services.AddScoped<Organisations.OrganisationEditor>();
        services.AddScoped<StaffAccounts.StaffDirectory>();
        services.AddScoped<Demo.RiverbendDemo>();
        services.AddSingleton<Platform.Security.PasswordGenerator>();
        services.AddSingleton(new StaffNavigation()
            .Add(new("home", "Dashboard", "/staff", [], 0))
            .Add(new("community", "My organisations", "/staff/organisations", [Roles.Coordinator, Roles.Responder], 50))
            .Add(new("community", "Areas", "/staff/areas", [Roles.Admin, Roles.Leader], 80))
            .Add(new("admin", "Organisations", "/staff/admin/organisations", [Roles.Admin], 90))
            .Add(new("admin", "Staff", "/staff/admin/staff", [Roles.Admin], 91))
            .Add(new("admin", "Audit log", "/staff/admin/audit", [Roles.Admin], 92))
            .Add(new("account", "Change password", "/staff/change-password", [], 100)));
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
