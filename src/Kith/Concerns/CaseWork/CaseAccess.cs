using System.Security.Claims;
using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.CaseWork;

/// <summary>How someone may open a concern: as a member of its team, as an administrator, or not at all.</summary>
internal enum CaseAccessKind { Denied, Member, Admin }

/// <summary>
/// Who may open and act on a concern: responders on the team it is routed to, responders the escalation chain
/// paged about it (a backup team), and administrators (whose reads are audited as such). Closed by default: no id, no team, another team or any other role is denied,
/// and a concern with no team is for administrators only.
/// </summary>
internal sealed class CaseAccess(KithDb db, IStaffFacts staff, IResponderAlerts alerts, IResponderTeams teams)
{
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public async Task<IReadOnlyList<Guid>> TeamsOfAsync(string userId, CancellationToken ct) =>
        [.. (await teams.TeamsOfAsync(userId, ct)).Select(t => t.Id)];

    public async Task<CaseAccessKind> ForAsync(ClaimsPrincipal user, Guid? teamId, CancellationToken ct, Guid? concernId = null)
    {
        var id = UserId(user);
        if (id is null) return CaseAccessKind.Denied;
        if (teamId is { } team && user.IsInRole(Roles.Responder)
            && await teams.IsMemberAsync(team, id, ct))
            return CaseAccessKind.Member;
        // Paged about it (an escalation reached them: the team lead, the backup team): they must be able to act.
        if (concernId is { } concern && user.IsInRole(Roles.Responder)
            && await alerts.About(Routing.ConcernSubjects.Kind).AnyAsync(EscalatedTo(concern, id), ct))
            return CaseAccessKind.Member;
        return user.IsInRole(Roles.Admin) ? CaseAccessKind.Admin : CaseAccessKind.Denied;
    }

    /// <summary>
    /// The same rule as <see cref="ForAsync"/>, as a query: the concerns a list (the queue, the console) may show
    /// this person, or null for none. One class holds both forms so a list can never show what a page refuses.
    /// </summary>
    public async Task<IQueryable<Domain.Concern>?> VisibleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = UserId(user);
        if (me is null) return null;
        var all = db.Concerns.AsNoTracking();
        if (user.IsInRole(Roles.Admin)) return all;
        if (!user.IsInRole(Roles.Responder)) return null;
        var mine = await TeamsOfAsync(me, ct);
        var paged = alerts.About(Routing.ConcernSubjects.Kind);
        return all.Where(c => (c.TeamId != null && mine.Contains(c.TeamId.Value))
            || paged.Any(a => a.SubjectId == c.Id && a.UserId == me && a.Kind == Domain.AlertKinds.Escalated
                                  && !db.HandOffs.Any(h => h.ConcernId == c.Id && h.At > a.CreatedAt)));
    }

    /// <summary>
    /// An escalation paged this person about the concern since it last changed hands: a hand-off gives the case
    /// to the new team, and what the old chain was paged about no longer opens it.
    /// </summary>
    public System.Linq.Expressions.Expression<Func<SubjectAlert, bool>> EscalatedTo(Guid concern, string userId) =>
        a => a.SubjectId == concern && a.UserId == userId && a.Kind == Domain.AlertKinds.Escalated
             && !db.HandOffs.Any(h => h.ConcernId == concern && h.At > a.CreatedAt);

    /// <summary>Whether a person (by id) could open concerns of this team: the rule for who a concern may be assigned to.</summary>
    public async Task<bool> MayBeAssignedAsync(string userId, Guid? teamId, CancellationToken ct)
    {
        if (teamId is { } team && await teams.IsMemberAsync(team, userId, ct))
            return true;
        return await staff.HasRoleAsync(userId, Roles.Admin, ct);
    }
}
