using System.Security.Claims;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Editing;

internal enum Ownership { Allowed, NotFound, Forbidden }

/// <summary>
/// Who may change a directory service: an administrator, or a coordinator whose organisations include the
/// Kith organisation that owns the service's directory organisation. Resource-based and closed by default:
/// an unknown service is not found; an unowned record, a missing claim or any other role is refused.
/// </summary>
internal sealed class ServiceOwnership(KithDb db)
{
    public async Task<Ownership> CheckAsync(ClaimsPrincipal user, string? serviceId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(serviceId)) return Ownership.NotFound;
        var owner = await (from s in db.Services.AsNoTracking()
                           join o in db.DirectoryOrganizations on s.OrganizationId equals o.Id into orgs
                           from o in orgs.DefaultIfEmpty()
                           where s.Id == serviceId
                           select new { Found = true, Owner = o == null ? null : o.KithOrganisationId }).SingleOrDefaultAsync(ct);
        if (owner is null) return Ownership.NotFound;
        return MayEdit(user, owner.Owner) ? Ownership.Allowed : Ownership.Forbidden;
    }

    /// <summary>The rule itself, for a record whose owner is already known (null: nobody owns it, so admins only).</summary>
    public static bool MayEdit(ClaimsPrincipal user, Guid? owner)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (user.IsInRole(Roles.Admin)) return true;
        return owner is { } id && user.IsInRole(Roles.Coordinator) && user.BelongsTo(id);
    }

    /// <summary>The directory organisations the person may add services to.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> EditableOrganisationsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var query = db.DirectoryOrganizations.AsNoTracking();
        if (!user.IsInRole(Roles.Admin))
        {
            var mine = user.Organisations();
            if (!user.IsInRole(Roles.Coordinator) || mine.Count == 0) return [];
            query = query.Where(o => o.KithOrganisationId != null && mine.Contains(o.KithOrganisationId.Value));
        }
        var rows = await query.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }
}
