using System.Security.Claims;
using Kith.Concerns.Domain;
using Kith.Concerns.Routing;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Concerns.CaseWork;

/// <summary>One action under way: the tracked concern, the status table, who acts and when.</summary>
internal sealed class CaseChange(Concern concern, StatusTable table, string actorId, DateTime now)
{
    public Concern Concern { get; } = concern;
    public StatusTable Table { get; } = table;
    public string ActorId { get; } = actorId;
    public DateTime Now { get; } = now;
    /// <summary>The audit entry's detail: ids and codes only, never what anyone wrote.</summary>
    public object? Detail { get; set; }
    /// <summary>People to nudge besides the team (someone assigned or paged).</summary>
    public List<string> Notify { get; } = [];
}

/// <summary>
/// What responders do to a concern — the one service behind the case page's forms and the JSON API. Each
/// action checks access (someone else gets "not found"), the revision the person saw, and its input; then
/// changes the concern, records the history and the audit entry in one transaction, and nudges open screens.
/// </summary>
internal sealed partial class CaseActions(
    KithDb db, CaseAccess access, StatusChanges statuses, IPaging paging, IResponderAlerts alerts, IResponderTeams responderTeams,
    AuditLog audit, IOptions<ConcernOptions> options, DeploymentCalendar calendar, ILogger<CaseActions> log)
{
    private static readonly Task<CaseResult?> Done = Task.FromResult<CaseResult?>(null);

    private int MaxText => options.Value.MaxTextLength;

    /// <summary>Someone takes it: moves a new concern to the first open status. This is what stops escalation.</summary>
    public Task<CaseResult> AcknowledgeAsync(ClaimsPrincipal user, Guid id, AcknowledgeRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, request.Revision, "concern.acknowledged", async change =>
        {
            var concern = change.Concern;
            if (concern.AcknowledgedAt is not null)
                return CaseResult.Refused(new() { ["concern"] = ["This concern is already acknowledged."] });
            if (change.Table.KindOf(concern.Status) == StatusKinds.New)
            {
                if (change.Table.FirstReachable(concern.Status, StatusKinds.Open) is not { } open)
                    return CaseResult.Refused(new() { ["status"] = ["The status table allows no open status from here."] });
                statuses.Move(change.Table, concern, open, change.ActorId, "Acknowledged", change.Now);
            }
            else
            {
                // Handed over mid-case: the new team acknowledges without moving the status back.
                concern.AcknowledgedAt = change.Now;
                concern.AcknowledgedBy = change.ActorId;
            }
            await MarkAlertsSeenAsync(concern.Id, change.ActorId, change.Now, ct);
            change.Detail = new { status = concern.Status };
            return null;
        }, ct);

    /// <summary>Gives the concern to a person who may open it (a team member, or an administrator), to oneself ("me"), or to nobody.</summary>
    public Task<CaseResult> AssignAsync(ClaimsPrincipal user, Guid id, AssignRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, request.Revision, "concern.assigned", async change =>
        {
            var to = request.To?.Trim();
            if (string.IsNullOrEmpty(to) || to.Length > 100)
                return CaseResult.Invalid(new() { ["to"] = ["Choose who to assign it to."] });
            var assignee = to switch { "me" => change.ActorId, "nobody" => null, _ => to };
            if (assignee is not null && !await access.MayBeAssignedAsync(assignee, change.Concern.TeamId, ct))
                return CaseResult.Invalid(new() { ["to"] = ["Choose a member of the team."] });
            change.Concern.AssignedTo = assignee;
            if (assignee is not null) change.Notify.Add(assignee);
            change.Detail = new { assignee };
            return null;
        }, ct);

    /// <summary>Marks the report false or abusive ("none" clears it); flagged reports are counted apart.</summary>
    public Task<CaseResult> FlagAsync(ClaimsPrincipal user, Guid id, FlagRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, request.Revision, "concern.flagged", change =>
        {
            var flag = request.Flag?.Trim();
            if (flag != "none" && !CaseFlags.IsKnown(flag))
                return Task.FromResult<CaseResult?>(CaseResult.Invalid(new() { ["flag"] = ["Choose false or abusive."] }));
            change.Concern.Flag = flag == "none" ? null : flag;
            change.Detail = new { flag = change.Concern.Flag };
            return Done;
        }, ct);

    private async Task<CaseResult> ChangeAsync(ClaimsPrincipal user, Guid id, int? seen, string action,
        Func<CaseChange, Task<CaseResult?>> apply, CancellationToken ct)
    {
        var actor = CaseAccess.UserId(user);
        if (actor is null) return CaseResult.NotFound;
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (concern is null || await access.ForAsync(user, concern.TeamId, ct, concern.Id) == CaseAccessKind.Denied) return CaseResult.NotFound;
            if (seen is { } revision && revision != concern.Revision) return CaseResult.Conflict;
            if (concern.PurgedAt is not null)
                return CaseResult.Refused(new() { ["concern"] = ["This concern was closed and its content removed; it can no longer change."] });
            var teamBefore = concern.TeamId;
            var change = new CaseChange(concern, await statuses.TableAsync(ct), actor, calendar.UtcNow);
            if (await apply(change) is { } refusal) return refusal;
            concern.UpdatedAt = change.Now;
            // A status move has bumped the revision already; every save bumps it exactly once.
            if (db.Entry(concern).Property(c => c.Revision).OriginalValue == concern.Revision) concern.Revision++;
            try
            {
                await db.SaveChangesAsync(ct);
                await audit.RecordAsync(action, actor, "concern", id.ToString(), change.Detail, ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // An addition (note, reply, intervention) does not depend on what the sender saw: apply it to the new state.
                if (seen is null && attempt < 3) continue;
                return CaseResult.Conflict;
            }
            await NudgeAsync(concern, teamBefore, action, change.Notify, ct);
            return new(CaseOutcome.Done, concern.Revision, concern.Status);
        }
    }

    private Task MarkAlertsSeenAsync(Guid concernId, string userId, DateTime now, CancellationToken ct) =>
        alerts.MarkSeenAsync(ConcernSubjects.Kind, concernId, userId, now, ct);

    /// <summary>After the commit: the team's (and the previous team's) open screens fetch the change.</summary>
    private async Task NudgeAsync(Concern concern, Guid? teamBefore, string action, IEnumerable<string> extra, CancellationToken ct)
    {
        var teams = new[] { concern.TeamId, teamBefore }.OfType<Guid>().Distinct().ToList();
        var members = await responderTeams.MembersOfAsync(teams, ct);
        var people = members.Concat(extra).Append(concern.AssignedTo).OfType<string>();
        try
        {
            await paging.NudgeAsync(ConcernSubjects.Kind, concern.Id, action["concern.".Length..], people, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is committed; a missed nudge only leaves a screen to its next reload.
            log.LogWarning("Live nudge for concern {ConcernId} failed: {ErrorType}", concern.Id, e.GetType().Name);
        }
    }
}
