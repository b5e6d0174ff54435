using System.Security.Claims;
using Kith.Community.Domain;

namespace Kith.Community.Organisations;

/// <summary>What a client may set on an organisation. Never the entity itself: no mass assignment.</summary>
internal sealed record OrganisationRequest(
    string? Name, string? Type, string? Description, string? Website, string? Phone, string? Email, Guid? AreaId, bool? Active);

internal sealed record OrganisationResponse(
    Guid Id, string Name, string Type, string? Description, string? Website, string? Phone, string? Email, Guid? AreaId,
    string? AreaName, bool Active, DateTime CreatedAt, DateTime UpdatedAt);

internal static class OrganisationRules
{
    public static readonly IReadOnlyList<string> Types = Enum.GetNames<OrganisationType>();

    /// <summary>Checks the fields that need no database; every problem is reported against its field.</summary>
    public static Dictionary<string, string[]> Validate(OrganisationRequest r, out OrganisationType type)
    {
        var errors = new Dictionary<string, string[]>();
        type = OrganisationType.Other;
        if (string.IsNullOrWhiteSpace(r.Name)) errors["name"] = ["Enter the organisation's name."];
        else if (r.Name.Trim().Length > 200) errors["name"] = ["The name can be at most 200 characters."];
        // Names only: a number would parse as an enum value, and an unknown number would be stored as-is.
        if (string.IsNullOrWhiteSpace(r.Type) || !Types.Contains(r.Type.Trim(), StringComparer.OrdinalIgnoreCase))
            errors["type"] = [$"Choose a type. Allowed values: {string.Join(", ", Types)}."];
        else type = Enum.Parse<OrganisationType>(r.Type.Trim(), ignoreCase: true);
        if (r.Description is { Length: > 2000 }) errors["description"] = ["The description can be at most 2000 characters."];
        if (!string.IsNullOrWhiteSpace(r.Website)
            && (r.Website.Trim().Length > 500 || !Uri.TryCreate(r.Website.Trim(), UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            errors["website"] = ["The website must be a full http:// or https:// address (at most 500 characters)."];
        if (!string.IsNullOrWhiteSpace(r.Phone) && (r.Phone.Trim().Length > 50 || !r.Phone.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.')))
            errors["phone"] = ["The phone number may hold digits, spaces and + - ( ) . (at most 50 characters)."];
        if (!string.IsNullOrWhiteSpace(r.Email) && (r.Email.Trim().Length > 200 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(r.Email.Trim())))
            errors["email"] = ["Enter a valid email address (at most 200 characters)."];
        return errors;
    }

    /// <summary>The English label of a type; it is also the translation key.</summary>
    public static string Label(string type) => type switch
    {
        nameof(OrganisationType.CommunityCentre) => "Community centre",
        nameof(OrganisationType.Faith) => "Faith group",
        nameof(OrganisationType.Veterans) => "Veterans' organisation",
        _ => type,
    };

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// Who may change an organisation: an admin, or a coordinator scoped to it. Anything else — including a
/// missing or unreadable id — is refused.
/// </summary>
internal static class OrganisationAccess
{
    public static bool CanEdit(ClaimsPrincipal user, Guid organisationId)
    {
        if (user.Identity?.IsAuthenticated != true || organisationId == Guid.Empty) return false;
        if (user.IsInRole(Roles.Admin)) return true;
        return user.IsInRole(Roles.Coordinator) && IsMember(user, organisationId);
    }

    public static bool IsMember(ClaimsPrincipal user, Guid organisationId) => user.BelongsTo(organisationId);

    public static IReadOnlyList<Guid> Memberships(ClaimsPrincipal user) => user.Organisations();
}
