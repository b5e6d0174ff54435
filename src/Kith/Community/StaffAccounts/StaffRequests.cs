using System.ComponentModel.DataAnnotations;

namespace Kith.Community.StaffAccounts;

/// <summary>A new staff account. The server chooses a temporary password; it is shown once.</summary>
internal sealed record CreateStaffRequest(string? Email, string? DisplayName, string[]? Roles, Guid[]? OrganisationIds)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Email) || Email.Trim().Length > 256 || !new EmailAddressAttribute().IsValid(Email.Trim()))
            errors["email"] = ["Enter a valid email address."];
        if (string.IsNullOrWhiteSpace(DisplayName)) errors["displayName"] = ["Enter the person's name."];
        else if (DisplayName.Trim().Length > 200) errors["displayName"] = ["The name can be at most 200 characters."];
        return errors;
    }
}

internal sealed record CreateStaffResponse(StaffSummary Staff, string TemporaryPassword);

/// <summary>Replaces a staff member's roles and organisations.</summary>
internal sealed record StaffAccessRequest(string[]? Roles, Guid[]? OrganisationIds);

internal sealed record PasswordResetResponse(string Id, string TemporaryPassword);
