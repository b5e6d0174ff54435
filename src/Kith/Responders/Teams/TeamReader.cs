using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Responders.Teams;

/// <summary>Reads teams for the list, the team page and the API, with the warnings an administrator needs to see.</summary>
internal sealed class TeamReader(KithDb db, Responders responders, ICommunityFacts community, DeploymentCalendar calendar)
{
    private const int ShiftsShown = 200;

    public async Task<IReadOnlyList<TeamSummary>> ListAsync(CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var members = (await db.TeamMembers.AsNoTracking().ToListAsync(ct)).ToLookup(m => m.TeamId);
        var now = calendar.UtcNow;
        var onCall = (await db.OnCallShifts.AsNoTracking().Where(s => s.StartsAt <= now && s.EndsAt > now)
            .Select(s => new { s.TeamId, s.UserId }).ToListAsync(ct)).ToLookup(s => s.TeamId, s => s.UserId);
        var people = await responders.FindAsync(members.SelectMany(m => m).Select(m => m.UserId).Concat(onCall.SelectMany(o => o)), ct);
        var organisations = await OrganisationNamesAsync(ct);
        var names = teams.ToDictionary(t => t.Id, t => t.Name);
        return teams.Select(t =>
        {
            var onCallNow = onCall[t.Id].Distinct().Select(u => people[u]).ToList();
            return new TeamSummary(t.Id, t.Name, t.OrganisationId, Name(organisations, t.OrganisationId), t.Active, t.BackupTeamId,
                Name(names, t.BackupTeamId), members[t.Id].Count(), NobodyToPage(members[t.Id].Select(m => people[m.UserId]), onCallNow), onCallNow);
        }).ToList();
    }

    public async Task<TeamDetails?> FindAsync(Guid id, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return null;
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == id).ToListAsync(ct);
        var now = calendar.UtcNow;
        var shifts = await db.OnCallShifts.AsNoTracking().Where(s => s.TeamId == id && s.EndsAt > now)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.EndsAt).Take(ShiftsShown).ToListAsync(ct);
        var people = await responders.FindAsync(members.Select(m => m.UserId).Concat(shifts.Select(s => s.UserId)), ct);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name, t.Active, t.BackupTeamId }).ToListAsync(ct);
        var circle = TeamRules.BackupCircle(id, teams.ToDictionary(t => t.Id, t => t.BackupTeamId));
        var backup = teams.SingleOrDefault(t => t.Id == team.BackupTeamId);

        var overlapping = TeamRules.Overlapping(shifts.Select(s => (s.Id, s.StartsAt, s.EndsAt)).ToList());
        var shiftViews = shifts.Select(s => new ShiftView(s.Id, people[s.UserId], calendar.ToLocal(s.StartsAt), calendar.ToLocal(s.EndsAt),
            s.StartsAt, s.EndsAt, s.StartsAt <= now, overlapping.Contains(s.Id))).ToList();
        var onCallNow = shiftViews.Where(s => s.OnNow).Select(s => s.Person).DistinctBy(p => p.Id).ToList();
        var memberViews = members.Select(m => new TeamMemberView(people[m.UserId], m.EmailAlerts, m.SmsAlerts, m.UserId == team.LeadUserId))
            .OrderBy(m => m.Person.DisplayName, StringComparer.CurrentCulture).ToList();
        return new TeamDetails(team.Id, team.Name, team.OrganisationId, Name(await OrganisationNamesAsync(ct), team.OrganisationId), team.Active,
            team.LeadUserId, team.BackupTeamId, backup?.Name, backup is { Active: false }, circle.Select(c => teams.Single(t => t.Id == c).Name).ToList(),
            memberViews, NobodyToPage(memberViews.Select(m => m.Person), onCallNow), onCallNow, shiftViews, calendar.ZoneId);
    }

    /// <summary>One shift as the rota shows it (overlaps judged against the team's other shifts still to end).</summary>
    public async Task<ShiftView?> ShiftAsync(Guid teamId, Guid shiftId, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var shift = await db.OnCallShifts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shiftId && s.TeamId == teamId, ct);
        if (shift is null) return null;
        var overlaps = await db.OnCallShifts.AnyAsync(s => s.TeamId == teamId && s.Id != shiftId && s.EndsAt > now
            && s.StartsAt < shift.EndsAt && shift.StartsAt < s.EndsAt, ct);
        var person = (await responders.FindAsync([shift.UserId], ct))[shift.UserId];
        return new ShiftView(shift.Id, person, calendar.ToLocal(shift.StartsAt), calendar.ToLocal(shift.EndsAt), shift.StartsAt, shift.EndsAt,
            shift.StartsAt <= now, overlaps);
    }

    /// <summary>Active teams other than <paramref name="except"/>, by name: the choices for a backup or a rule's target.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ActiveAsync(Guid? except, CancellationToken ct) =>
        (await db.Teams.AsNoTracking().Where(t => t.Active && t.Id != except).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();

    private async Task<Dictionary<Guid, string>> OrganisationNamesAsync(CancellationToken ct) =>
        (await community.OrganisationsAsync(ct)).ToDictionary(o => o.Id, o => o.Name);

    private static string? Name(IReadOnlyDictionary<Guid, string> names, Guid? id) => id is { } key ? names.GetValueOrDefault(key) : null;

    /// <summary>Nobody to page: no member (and nobody on call) still has a working responder or administrator account.</summary>
    private static bool NobodyToPage(IEnumerable<Person> members, IEnumerable<Person> onCall) =>
        !members.Concat(onCall).Any(p => p.Pageable);
}
