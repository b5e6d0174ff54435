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
        return user.IsInRole(Roles.Coordinator) && user.BelongsTo(organisationId);
    }
}
