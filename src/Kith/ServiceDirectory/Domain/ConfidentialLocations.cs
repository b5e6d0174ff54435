using System.Security.Claims;
using Kith.Community.Contracts;

namespace Kith.ServiceDirectory.Domain;

/// <summary>
/// Who may see where a confidential location (a refuge, a safe house) is. Everyone else sees that it
/// exists and how to reach it by phone, never its address or coordinates.
/// </summary>
internal static class ConfidentialLocations
{
    /// <summary>
    /// Admins; responders, who refer people to shelters; and coordinators of the organisation that owns
    /// the location (<paramref name="owningKithOrganisationId"/>, from the directory organization's owner).
    /// </summary>
    public static bool MaySeeAddresses(ClaimsPrincipal user, Guid? owningKithOrganisationId)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Responder)) return true;
        return owningKithOrganisationId is { } owner && user.IsInRole(Roles.Coordinator)
            && user.BelongsTo(owner);
    }

    /// <summary>True when the user may see every confidential location, whoever owns it.</summary>
    public static bool MaySeeAllAddresses(ClaimsPrincipal user) => MaySeeAddresses(user, null);
}
