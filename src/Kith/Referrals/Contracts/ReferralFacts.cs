namespace Kith.Referrals.Contracts;

/// <summary>
/// One referral as dashboards may count it: no id, no reference, no person, nothing they shared — the day it was sent
/// (deployment time zone), the two organisations, the service, where it stands and how it ended, how long the receiver
/// took to answer (accept or decline) and how long until it closed, and whether the answer came after its deadline.
/// </summary>
internal sealed record ReferralFact(
    DateOnly Day, Guid From, Guid To, string ServiceId, string Status, string? Outcome,
    TimeSpan? TimeToAnswer, TimeSpan? TimeToClose, bool AnsweredLate, bool Escalated);

/// <summary>What the referrals module tells others (Insights): facts, never referrals.</summary>
internal interface IReferralFacts
{
    /// <summary>Referrals sent on days from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    Task<IReadOnlyList<ReferralFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
}
