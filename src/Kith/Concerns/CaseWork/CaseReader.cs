using System.Security.Claims;
using Kith.Concerns.Domain;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.CaseWork;

/// <summary>
/// Opens one concern for a responder: checks access (null for anyone else, whether or not it exists), writes
/// the read to the audit log — noting when the reader came in as an administrator — and marks the reader's
/// alerts for it seen.
/// </summary>
internal sealed class CaseReader(KithDb db, CaseAccess access, StatusChanges statuses, AuditLog audit, ICommunityFacts community, IStaffFacts staff,
    IResponderAlerts alerts, IResponderTeams responderTeams, TimeProvider time)
{
    public async Task<CaseView?> ReadAsync(ClaimsPrincipal user, Guid id, string via, CancellationToken ct)
    {
        var view = await LoadAsync(user, id, ct);
        if (view is null) return null;
        var actor = CaseAccess.UserId(user)!;
        await audit.RecordAsync("concern.read", actor, "concern", id.ToString(), new { via, asAdmin = view.ReadAsAdmin }, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await alerts.MarkSeenAsync(Routing.ConcernSubjects.Kind, id, actor, now, ct);
        // Read for the team once one of them (or, for a concern with no team, an administrator) has it open; the view
        // still says it was unread. Not a change of the concern: its revision stays, so no open form goes stale.
        if (view.UnreadSince is not null && (!view.ReadAsAdmin || view.TeamId is null))
            await db.Concerns.Where(c => c.Id == id && c.UnreadSince != null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadSince, (DateTime?)null), ct);
        return view;
    }

    /// <summary>
    /// The concern as the person may see it, without recording a read: for the case page to find the form a post
    /// names, before the action runs. Whatever is then shown to the person goes through <see cref="ReadAsync"/>.
    /// </summary>
    public async Task<CaseView?> LoadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        if (CaseAccess.UserId(user) is null) return null;
        var concern = await db.Concerns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (concern is null) return null;
        var kind = await access.ForAsync(user, concern.TeamId, ct, concern.Id);
        return kind == CaseAccessKind.Denied ? null : await ViewAsync(concern, kind == CaseAccessKind.Admin, ct);
    }

    private async Task<CaseView> ViewAsync(Concern c, bool asAdmin, CancellationToken ct)
    {
        var table = await statuses.TableAsync(ct);
        var timeline = await TimelineAsync(c.Id, ct);
        var teams = await responderTeams.AllAsync(ct);
        var assignable = await AssignableAsync(c.TeamId, ct);
        var people = await NamesAsync(timeline.Select(e => e.ById).Concat(assignable).Append(c.AssignedTo).Append(c.AcknowledgedBy), ct);
        string? Name(string? userId) => userId is null ? null : people.GetValueOrDefault(userId, userId);
        string? TeamName(string? teamId) => teams.FirstOrDefault(t => t.Id.ToString() == teamId)?.Name;
        var place = await PlaceAsync(c, ct);

        return new CaseView(
            c.Id, c.Reference, c.Revision, c.SubmittedAt, c.Channel, c.FiledBy is not null,
            c.About, c.CategoryCodes, c.Urgency, c.Narrative, c.Language, place.Organisation, place.Area,
            c.Tier, c.TriageRules.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            c.Anonymous ? null : new CaseContact(c.ContactName, c.ContactPhone, c.ContactEmail),
            c.TeamId, TeamName(c.TeamId?.ToString()), c.AssignedTo, Name(c.AssignedTo),
            c.Status, table.KindOf(c.Status), c.AcknowledgeBy, c.AcknowledgedAt, Name(c.AcknowledgedBy), c.EscalationLevel,
            c.ClosedAt, c.Outcome, c.Flag, c.PurgedAt is not null, asAdmin,
            table.Statuses.ToDictionary(s => s.Code, s => s.Name),
            table.NextFrom(c.Status).Select(s => new CaseChoice(s.Code, s.Name, s.Kind)).ToList(),
            assignable.Select(u => new CaseChoice(u, Name(u)!)).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            teams.Where(t => t.Active && t.Id != c.TeamId).OrderBy(t => t.Name).Select(t => new CaseChoice(t.Id.ToString(), t.Name)).ToList(),
            timeline.Select(e => e with { ByName = Name(e.ById), FromTeam = TeamName(e.FromTeam), ToTeam = TeamName(e.ToTeam) }).ToList(),
            c.UnreadSince);
    }

    /// <summary>Status changes, messages and notes, interventions and hand-offs, oldest first. Team ids are resolved by the caller.</summary>
    private async Task<List<TimelineEntry>> TimelineAsync(Guid id, CancellationToken ct)
    {
        var entries = new List<TimelineEntry>();
        entries.AddRange((await db.ConcernStatusChanges.AsNoTracking().Where(s => s.ConcernId == id).ToListAsync(ct))
            .Select(s => new TimelineEntry(s.At, "status", s.ById, null, false, s.Reason, s.PreviousStatus, s.Status)));
        entries.AddRange((await db.ConcernMessages.AsNoTracking().Where(m => m.ConcernId == id).ToListAsync(ct))
            .Select(m => new TimelineEntry(m.At, m.Kind, m.AuthorId, null, m.ReporterVisible, m.Body)));
        entries.AddRange((await db.Interventions.AsNoTracking().Where(i => i.ConcernId == id).ToListAsync(ct))
            .Select(i => new TimelineEntry(i.RecordedAt, "intervention", i.ById, null, false, i.Notes, InterventionType: i.Type, OccurredOn: i.OccurredOn)));
        entries.AddRange((await db.HandOffs.AsNoTracking().Where(h => h.ConcernId == id).ToListAsync(ct))
            .Select(h => new TimelineEntry(h.At, "hand-off", h.ById, null, false, h.Reason, FromTeam: h.FromTeamId?.ToString(), ToTeam: h.ToTeamId.ToString())));
        return entries.OrderBy(e => e.At).ToList();
    }

    /// <summary>Who the concern may be given to: its team, or the administrators when it has none.</summary>
    private async Task<List<string>> AssignableAsync(Guid? teamId, CancellationToken ct) =>
        teamId is { } team
            ? [.. await responderTeams.MembersOfAsync([team], ct)]
            : [.. await staff.WithRoleAsync(Roles.Admin, ct)];

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> ids, CancellationToken ct)
    {
        var found = await staff.FindAsync(ids.OfType<string>(), ct);
        return found.ToDictionary(p => p.Key, p => p.Value.DisplayName);
    }

    private async Task<(string? Organisation, string? Area)> PlaceAsync(Concern c, CancellationToken ct)
    {
        var organisation = c.OrganisationId is { } o ? (await community.OrganisationsAsync(ct)).FirstOrDefault(x => x.Id == o)?.Name : null;
        var area = c.AreaId is { } a ? (await community.AreasAsync(ct)).FirstOrDefault(x => x.Id == a)?.Name : null;
        return (organisation, area);
    }
}
