using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community.StaffAccounts;

/// <summary>An organisation named in a staff account (public: Razor component parameters use it).</summary>
public sealed record OrganisationRef(Guid Id, string Name);

internal sealed record StaffSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles,
    IReadOnlyList<OrganisationRef> Organisations, bool Locked, bool MustChangePassword, bool TwoStep, DateTime CreatedAt);

/// <summary>Reads staff accounts with their roles and organisations, in three small queries whatever the count.</summary>
internal sealed class StaffDirectory(KithDb db, TimeProvider time)
{
    public async Task<List<StaffSummary>> ListAsync(string? userId, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => userId == null || u.Id == userId)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.MustChangePassword, u.TwoFactorEnabled, u.CreatedAt })
            .ToListAsync(ct);
        var ids = accounts.Select(a => a.Id).ToList();
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        var organisations = (await (from s in db.StaffOrganisations join o in db.Organisations on s.OrganisationId equals o.Id
                                    where ids.Contains(s.UserId) select new { s.UserId, o.Id, o.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => new OrganisationRef(x.Id, x.Name));
        var now = time.GetUtcNow();
        return accounts.Select(a => new StaffSummary(a.Id, a.Email ?? "", a.DisplayName,
            roles[a.Id].Order(StringComparer.Ordinal).ToList(), organisations[a.Id].OrderBy(o => o.Name).ToList(),
            a.LockoutEnd is { } end && end > now, a.MustChangePassword, a.TwoFactorEnabled, a.CreatedAt)).ToList();
    }

    public async Task<StaffSummary?> FindAsync(string id, CancellationToken ct) => (await ListAsync(id, ct)).SingleOrDefault();
}
