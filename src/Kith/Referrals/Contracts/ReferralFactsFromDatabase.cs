using Kith.Platform.Data;
using Kith.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Kith.Referrals.Contracts;

/// <summary>
/// Reads the counting columns only (never the person's name, contact, need or the reasons given), so no read here is
/// a read of a referral and none is audited as one. A referral still unanswered past its deadline, or cancelled
/// unanswered after it, counts as answered late too.
/// </summary>
internal sealed class ReferralFactsFromDatabase(KithDb db, DeploymentCalendar calendar, TimeProvider time) : IReferralFacts
{
    public async Task<IReadOnlyList<ReferralFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = calendar.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = calendar.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Referrals.AsNoTracking()
            .Where(r => r.CreatedAt >= start && r.CreatedAt < end)
            .Select(r => new
            {
                r.CreatedAt, r.RequesterOrganisationId, r.ReceiverOrganisationId, r.ServiceId, r.Status, r.Outcome,
                r.RespondBy, r.RespondedAt, r.ClosedAt, r.EscalationLevel,
            })
            .ToListAsync(ct);
        return rows.Select(r => new ReferralFact(
                DateOnly.FromDateTime(calendar.ToLocal(r.CreatedAt)), r.RequesterOrganisationId, r.ReceiverOrganisationId, r.ServiceId,
                r.Status, r.Outcome,
                r.RespondedAt - r.CreatedAt, r.ClosedAt - r.CreatedAt,
                // It stopped waiting when answered, or when it closed unanswered (cancelled), or it waits still.
                AnsweredLate: (r.RespondedAt ?? r.ClosedAt ?? now) > r.RespondBy,
                Escalated: r.EscalationLevel > 0))
            .ToList();
    }
}
