using System.Security.Claims;
using Kith.Concerns.CaseWork;
using Kith.Concerns.Domain;
using Kith.Platform.Data;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.Queue;

// The responder's queue. Public because Razor component parameters must be.

public sealed record QueueRow(
    Guid Id, string Reference, string Tier, DateTime SubmittedAt, string Status, string StatusName, string? TeamName,
    string? AssignedName, DateTime AcknowledgeBy, bool Acknowledged, bool Overdue, IReadOnlyList<string> Categories,
    string? AreaName, string? Flag, bool Unread = false);

/// <summary>An alert the person has not seen yet: a new concern, a missed deadline, a reply, a hand-off.</summary>
public sealed record QueueAlert(Guid ConcernId, string Reference, string Tier, string Kind, DateTime At);

public sealed record QueueView(string Filter, IReadOnlyList<QueueRow> Rows, IReadOnlyList<QueueAlert> Alerts, DateTime Now);

/// <summary>
/// The concerns a responder works on: their teams' (administrators: all), most pressing first — imminent,
/// then urgent, then routine, oldest first within each — with the alerts they have not seen.
/// </summary>
internal sealed class ConcernQueue(CaseAccess access, StatusChanges statuses, ICommunityFacts community, IStaffFacts staff,
    IResponderAlerts responderAlerts, IResponderTeams responderTeams, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Filters = ["open", "mine", "unassigned", "closed"];
    /// <summary>A screenful for a person, not a report; the queue is worked from the top.</summary>
    public const int Limit = 500;

    public async Task<QueueView> ForAsync(ClaimsPrincipal user, string? filter, CancellationToken ct)
    {
        var chosen = filter is not null && Filters.Contains(filter) ? filter : "open";
        var now = time.GetUtcNow().UtcDateTime;
        var me = CaseAccess.UserId(user);
        var visible = await access.VisibleAsync(user, ct);
        if (me is null || visible is null) return new(chosen, [], [], now);

        var chosenRows = chosen switch
        {
            "closed" => visible.Where(c => c.ClosedAt != null).OrderByDescending(c => c.ClosedAt),
            "mine" => Pressing(visible.Where(c => c.ClosedAt == null && c.AssignedTo == me)),
            "unassigned" => Pressing(visible.Where(c => c.ClosedAt == null && c.AssignedTo == null)),
            _ => Pressing(visible.Where(c => c.ClosedAt == null)),
        };
        var rows = await chosenRows.Take(Limit)
            .Select(c => new
            {
                c.Id, c.Reference, c.Tier, c.SubmittedAt, c.Status, c.TeamId, c.AssignedTo, c.AcknowledgeBy, c.AcknowledgedAt,
                c.ClosedAt, c.Categories, c.AreaId, c.Flag, c.UnreadSince,
            })
            .ToListAsync(ct);
        var alerts = await (from a in responderAlerts.About(Routing.ConcernSubjects.Kind)
                            join c in visible on a.SubjectId equals c.Id
                            where a.UserId == me && a.SeenAt == null
                            orderby a.CreatedAt descending
                            select new QueueAlert(a.SubjectId, c.Reference, c.Tier, a.Kind, a.CreatedAt)).Take(50).ToListAsync(ct);

        var table = await statuses.TableAsync(ct);
        var teamIds = rows.Select(r => r.TeamId).OfType<Guid>().Distinct().ToList();
        var teams = (await responderTeams.FindAsync(teamIds, ct)).ToDictionary(t => t.Key, t => t.Value.Name);
        var userIds = rows.Select(r => r.AssignedTo).OfType<string>().Distinct().ToList();
        var names = (await staff.FindAsync(userIds, ct)).ToDictionary(p => p.Key, p => p.Value.DisplayName);
        var areas = rows.Any(r => r.AreaId is not null) ? (await community.AreasAsync(ct)).ToDictionary(a => a.Id, a => a.Name) : [];

        return new(chosen, rows.Select(r => new QueueRow(
            r.Id, r.Reference, r.Tier, r.SubmittedAt, r.Status, table.NameOf(r.Status),
            r.TeamId is { } t ? teams.GetValueOrDefault(t) : null,
            r.AssignedTo is { } u ? names.GetValueOrDefault(u, u) : null,
            r.AcknowledgeBy, r.AcknowledgedAt is not null, r.AcknowledgedAt is null && r.ClosedAt is null && r.AcknowledgeBy < now,
            r.Categories.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            r.AreaId is { } area ? areas.GetValueOrDefault(area) : null, r.Flag, r.UnreadSince is not null)).ToList(), alerts, now);
    }

    /// <summary>The concerns this person may see: all for administrators, their teams' and those they were paged about for responders, none otherwise.</summary>

    /// <summary>Imminent, then urgent, then routine; the longest waiting first within each tier (by arrival: anonymous
    /// concerns keep their time only to the hour).</summary>
    private static IQueryable<Concern> Pressing(IQueryable<Concern> concerns) =>
        concerns.OrderBy(c => c.Tier == "imminent" ? 0 : c.Tier == "urgent" ? 1 : 2).ThenBy(c => c.Arrival);
}
