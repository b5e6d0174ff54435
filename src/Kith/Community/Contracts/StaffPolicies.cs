
using Microsoft.AspNetCore.Authorization;

namespace Kith.Community.Contracts;

internal static class StaffClaims
{
    /// <summary>One claim per organisation the staff member is scoped to (organisation id).</summary>
    public const string Organisation = "kith:org";
    public const string DisplayName = "kith:name";
    public const string MustChangePassword = "kith:must-change-password";
}

/// <summary>Named policies. Every route group names one; nothing is reachable by default (fallback policy).</summary>
internal static class StaffPolicies
{
    public const string Staff = "staff";
    public const string Admin = "admin";
    public const string Coordinator = "coordinator";
    public const string Responder = "responder";
    public const string Leader = "leader";
    /// <summary>Who works referrals between partner organisations: responders and coordinators send and answer them, administrators oversee.</summary>
    public const string Referrals = "referrals";
    /// <summary>Who reads Insights' dashboards and alerts: community leaders and coordinators, administrators oversee.</summary>
    public const string Insights = "insights";

    public static void Configure(AuthorizationOptions o)
    {
        o.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        o.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        o.AddPolicy(Coordinator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Coordinator, Roles.Admin));
        o.AddPolicy(Responder, p => p.RequireAuthenticatedUser().RequireRole(Roles.Responder, Roles.Admin));
        o.AddPolicy(Leader, p => p.RequireAuthenticatedUser().RequireRole(Roles.Leader, Roles.Admin));
        o.AddPolicy(Insights, p => p.RequireAuthenticatedUser().RequireRole(Roles.Leader, Roles.Coordinator, Roles.Admin));
        o.AddPolicy(Referrals, p => p.RequireAuthenticatedUser().RequireRole(Roles.Responder, Roles.Coordinator, Roles.Admin));
    }
}
