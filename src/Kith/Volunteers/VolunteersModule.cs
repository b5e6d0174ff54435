using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Kith.Platform.Security;
using Kith.Platform.Web;
using Kith.Volunteers.Domain;
using Kith.Volunteers.Manage;
using Kith.Volunteers.Opportunities;

namespace Kith.Volunteers;

/// <summary>
/// People who help (issue 15, item 5): lay leaders, community ambassadors and volunteers of each organisation, the
/// trainings they hold with expiry and a renewal window, reminders before and after a certificate lapses, a refusal to
/// schedule someone whose required training lapsed (Groups asks <see cref="Contracts.ILeaderFacts"/>), supervision
/// notes only the supervisor and the person read, each person's own page opened with a private code, and public
/// volunteer opportunities anyone signs up for without an account.
/// </summary>
internal static class VolunteersModule
{
    /// <summary>Every request that carries a helper's private code: a per-client brake on guessing.</summary>
    public const string CodeRateLimit = "volunteer-codes";

    internal static readonly NavigationEntry[] Navigation =
    [
        new("People who help", "Lay leaders, ambassadors and volunteers: certificates, renewals and supervision.", "/staff/volunteers",
            [Roles.Coordinator, Roles.Admin], 14),
    ];

    public static WebApplicationBuilder AddVolunteers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStaffNavigation(Navigation);
        services.AddSecret("volunteer-codes", key => new VolunteerCode(key));
        services.AddScoped<VolunteerEditor>();
        services.AddScoped<VolunteerReader>();
        services.AddScoped<Me.OwnRecord>();
        services.AddScoped<Me.Wellbeing>();
        services.AddScoped<Opportunities.SignUps>();
        services.AddScoped<Contracts.ILeaderFacts, Contracts.LeaderFactsFromDatabase>();
        services.AddScoped<Kith.Platform.Jobs.IRecurringJob, Reminders.CertificationReminders>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, Demo.RiverbendVolunteersDemo>();
        services.AddRateLimiter(o => o.AddPolicy(CodeRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress.Key(http), // only a key in memory for the window: never stored or logged
            _ => new FixedWindowRateLimiterOptions { PermitLimit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Kith:RateLimits:VolunteerCodesPerMinute", 30), Window = TimeSpan.FromMinutes(1) })));
        return builder;
    }

    public static WebApplication MapVolunteers(this WebApplication app) => app.MapVolunteersApi().MapOpportunitiesApi();
}
