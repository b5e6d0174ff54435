namespace Kith.Community;

/// <summary>One entry in the staff navigation: a module adds its own, with the roles that see it.</summary>
public sealed record NavigationEntry(string Section, string TitleKey, string Href, IReadOnlyList<string> Roles, int Order);

/// <summary>
/// The staff navigation, assembled from what each module registers, so a module that is not built or
/// not enabled never shows a dead link.
/// </summary>
internal sealed class StaffNavigation
{
    private readonly List<NavigationEntry> entries = [];

    public StaffNavigation Add(NavigationEntry entry)
    {
        entries.Add(entry);
        return this;
    }

    public IReadOnlyList<NavigationEntry> For(System.Security.Claims.ClaimsPrincipal user) =>
        entries.Where(e => e.Roles.Count == 0 || e.Roles.Any(user.IsInRole)).OrderBy(e => e.Order).ToList();
}
