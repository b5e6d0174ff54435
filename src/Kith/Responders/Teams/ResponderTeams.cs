using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Responders.Teams;

/// <summary>Reads the team tables for other modules: same scoped KithDb, so a caller's transaction sees its own writes.</summary>
internal sealed class ResponderTeams(KithDb db, TeamReader reader) : IResponderTeams
{
    public async Task<IReadOnlyList<ResponderTeam>> AllAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new ResponderTeam(t.Id, t.Name, t.Active)).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, ResponderTeam>> FindAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<Guid, ResponderTeam>();
        return await db.Teams.AsNoTracking().Where(t => wanted.Contains(t.Id))
            .Select(t => new ResponderTeam(t.Id, t.Name, t.Active)).ToDictionaryAsync(t => t.Id, ct);
    }

    public async Task<IReadOnlyList<ResponderTeam>> TeamsOfAsync(string userId, CancellationToken ct) =>
        await (from m in db.TeamMembers.AsNoTracking()
               join t in db.Teams.AsNoTracking() on m.TeamId equals t.Id
               where m.UserId == userId
               orderby t.Name
               select new ResponderTeam(t.Id, t.Name, t.Active)).ToListAsync(ct);

    public Task<bool> IsActiveAsync(Guid teamId, CancellationToken ct) =>
        db.Teams.AsNoTracking().AnyAsync(t => t.Id == teamId && t.Active, ct);

    public Task<bool> IsMemberAsync(Guid teamId, string userId, CancellationToken ct) =>
        db.TeamMembers.AsNoTracking().AnyAsync(m => m.TeamId == teamId && m.UserId == userId, ct);

    public async Task<IReadOnlyList<string>> MembersOfAsync(IReadOnlyCollection<Guid> teams, CancellationToken ct) =>
        teams.Count == 0 ? [] : await db.TeamMembers.AsNoTracking().Where(m => teams.Contains(m.TeamId)).Select(m => m.UserId).Distinct().ToListAsync(ct);

    public async Task<IReadOnlyList<TeamCover>> CoverAsync(CancellationToken ct) =>
        [.. (await reader.ListAsync(ct)).Select(t => new TeamCover(t.Id, t.Name, t.Active, t.OnCallNow.Count > 0, t.NobodyToPage))];
}
