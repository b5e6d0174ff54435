using System.Security.Claims;
using Kith.Concerns.Domain;

namespace Kith.Concerns.CaseWork;

/// <summary>Moving a concern through the deployment's status table: any allowed move, closing with an outcome, reopening.</summary>
internal sealed partial class CaseActions
{
    /// <summary>Any move the table allows from the present status, with a reason; closing also needs an outcome.</summary>
    public Task<CaseResult> ChangeStatusAsync(ClaimsPrincipal user, Guid id, StatusRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, request.Revision, "concern.status-changed", change =>
        {
            var table = change.Table;
            var to = request.Status?.Trim();
            var errors = new Dictionary<string, string[]>();
            if (to is null || table.Statuses.All(s => s.Code != to)) errors["status"] = ["Choose a status from the list."];
            var closing = to is not null && errors.Count == 0 && table.KindOf(to) == StatusKinds.Closed;
            if (closing && !CaseOutcomes.IsKnown(request.Outcome)) errors["outcome"] = ["Choose how the concern ended."];
            var reason = ReasonOrError(request.Reason, errors);
            if (errors.Count > 0) return Task.FromResult<CaseResult?>(CaseResult.Invalid(errors));
            return Task.FromResult(Move(change, to!, reason!, closing ? request.Outcome : null));
        }, ct);

    /// <summary>Brings a closed concern back: to the status asked for, or the first one the table allows out of closed.</summary>
    public Task<CaseResult> ReopenAsync(ClaimsPrincipal user, Guid id, ReopenRequest request, CancellationToken ct) =>
        ChangeAsync(user, id, request.Revision, "concern.reopened", change =>
        {
            var table = change.Table;
            if (table.KindOf(change.Concern.Status) != StatusKinds.Closed)
                return Task.FromResult<CaseResult?>(CaseResult.Refused(new() { ["concern"] = ["Only a closed concern can be reopened."] }));
            var errors = new Dictionary<string, string[]>();
            var reason = ReasonOrError(request.Reason, errors);
            if (errors.Count > 0) return Task.FromResult<CaseResult?>(CaseResult.Invalid(errors));
            var to = string.IsNullOrWhiteSpace(request.Status)
                ? table.NextFrom(change.Concern.Status).FirstOrDefault(s => s.Kind != StatusKinds.Closed)?.Code
                : request.Status.Trim();
            if (to is null || table.KindOf(to) == StatusKinds.Closed)
                return Task.FromResult<CaseResult?>(CaseResult.Refused(new() { ["status"] = ["That status cannot follow the present one."] }));
            return Task.FromResult(Move(change, to, reason!, outcome: null));
        }, ct);

    private CaseResult? Move(CaseChange change, string to, string reason, string? outcome)
    {
        var concern = change.Concern;
        // Checked here rather than taken from the table's message, so the answer is one the pages can translate.
        if (!change.Table.Allows(concern.Status, to))
            return CaseResult.Refused(new() { ["status"] = ["That status cannot follow the present one."] });
        var from = concern.Status;
        statuses.Move(change.Table, concern, to, change.ActorId, reason, change.Now);
        concern.Outcome = outcome; // closing records how it ended; any other status has no outcome yet
        change.Detail = new { from, to, outcome };
        return null;
    }

    private string? ReasonOrError(string? given, Dictionary<string, string[]> errors)
    {
        var reason = given?.Trim();
        if (string.IsNullOrEmpty(reason)) errors["reason"] = ["Say why."];
        else if (reason.Length > MaxText) errors["reason"] = ["That is too long. Please shorten what you wrote."];
        return reason;
    }
}
