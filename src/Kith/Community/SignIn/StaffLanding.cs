using Kith.Community.Domain;
using Kith.Platform.Localization;

namespace Kith.Community.SignIn;

/// <summary>Where a staff member lands after signing in.</summary>
internal static class StaffLanding
{
    /// <summary>A forced password change first; otherwise where they were going, if it is a staff page here.</summary>
    public static string After(StaffUser user, string? returnUrl) =>
        user.MustChangePassword ? "/staff/change-password"
        : Cultures.IsLocal(returnUrl) && returnUrl!.StartsWith("/staff", StringComparison.Ordinal) ? returnUrl
        : "/staff";
}
