using System.Security.Claims;
using Kith.Community.Domain;
using Kith.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Community;

/// <summary>Puts roles, organisation scope and display name into the sign-in cookie.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<StaffRole> roles, IOptions<IdentityOptions> options, KithDb db)
    : UserClaimsPrincipalFactory<StaffUser, StaffRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        var organisations = await db.StaffOrganisations.Where(s => s.UserId == user.Id).Select(s => s.OrganisationId).ToListAsync();
        foreach (var id in organisations) identity.AddClaim(new Claim(StaffClaims.Organisation, id.ToString()));
        return identity;
    }
}
