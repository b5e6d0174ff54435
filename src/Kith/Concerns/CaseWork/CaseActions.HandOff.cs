using System.Security.Claims;
using Kith.Concerns.Domain;
using Kith.Concerns.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.CaseWork;

/// <summary>
/// Handing a concern to another team. The new team must acknowledge it as if it were new: its first step is
/// paged, the acknowledgement and assignment are cleared, and a fresh deadline starts its own escalation chain.
/// </summary>
internal sealed partial class CaseActions
{
    public Task<CaseResult> HandOffAsync(ClaimsPrincipal user, Guid id, HandOffRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, request.Revision, "concern.handed-off", async change =>
        {
            var concern = change.Concern;
            var errors = new Dictionary<string, string[]>();
            if (request.TeamId is null) errors["teamId"] = ["Choose the team to hand it to."];
            else if (request.TeamId == concern.TeamId) errors["teamId"] = ["The concern is already with that team."];
            else if (!await responderTeams.IsActiveAsync(request.TeamId.Value, ct)) errors["teamId"] = ["That team does not exist or is not active."];
            var reason = ReasonOrError(request.Reason, errors);
            if (errors.Count > 0) return CaseResult.Invalid(errors);
            if (change.Table.KindOf(concern.Status) == StatusKinds.Closed)
                return CaseResult.Refused(new() { ["concern"] = ["A closed concern cannot be handed off. Reopen it first."] });

            var now = change.Now;
            var handOff = new HandOff
            {
                Id = Guid.CreateVersion7(now), ConcernId = concern.Id, At = now, FromTeamId = concern.TeamId, ToTeamId = request.TeamId!.Value,
                ById = change.ActorId, Reason = reason!,
            };
            var round = await db.HandOffs.CountAsync(h => h.ConcernId == concern.Id, ct) + 1;
            db.HandOffs.Add(handOff);
            concern.TeamId = handOff.ToTeamId;
            concern.AssignedTo = null;
            concern.AcknowledgedAt = null;
            concern.AcknowledgedBy = null;
            concern.EscalationLevel = 0;
            concern.AcknowledgeBy = paging.AcknowledgeBy(concern.Tier, now);
            // The previous team's deadlines no longer apply; the new team's chain is scheduled under the usual keys.
            await paging.RetireDeadlinesAsync(ConcernSubjects.Kind, concern.Id, handOff.Id, now, ct);
            var subject = ConcernSubjects.Of(concern);
            paging.ScheduleDeadline(subject, 0, concern.AcknowledgeBy, now);
            var pagees = await paging.ChainAsync(concern.TeamId, 0, now, ct);
            // One alert level per hand-off, so a concern handed back and forth pages each time.
            change.Notify.AddRange(await paging.PageAsync(subject, AlertKinds.HandedOff, round, pagees, ConcernSubjects.Wording(concern, AlertKinds.HandedOff), now, ct));
            change.Detail = new { handOff = handOff.Id, from = handOff.FromTeamId, to = handOff.ToTeamId };
            return null;
        }, ct);
}
