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

    /// <summary>Adds an entry; a second entry with the same link or title is a registration mistake, refused at start.</summary>
    public StaffNavigation Add(NavigationEntry entry)
    {
        if (entries.Any(e => e.Href == entry.Href || e.Title == entry.Title))
            throw new InvalidOperationException($"The staff navigation already has an entry \"{entry.Title}\" or one linking to {entry.Href}.");
        entries.Add(entry);
        return this;
    }

    public StaffNavigation AddRange(IEnumerable<NavigationEntry> more)
    {
        foreach (var entry in more) Add(entry);
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
