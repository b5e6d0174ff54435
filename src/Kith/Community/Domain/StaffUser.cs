using Microsoft.AspNetCore.Identity;

namespace Kith.Community.Domain;

/// <summary>A staff account (responder, coordinator, leader, admin). Residents never have accounts.</summary>
internal sealed class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>Set when an admin resets the password: the temporary one must be replaced at next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class StaffRole : IdentityRole
{
    public StaffRole() { }
    public StaffRole(string name) : base(name) { }
}

/// <summary>Scopes a staff account to an organisation: what it may see and act on.</summary>
internal sealed class StaffOrganisation
{
    public required string UserId { get; set; }
    public Guid OrganisationId { get; set; }
}
