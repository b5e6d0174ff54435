using System.Security.Claims;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Editing.ServiceList;

public sealed record CapacityFigure(string Unit, decimal Available, decimal? Maximum, DateTime Updated);

internal sealed record ServiceRow(string Id, string Name, string OrganizationId, string OrganizationName, string Status, DateOnly? AssuredDate,
    string? AssuredBy, bool Waitlist, IReadOnlyList<CapacityFigure> Capacity);

/// <summary>The services a person may edit (admins: all, optionally one organisation's), with what the list shows of each.</summary>
internal sealed class ServiceRows(KithDb db)
{
    public async Task<IReadOnlyList<ServiceRow>> ForAsync(ClaimsPrincipal user, string? organizationId, CancellationToken ct)
    {
        var organisations = db.DirectoryOrganizations.AsNoTracking();
        if (!user.IsInRole(Roles.Admin))
        {
            var mine = user.Organisations();
            if (!user.IsInRole(Roles.Coordinator) || mine.Count == 0) return [];
            organisations = organisations.Where(o => o.KithOrganisationId != null && mine.Contains(o.KithOrganisationId.Value));
        }
        if (!string.IsNullOrEmpty(organizationId)) organisations = organisations.Where(o => o.Id == organizationId);
        var services = await (from s in db.Services.AsNoTracking()
                              join o in organisations on s.OrganizationId equals o.Id
                              orderby s.Name, s.Id
                              select new { s.Id, s.Name, s.OrganizationId, OrganizationName = o.Name, s.Status, s.AssuredDate, s.AssuredBy, s.Waitlist })
            .ToListAsync(ct);
        var ids = services.Select(s => s.Id).ToList();
        var capacity = (await db.ServiceCapacities.AsNoTracking().Where(c => ids.Contains(c.ServiceId)).OrderBy(c => c.Unit).ToListAsync(ct))
            .ToLookup(c => c.ServiceId, c => new CapacityFigure(c.Unit, c.Available, c.Maximum, c.Updated));
        return services.Select(s => new ServiceRow(s.Id, s.Name, s.OrganizationId, s.OrganizationName, s.Status, s.AssuredDate, s.AssuredBy,
            s.Waitlist, capacity[s.Id].ToList())).ToList();
    }
}
