using System.Security.Claims;

namespace Kith.Screening.Campaigns.Editing;

/// <summary>
/// Who may run a campaign and read its aggregates: an administrator, or a coordinator of the organisation that
/// runs it. Closed by default: a missing or unreadable organisation claim, or any other role, is refused.
/// </summary>
internal static class CampaignAccess
{
    public static bool MayManage(ClaimsPrincipal user, Guid organisationId)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (user.IsInRole(Roles.Admin)) return true;
        return organisationId != Guid.Empty && user.IsInRole(Roles.Coordinator) && Organisations(user).Contains(organisationId);
    }

    /// <summary>The organisations the person is scoped to (unreadable claims ignored, never widened).</summary>
    public static IReadOnlyList<Guid> Organisations(ClaimsPrincipal user) =>
        user.FindAll(StaffClaims.Organisation).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();
}
