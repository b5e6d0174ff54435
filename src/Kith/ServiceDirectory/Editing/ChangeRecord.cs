using Kith.Platform.Time;
using System.Security.Claims;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Freshness;

namespace Kith.ServiceDirectory.Editing;

/// <summary>
/// Writes HSDS <c>metadata</c> rows — one per changed field, with the value before and after and who
/// changed it — which is what that table is for. Fields are compared as the text HSDS would publish.
/// </summary>
internal sealed class ChangeRecord(KithDb db, DeploymentCalendar calendar)
{
    /// <summary>Adds a row for every field whose value differs; returns the changed field names (for the audit entry).</summary>
    public IReadOnlyList<string> Add(string resourceType, string resourceId, IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after, string updatedBy, bool created = false)
    {
        var changed = new List<string>();
        foreach (var (field, replacement) in after)
        {
            var previous = before.GetValueOrDefault(field, "");
            if (previous == replacement) continue;
            changed.Add(field);
            db.MetadataEntries.Add(new MetadataEntry
            {
                Id = Guid.NewGuid().ToString(),
                ResourceId = resourceId,
                ResourceType = resourceType,
                LastActionDate = calendar.Today,
                LastActionType = created ? "create" : "update",
                FieldName = field,
                PreviousValue = previous.Length == 0 ? MetadataEntry.NoValue : previous,
                ReplacementValue = replacement.Length == 0 ? MetadataEntry.NoValue : replacement,
                UpdatedBy = updatedBy,
            });
        }
        return changed;
    }

    /// <summary>The name a change is recorded under: the staff member's display name, else their email.</summary>
    public static string Editor(ClaimsPrincipal user) =>
        user.FindFirstValue(StaffClaims.DisplayName) ?? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "staff";
}
