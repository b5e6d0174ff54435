using System.Security.Claims;
using Kith.ServiceDirectory.Editing;

namespace Kith.Tests.ServiceDirectory.Editing;

/// <summary>The ownership rule on its own: who may edit a record whose owner is known.</summary>
public sealed class ServiceOwnershipTests
{
    private static readonly Guid Mine = Guid.NewGuid();

    private static ClaimsPrincipal User(string? role, params string[] organisations)
    {
        var claims = organisations.Select(o => new Claim(StaffClaims.Organisation, o)).ToList();
        if (role is not null) claims.Add(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Fact]
    public void An_admin_may_edit_anything_even_unowned_records() =>
        Assert.True(ServiceOwnership.MayEdit(User(Roles.Admin), null));

    [Fact]
    public void A_coordinator_may_edit_their_own_organisations_records_only()
    {
        Assert.True(ServiceOwnership.MayEdit(User(Roles.Coordinator, Mine.ToString()), Mine));
        Assert.False(ServiceOwnership.MayEdit(User(Roles.Coordinator, Mine.ToString()), Guid.NewGuid()));
    }

    [Fact]
    public void Unowned_records_unreadable_claims_other_roles_and_anonymous_users_are_refused()
    {
        Assert.False(ServiceOwnership.MayEdit(User(Roles.Coordinator, Mine.ToString()), null));
        Assert.False(ServiceOwnership.MayEdit(User(Roles.Coordinator, "not-a-guid"), Guid.Empty));
        Assert.False(ServiceOwnership.MayEdit(User(Roles.Responder, Mine.ToString()), Mine));
        Assert.False(ServiceOwnership.MayEdit(new ClaimsPrincipal(new ClaimsIdentity()), Mine));
    }
}
