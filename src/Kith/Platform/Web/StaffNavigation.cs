namespace Kith.Platform.Web;

/// <summary>
/// One entry in the staff navigation: a module adds its own, with the roles that see it. Title and
/// summary are English text and the translation keys.
/// </summary>
public sealed record NavigationEntry(string Title, string Summary, string Href, IReadOnlyList<string> Roles, int Order);

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

    public StaffNavigation AddRange(IEnumerable<NavigationEntry> more)
    {
        entries.AddRange(more);
        return this;
    }

    public IReadOnlyList<NavigationEntry> All => entries;

    public IReadOnlyList<NavigationEntry> For(System.Security.Claims.ClaimsPrincipal user) =>
        entries.Where(e => e.Roles.Count == 0 || e.Roles.Any(user.IsInRole)).OrderBy(e => e.Order).ToList();
}

internal static class StaffNavigationRegistration
{
    /// <summary>Adds a module's entries to the one navigation every module shares.</summary>
    public static IServiceCollection AddStaffNavigation(this IServiceCollection services, IEnumerable<NavigationEntry> entries)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(StaffNavigation))?.ImplementationInstance as StaffNavigation;
        if (existing is null)
        {
            existing = new StaffNavigation();
            services.AddSingleton(existing);
        }
        existing.AddRange(entries);
        return services;
    }
}
