using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Referrals.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.Referrals.Reading;

/// <summary>A referral in a list: no name, no contact, no need — those are read on the referral itself, audited.</summary>
internal sealed record ReferralRow(Guid Id, string Reference, string Status, string? Outcome, Guid From, Guid To, string ServiceId,
    DateTime CreatedAt, DateTime RespondBy, bool Overdue, string Side);

internal sealed record ReferralStepView(string? From, string To, string Party, string By, string? Reason, string? Outcome, DateTime At);

/// <summary>One referral as a party sees it: what the person agreed to share, the history, and the steps the reader may take now.</summary>
internal sealed record ReferralView(
    Guid Id, string Reference, string Status, string? StatusReason, string? Outcome, Guid From, Guid To, string ServiceId,
    string PersonName, string ContactPreference, string? Contact, string? Need, string? Language, string? RiskTier,
    string ConsentHow, DateTime ConsentAt, string? SourceKind, Guid? SourceId,
    DateTime CreatedAt, DateTime RespondBy, DateTime? RespondedAt, DateTime? ClosedAt, int Revision,
    IReadOnlyList<string> Sides, IReadOnlyList<string> StepsYouMayTake, IReadOnlyList<ReferralStepView> History);

/// <summary>
/// Referrals as each side reads them: lists scoped to the reader's organisations (sent or received), and one referral
/// at a time with what was shared, each such read audited (<c>referrals.read</c>). A third organisation is told nothing
/// exists; an administrator may read for oversight (audited like anyone).
/// </summary>
internal sealed class ReferralReader(KithDb db, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<ReferralRow>> ListAsync(ClaimsPrincipal user, string side, CancellationToken ct)
    {
        var mine = user.Organisations();
        var now = time.GetUtcNow().UtcDateTime;
        var requested = ReferralStatus.Requested.Code();
        var query = db.Referrals.AsNoTracking();
        query = side == "sent"
            ? query.Where(r => mine.Contains(r.RequesterOrganisationId))
            : query.Where(r => mine.Contains(r.ReceiverOrganisationId));
        return await query.OrderByDescending(r => r.CreatedAt).Take(500)
            .Select(r => new ReferralRow(r.Id, r.Reference, r.Status, r.Outcome, r.RequesterOrganisationId, r.ReceiverOrganisationId, r.ServiceId,
                r.CreatedAt, r.RespondBy, r.Status == requested && r.RespondBy < now, side == "sent" ? "sent" : "received"))
            .ToListAsync(ct);
    }

    public async Task<ReferralView?> ReadAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null || !ReferralParties.MayRead(user, referral)) return null;
        var sides = ReferralParties.Of(user, referral);
        var history = await db.ReferralSteps.AsNoTracking().Where(s => s.ReferralId == id).OrderBy(s => s.At)
            .Select(s => new ReferralStepView(s.FromStatus, s.ToStatus, s.Party, s.ByUserId, s.Reason, s.Outcome, s.At))
            .ToListAsync(ct);
        var steps = sides.SelectMany(s => ReferralTransitions.StepsFor(s, referral.State)).Distinct().Select(s => s.Code()).ToList();
        await audit.RecordAsync("referrals.read", user.FindFirstValue(ClaimTypes.NameIdentifier), "referral", id.ToString(), null, ct);
        return new ReferralView(referral.Id, referral.Reference, referral.Status, referral.StatusReason, referral.Outcome,
            referral.RequesterOrganisationId, referral.ReceiverOrganisationId, referral.ServiceId,
            referral.PersonName, referral.ContactPreference, referral.Contact, referral.Need, referral.Language, referral.RiskTier,
            referral.ConsentHow, referral.ConsentAt, referral.SourceKind, referral.SourceId,
            referral.CreatedAt, referral.RespondBy, referral.RespondedAt, referral.ClosedAt, referral.Revision,
            [.. sides.Select(s => s.ToString().ToLowerInvariant())], steps, history);
    }
}
