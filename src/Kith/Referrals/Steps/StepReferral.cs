using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Referrals.Domain;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Referrals.Steps;

/// <summary>
/// A status change as either side asks for it. <see cref="Revision"/>, when given, is the revision the person saw:
/// a referral that changed meanwhile is not changed again on a stale page (409).
/// </summary>
internal sealed record StepReferralRequest(string? Status, string? Reason, string? Outcome, int? Revision = null);

/// <summary>What a step came to: 204 done, or a status with the field at fault and a message for the person.</summary>
internal sealed record StepResult(int Status, string? Field = null, string? Message = null)
{
    public static readonly StepResult Done = new(StatusCodes.Status204NoContent);
    public static readonly StepResult NotFound = new(StatusCodes.Status404NotFound, null, "Not found");
    public static StepResult Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, field, message);
}

/// <summary>
/// Moves a referral one step through the Gravity state machine (<see cref="ReferralTransitions"/>) for the side the
/// person acts for. Someone of neither organisation is told it does not exist; an administrator may read it and is
/// refused any change. The step, the referral and the other side's notice commit together, audited (ids and codes only).
/// </summary>
internal sealed class StepReferral(KithDb db, ReferralNews news, IPaging paging, AuditLog audit, TimeProvider time)
{
    public const int ReasonMax = 1000;

    public async Task<StepResult> StepAsync(Guid id, StepReferralRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (!ReferralStatusCodes.TryParse(request.Status, out var to))
            return StepResult.Invalid("status", "One of: " + string.Join(", ", ReferralStatusCodes.All) + ".");
        ReferralOutcome? outcome = null;
        if (request.Outcome is { Length: > 0 } code)
        {
            if (!ReferralOutcomes.TryParse(code, out var parsed)) return StepResult.Invalid("outcome", "One of: " + string.Join(", ", ReferralOutcomes.All) + ".");
            outcome = parsed;
        }
        if (request.Reason is { Length: > ReasonMax }) return StepResult.Invalid("reason", $"At most {ReasonMax} characters.");

        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null || !ReferralParties.MayRead(user, referral)) return StepResult.NotFound;
        var party = ReferralParties.For(user, referral, to);
        var from = referral.State;
        if (request.Revision is { } seen && seen != referral.Revision)
            return new(StatusCodes.Status409Conflict, null, $"The referral changed since you opened it: it is now {from.Code()}. Look again before you change it.");
        var refusal = ReferralTransitions.Check(from, to, party, request.Reason, outcome);
        if (refusal is { } r) return Refused(r, from, to);

        var now = time.GetUtcNow().UtcDateTime;
        referral.Status = to.Code();
        referral.StatusReason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (outcome is { } o) referral.Outcome = o.Code();
        if (from == ReferralStatus.Requested && to is ReferralStatus.Accepted or ReferralStatus.Rejected) referral.RespondedAt = now;
        if (to.IsClosed()) referral.ClosedAt ??= now;
        referral.UpdatedAt = now;
        referral.Revision++;
        var steps = await db.ReferralSteps.CountAsync(s => s.ReferralId == id, ct);
        var step = new ReferralStep
        {
            Id = Guid.CreateVersion7(now), ReferralId = id, FromStatus = from.Code(), ToStatus = to.Code(),
            Party = party.ToString().ToLowerInvariant(), ByUserId = me, Reason = referral.StatusReason, Outcome = referral.Outcome, At = now,
        };
        db.ReferralSteps.Add(step);
        var intake = await db.ReferralIntakes.AsNoTracking().SingleOrDefaultAsync(i => i.OrganisationId == referral.ReceiverOrganisationId, ct);
        await news.SteppedAsync(referral, intake, party, steps + 1, now, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(StatusCodes.Status409Conflict, null, "Someone changed the referral at the same moment. Look again before you change it.");
        }
        // Answered (or ended) before its deadline: the deadline check has nothing left to do.
        if (from == ReferralStatus.Requested) await paging.RetireDeadlinesAsync(ReferralNews.Kind, id, step.Id, now, ct);
        await audit.RecordAsync("referrals.stepped", me, "referral", id.ToString(),
            new { from = from.Code(), to = to.Code(), party = step.Party, outcome = referral.Outcome }, ct);
        await transaction.CommitAsync(ct);
        await news.AfterCommitAsync(ct);
        return StepResult.Done;
    }

    private static StepResult Refused(TransitionRefusal refusal, ReferralStatus from, ReferralStatus to) => refusal switch
    {
        TransitionRefusal.NotAParty => new(StatusCodes.Status403Forbidden, null, "Only the two organisations of a referral can change it."),
        TransitionRefusal.NotYourSide => new(StatusCodes.Status403Forbidden, "status", to is ReferralStatus.EnteredInError
            ? "Only the organisation that sent the referral can mark it entered in error."
            : $"Only the receiving organisation can mark a referral {to.Code()}."),
        TransitionRefusal.NoSuchStep => new(StatusCodes.Status409Conflict, "status", $"A referral that is {from.Code()} cannot become {to.Code()}."),
        TransitionRefusal.ReasonRequired => StepResult.Invalid("reason", $"Say why it is {to.Code()}: the other organisation is told."),
        TransitionRefusal.OutcomeRequired => StepResult.Invalid("outcome", "Choose how it ended for the person: " + string.Join(", ", ReferralOutcomes.All) + "."),
        TransitionRefusal.OutcomeDoesNotFit => StepResult.Invalid("outcome", to == ReferralStatus.Completed
            ? "A completed referral ended with got-help or referred-elsewhere."
            : "A failed referral did not end with got-help."),
        _ => StepResult.Invalid("outcome", "An outcome is recorded only when a referral is completed or failed."),
    };
}
