using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community;

internal sealed class StaffFactsFromDatabase(KithDb db, TimeProvider time) : IStaffFacts
{
    public async Task<IReadOnlyDictionary<string, StaffFact>> FindAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<string, StaffFact>();
        var accounts = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PhoneNumber, u.LockoutEnd }).ToListAsync(ct);
        var found = accounts.Select(a => a.Id).ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where found.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(ct)).ToLookup(x => x.UserId, x => x.Name!);
        var organisations = (await db.StaffOrganisations.AsNoTracking().Where(s => found.Contains(s.UserId))
            .Select(s => new { s.UserId, s.OrganisationId }).ToListAsync(ct)).ToLookup(x => x.UserId, x => x.OrganisationId);
        var now = time.GetUtcNow();
        return accounts.ToDictionary(a => a.Id, a => new StaffFact(a.Id, a.DisplayName, a.Email, a.PhoneNumber,
            !(a.LockoutEnd is { } end && end > now), [.. roles[a.Id]], [.. organisations[a.Id]]));
    }

    public async Task<StaffFact?> FindByEmailAsync(string email, CancellationToken ct)
    {
        var id = await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : (await FindAsync([id], ct)).GetValueOrDefault(id);
    }

    public async Task<IReadOnlyList<string>> WithRoleAsync(string role, CancellationToken ct) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == role
               select ur.UserId).Distinct().ToListAsync(ct);

    public Task<bool> HasRoleAsync(string userId, string role, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where ur.UserId == userId && r.Name == role
         select ur.UserId).AnyAsync(ct);
}
