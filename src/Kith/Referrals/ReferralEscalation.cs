using Kith.Platform.Data;
using Kith.Referrals.Domain;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Referrals;

/// <summary>
/// Tells Responders' deadline checks whether a referral still waits for its receiver's answer: still requested, and
/// at the step the check was scheduled for. Accepted or rejected = acknowledged. The chain is the receiving
/// organisation's intake team's; the referral is tracked so the step it reaches commits with the pages.
/// </summary>
internal sealed class ReferralEscalation(KithDb db) : ISubjectEscalation
{
    public string Kind => ReferralNews.Kind;

    public async Task<IEscalatingSubject?> WaitingAtAsync(Guid id, int level, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null || referral.State != ReferralStatus.Requested || referral.EscalationLevel != level) return null;
        var team = await db.ReferralIntakes.AsNoTracking().Where(i => i.OrganisationId == referral.ReceiverOrganisationId)
            .Select(i => (Guid?)i.TeamId).SingleOrDefaultAsync(ct);
        return new Waiting(referral, team);
    }

    private sealed class Waiting(Referral referral, Guid? team) : IEscalatingSubject
    {
        public Subject Subject => ReferralNews.Of(referral);
        public Guid? TeamId => team;
        // The first check is due at the response deadline; later ones at the allowance Responders gave each step.
        public DateTime AcknowledgeBy => referral.EscalationLevel == 0 ? referral.RespondBy : referral.EscalateAgainAt ?? referral.RespondBy;

        public PageText Wording(string alertKind, string link) => new(
            $"Kith: referral {referral.Reference} is waiting past its deadline",
            $"A referral to your organisation has had no answer since {referral.CreatedAt:yyyy-MM-dd}. Please accept or decline it: {link}");

        public void Reached(int level, DateTime acknowledgeBy, DateTime nowUtc)
        {
            referral.EscalationLevel = level;
            referral.EscalateAgainAt = acknowledgeBy;
            referral.UpdatedAt = nowUtc;
            referral.Revision++;
        }

        public void Escalated(int level) { }
    }
}
