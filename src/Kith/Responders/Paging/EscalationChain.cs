using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Responders.Paging;

/// <summary>
/// Who is paged at each step until someone acknowledges: 0 the team's on-call (every member when nobody is
/// on call), 1 the team lead, 2 the backup team, 3 the administrators. A step with nobody in it is skipped.
/// </summary>
internal sealed class EscalationChain(KithDb db, IStaffFacts staff)
{
    public const int LastLevel = 3;

    public async Task<IReadOnlyList<Pagee>> AtAsync(Guid? teamId, int level, DateTime nowUtc, CancellationToken ct)
    {
        var team = teamId is null ? null : await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct);
        // No team at all: the administrators are the first step as well as the last.
        if (level == LastLevel || (level == 0 && team is null)) return await AdministratorsAsync(ct);
        if (team is null) return [];
        return level switch
        {
            0 => await OnCallAsync(team.Id, nowUtc, ct),
            1 when team.LeadUserId is { } lead => [await AsPageeAsync(team.Id, lead, ct)],
            2 when team.BackupTeamId is { } backup => await OnCallAsync(backup, nowUtc, ct),
            _ => [],
        };
    }

    /// <summary>Members on call now; nobody on the rota means everyone on the team is paged.</summary>
    private async Task<IReadOnlyList<Pagee>> OnCallAsync(Guid teamId, DateTime nowUtc, CancellationToken ct)
    {
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId).ToListAsync(ct);
        var onCall = await db.OnCallShifts.AsNoTracking()
            .Where(s => s.TeamId == teamId && s.StartsAt <= nowUtc && s.EndsAt > nowUtc)
            .Select(s => s.UserId).Distinct().ToListAsync(ct);
        var paged = onCall.Count > 0 ? members.Where(m => onCall.Contains(m.UserId)).ToList() : members;
        if (paged.Count == 0 && onCall.Count > 0) // on call but no longer a member: page them anyway, as in-app + email
            return onCall.Select(u => new Pagee(u, true, false)).ToList();
        return paged.Select(m => new Pagee(m.UserId, m.EmailAlerts, m.SmsAlerts)).ToList();
    }

    private async Task<Pagee> AsPageeAsync(Guid teamId, string userId, CancellationToken ct)
    {
        var member = await db.TeamMembers.AsNoTracking().SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, ct);
        return new Pagee(userId, member?.EmailAlerts ?? true, member?.SmsAlerts ?? false);
    }

    private async Task<IReadOnlyList<Pagee>> AdministratorsAsync(CancellationToken ct) =>
        (await staff.WithRoleAsync(Roles.Admin, ct)).Distinct().Select(u => new Pagee(u, true, false)).ToList();
}
