using System.Security.Claims;

namespace Kith.Community.Contracts;

/// <summary>
/// Which organisations the signed-in person belongs to, read from their sign-in claims in this one place
/// for every module (ADR 0022). An unreadable claim is ignored: the scope only ever narrows.
/// </summary>
internal static class OrganisationScope
{
    public static IReadOnlyList<Guid> Organisations(this ClaimsPrincipal user) =>
        user.FindAll(StaffClaims.Organisation)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();

    public static bool BelongsTo(this ClaimsPrincipal user, Guid organisationId) =>
        organisationId != Guid.Empty && user.Organisations().Contains(organisationId);
}
