using System.Threading.RateLimiting;
using Kith.Groups.Buddies;
using Kith.Groups.Calendar;
using Kith.Groups.Domain;
using Kith.Groups.Join;
using Kith.Groups.Manage;
using Kith.Groups.Notices;
using Kith.Platform.Security;
using Kith.Platform.Web;
using Microsoft.AspNetCore.RateLimiting;

namespace Kith.Groups;

/// <summary>
/// Groups, workshops and trainings (issue 15, items 1–2): organisations run them, each published in the directory; anyone
/// joins with a first name and a private code; places go first come, then by waiting list with automatic promotion;
/// every group and every person has an RFC 5545 calendar feed.
/// </summary>
internal static class GroupsModule
{
    /// <summary>Every request that carries a member's code or feed address: a per-client brake on guessing.</summary>
    public const string CodeRateLimit = "group-codes";

    internal static readonly NavigationEntry[] Navigation =
    [
        new("Groups", "Support groups, workshops and trainings: sessions, places, waiting lists and who needs what to come.", "/staff/groups",
            [Roles.Coordinator, Roles.Admin], 13),
    ];

    public static WebApplicationBuilder AddGroups(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStaffNavigation(Navigation);
        services.AddSecret("group-codes", key => new GroupCode(key));
        services.AddScoped<GroupNotices>();
        services.AddScoped<GroupEditor>();
        services.AddScoped<Roster>();
        services.AddScoped<Joining>();
        services.AddScoped<Feedback.SessionFeedbackBox>();
        services.AddScoped<Feedback.GroupOutcomes>();
        services.AddScoped<Contracts.IGroupFacts, Contracts.GroupFactsFromDatabase>();
        services.AddScoped<JoinOnce>();
        services.AddBuddies();
        services.AddScoped<Kith.Platform.Jobs.IRecurringJob, Reminders.SessionReminders>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, Demo.RiverbendGroupsDemo>();
        services.AddRateLimiter(o => o.AddPolicy(CodeRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress.Key(http), // only a key in memory for the window: never stored or logged
            _ => new FixedWindowRateLimiterOptions { PermitLimit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Kith:RateLimits:GroupCodesPerMinute", 60), Window = TimeSpan.FromMinutes(1) })));
        return builder;
    }

    public static WebApplication MapGroups(this WebApplication app)
    {
        app.MapGroup("/api/groups").RequireAuthorization(StaffPolicies.Coordinator).WithTags("Groups").MapGroupsApi();
        app.MapPublicGroupsApi();
        app.MapBuddiesApi();
        app.MapGroupCalendars();
        return app;
    }
}
