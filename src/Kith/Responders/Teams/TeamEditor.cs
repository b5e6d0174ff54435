// The team pages are part of Concerns' routing administration: its change result and audited save (concerns.team-*).
using Kith.Concerns.Contracts;
using Kith.Responders.Domain;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Responders.Teams;

/// <summary>
/// Changes teams, their members and their rota for the API and the pages alike: validated, saved and audited
/// together (ids only in the audit log). Authorization is the caller's: both routes require an administrator.
/// </summary>
internal sealed class TeamEditor(KithDb db, Responders responders, ICommunityFacts community, DeploymentCalendar calendar, AdminChanges changes)
{
    public async Task<AdminResult> CreateAsync(TeamRequest request, string? actorId, CancellationToken ct)
    {
        request = Normalised(request);
        var errors = await CheckAsync(request, null, ct);
        if (request.LeadUserId is { } lead && !errors.ContainsKey("leadUserId") && !await responders.IsResponderAsync(lead, ct))
            errors["leadUserId"] = ["The lead must be a responder or an administrator."];
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        if (await NameTakenAsync(request.Name!.Trim(), null, ct)) return DuplicateName();
        var now = calendar.UtcNow;
        var team = new Team { Id = Guid.CreateVersion7(now), Name = request.Name.Trim(), CreatedAt = now };
        Apply(team, request);
        db.Teams.Add(team);
        // The lead of a new team joins it: "the lead is a member" holds from the start.
        if (team.LeadUserId is { } leader) db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = leader });
        return await changes.SaveAsync("team-created", actorId, "concern-team", team.Id.ToString(), null, ct);
    }

    public async Task<AdminResult> UpdateAsync(Guid id, TeamRequest request, string? actorId, CancellationToken ct)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return AdminResult.NotFound;
        request = Normalised(request);
        var errors = await CheckAsync(request, id, ct);
        if (request.LeadUserId is { } lead && !errors.ContainsKey("leadUserId")
            && !await db.TeamMembers.AnyAsync(m => m.TeamId == id && m.UserId == lead, ct))
            errors["leadUserId"] = ["The lead must be a member of the team. Add them first."];
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        if (await NameTakenAsync(request.Name!.Trim(), id, ct)) return DuplicateName();
        Apply(team, request);
        return await changes.SaveAsync("team-updated", actorId, "concern-team", id.ToString(), new { active = team.Active }, ct);
    }

    /// <summary>Adds a member, or changes a member's alert settings.</summary>
    public async Task<AdminResult> SetMemberAsync(Guid teamId, string userId, MemberRequest request, string? actorId, CancellationToken ct)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) return AdminResult.NotFound;
        if (!Responders.IsPlausibleId(userId))
            return AdminResult.Invalid(new() { ["userId"] = ["Only responders and administrators can join a team."] });
        var member = await db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, ct);
        if (member is null)
        {
            if (!await responders.IsResponderAsync(userId, ct))
                return AdminResult.Invalid(new() { ["userId"] = ["Only responders and administrators can join a team."] });
            member = new TeamMember { TeamId = teamId, UserId = userId };
            db.TeamMembers.Add(member);
        }
        var added = db.Entry(member).State == EntityState.Added;
        member.EmailAlerts = request.EmailAlerts ?? member.EmailAlerts;
        member.SmsAlerts = request.SmsAlerts ?? member.SmsAlerts;
        return await changes.SaveAsync(added ? "team-member-added" : "team-member-updated", actorId, "concern-team", teamId.ToString(),
            new { userId, email = member.EmailAlerts, sms = member.SmsAlerts }, ct);
    }

    /// <summary>Takes someone off the team, and off the rota from now on. The lead cannot leave until another is chosen.</summary>
    public async Task<AdminResult> RemoveMemberAsync(Guid teamId, string userId, string? actorId, CancellationToken ct)
    {
        if (!Responders.IsPlausibleId(userId)) return AdminResult.NotFound;
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct);
        var member = await db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, ct);
        if (team is null || member is null) return AdminResult.NotFound;
        if (team.LeadUserId == userId)
            return AdminResult.Conflict(new() { ["userId"] = ["This person leads the team. Choose another lead (or none) first."] });
        db.TeamMembers.Remove(member);
        var now = calendar.UtcNow;
        var shifts = await db.OnCallShifts.Where(s => s.TeamId == teamId && s.UserId == userId && s.EndsAt > now).ToListAsync(ct);
        db.OnCallShifts.RemoveRange(shifts);
        return await changes.SaveAsync("team-member-removed", actorId, "concern-team", teamId.ToString(),
            new { userId, shiftsRemoved = shifts.Count }, ct);
    }

    public async Task<AdminResult> AddShiftAsync(Guid teamId, ShiftRequest request, string? actorId, CancellationToken ct)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) return AdminResult.NotFound;
        var errors = new Dictionary<string, string[]>();
        var starts = ToUtc(request.StartsAt, "startsAt", errors);
        var ends = ToUtc(request.EndsAt, "endsAt", errors);
        var userId = request.UserId?.Trim();
        if (!Responders.IsPlausibleId(userId) || !await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == userId, ct))
            errors["userId"] = ["Choose a member of the team."];
        if (starts is { } s && ends is { } e)
            foreach (var (field, message) in TeamRules.CheckShift(s, e, calendar.UtcNow)) errors[field] = message;
        if (errors.Count > 0) return AdminResult.Invalid(errors);
        var shift = new OnCallShift { Id = Guid.CreateVersion7(calendar.UtcNow), TeamId = teamId, UserId = userId!, StartsAt = starts!.Value, EndsAt = ends!.Value };
        db.OnCallShifts.Add(shift);
        return await changes.SaveAsync("shift-added", actorId, "concern-team", teamId.ToString(), new { shiftId = shift.Id, userId }, ct,
            id: shift.Id.ToString());
    }

    public async Task<AdminResult> RemoveShiftAsync(Guid teamId, Guid shiftId, string? actorId, CancellationToken ct)
    {
        var shift = await db.OnCallShifts.SingleOrDefaultAsync(s => s.Id == shiftId && s.TeamId == teamId, ct);
        if (shift is null) return AdminResult.NotFound;
        db.OnCallShifts.Remove(shift);
        return await changes.SaveAsync("shift-removed", actorId, "concern-team", teamId.ToString(), new { shiftId, userId = shift.UserId }, ct);
    }

    private async Task<Dictionary<string, string[]>> CheckAsync(TeamRequest request, Guid? id, CancellationToken ct)
    {
        var errors = TeamRules.CheckTeam(request, id);
        if (request.OrganisationId is { } org && (await community.OrganisationsAsync(ct)).All(o => o.Id != org))
            errors["organisationId"] = ["That organisation does not exist."];
        if (request.BackupTeamId is { } backup && !errors.ContainsKey("backupTeamId")
            && !await db.Teams.AnyAsync(t => t.Id == backup && t.Active, ct))
            errors["backupTeamId"] = ["The backup must be another active team."];
        if (request.LeadUserId is { } lead && !Responders.IsPlausibleId(lead)) errors["leadUserId"] = ["The lead must be a member of the team. Add them first."];
        return errors;
    }

    private Task<bool> NameTakenAsync(string name, Guid? id, CancellationToken ct) =>
        db.Teams.AnyAsync(t => t.Name == name && t.Id != id, ct);

    private static AdminResult DuplicateName() =>
        AdminResult.Conflict(new() { ["name"] = ["A team with this name already exists."] });

    /// <summary>An empty lead (the form's "no lead" choice) is no lead.</summary>
    private static TeamRequest Normalised(TeamRequest request) =>
        request with { LeadUserId = string.IsNullOrWhiteSpace(request.LeadUserId) ? null : request.LeadUserId.Trim() };

    private static void Apply(Team team, TeamRequest request)
    {
        team.Name = request.Name!.Trim();
        team.OrganisationId = request.OrganisationId;
        team.LeadUserId = request.LeadUserId;
        team.BackupTeamId = request.BackupTeamId;
        team.Active = request.Active ?? team.Active;
    }

    /// <summary>
    /// A shift time as UTC: no offset means the deployment's local time. Local times the clocks skip (spring
    /// forward) do not exist, and years far off are typing mistakes; both are refused rather than guessed.
    /// </summary>
    private DateTime? ToUtc(DateTime? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is not { } time || time.Year is < 2000 or > 2200)
        {
            errors[field] = ["Enter a date and time."];
            return null;
        }
        switch (time.Kind)
        {
            case DateTimeKind.Utc: return time;
            case DateTimeKind.Local: return time.ToUniversalTime();
        }
        if (calendar.Zone.IsInvalidTime(time))
        {
            errors[field] = ["That time does not exist on that day (the clocks go forward)."];
            return null;
        }
        return calendar.ToUtc(time);
    }
}
