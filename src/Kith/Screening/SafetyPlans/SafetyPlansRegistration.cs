using System.Threading.RateLimiting;
using Kith.Platform.Jobs;
using Kith.Platform.Security;
using Kith.Platform.Web;
using Microsoft.AspNetCore.RateLimiting;

namespace Kith.Screening.SafetyPlans;

/// <summary>The personal safety plan: made without an account, kept with a private code, readable only with a code.</summary>
internal static class SafetyPlansRegistration
{
    /// <summary>Every request that carries a plan's code: a per-client brake on guessing (codes are 100 bits anyway).</summary>
    public const string CodeRateLimit = "safety-plan-codes";

    internal static readonly NavigationEntry[] Navigation =
    [
        new("Shared safety plans", "Read a safety plan a person has shared with you, with their share code.", "/staff/safety-plans", [], 70),
    ];

    public static IServiceCollection AddSafetyPlans(this IServiceCollection services)
    {
        services.AddOptions<SafetyPlanOptions>().BindConfiguration("Kith:SafetyPlans");
        // The code key lives in the key ring, outside the database (a stolen database cannot test codes).
        services.AddSecret("safety-plans", key => new PlanCode(key));
        services.AddScoped<SafetyPlanStore>();
        services.AddScoped<PlanSuggestions>();
        services.AddScoped<IRecurringJob, PlanRetention>();
        services.AddStaffNavigation(Navigation);
        services.AddRateLimiter(o => o.AddPolicy(CodeRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            // The address is only a key in memory for the window; it is never stored or logged.
            ClientAddress.Key(http),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Kith:RateLimits:SafetyPlanCodesPerMinute", 30), Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    public static WebApplication MapSafetyPlans(this WebApplication app)
    {
        app.MapSafetyPlanApi();
        app.MapPlanDownload();
        return app;
    }
}
