using System.Security.Claims;

namespace Kith.ServiceDirectory.Editing.EditService;

/// <summary>
/// A place another organisation keeps (a parish hall where a clinic also runs a group): staff of the other
/// services may link their service to it or unlink it, never change it, since its name, address and
/// confidentiality show on every service there. Administrators may change any place.
/// </summary>
internal static class SharedLocations
{
    /// <summary>Marks the stored places this person may not change.</summary>
    public static void Lock(ClaimsPrincipal user, IEnumerable<LocationRow> stored)
    {
        foreach (var row in stored) row.Locked = !ServiceOwnership.MayEdit(user, row.ManagedBy);
    }

    /// <summary>
    /// Marks posted rows of locked places as locked and refuses any that would change them: the form posts them
    /// unchanged, so a difference is a crafted or stale post, told field by field rather than silently dropped.
    /// </summary>
    public static Dictionary<string, string[]> Check(IReadOnlyList<LocationRow> stored, IReadOnlyList<LocationRow> posted)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < posted.Count; i++)
        {
            var row = posted[i];
            if (row.Id.Length == 0 || stored.FirstOrDefault(s => s.Id == row.Id) is not { Locked: true } kept) continue;
            row.Locked = true;
            if (row.Remove) continue;
            var before = ServiceReader.Snapshot(kept);
            var changed = ServiceReader.Snapshot(row).Where(f => before.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key).ToList();
            if (changed.Count == 0) continue;
            var keeper = kept.ManagerName.Length > 0 ? kept.ManagerName : "An administrator";
            errors[$"location[{i}].{FormField(changed[0])}"] =
                [$"{keeper} keeps the details of {kept.Name} ({string.Join(", ", changed)}): you can keep your service linked to it or remove it, but not change it."];
        }
        return errors;
    }

    /// <summary>After a refused post the page shows a locked place as stored, not as posted.</summary>
    public static void ShowStored(IReadOnlyList<LocationRow> stored, List<LocationRow> posted)
    {
        for (var i = 0; i < posted.Count; i++)
            if (posted[i].Id.Length > 0 && stored.FirstOrDefault(s => s.Id == posted[i].Id) is { Locked: true } kept)
                posted[i] = new LocationRow
                {
                    Id = kept.Id, Name = kept.Name, Address1 = kept.Address1, City = kept.City, State = kept.State, PostalCode = kept.PostalCode,
                    Country = kept.Country, Latitude = kept.Latitude, Longitude = kept.Longitude, Transportation = kept.Transportation,
                    Accessibility = kept.Accessibility, Confidential = kept.Confidential, ManagedBy = kept.ManagedBy, ManagerName = kept.ManagerName,
                    Locked = true, Remove = posted[i].Remove,
                };
    }

    private static string FormField(string hsdsField) => hsdsField == "state_province" ? "state" : hsdsField;
}
