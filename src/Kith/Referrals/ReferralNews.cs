using Kith.Referrals.Domain;
using Kith.Responders.Contracts;

namespace Kith.Referrals;

/// <summary>
/// Who hears about a referral, through Responders (in-app alert, and email or SMS for those who asked): the receiving
/// organisation's intake team when one arrives, is cancelled or is marked in error; the person who sent it when the
/// receiver moves it. Every change is told, so each notice is keyed by the step's number (a referral can go on hold
/// twice). Unanswered at its deadline, Responders escalates it up the intake team's chain (<see cref="ReferralEscalation"/>).
/// Everything is added to the caller's unit of work and commits with the change; nudges go after the commit.
/// </summary>
internal sealed class ReferralNews(IPaging paging)
{
    public const string Kind = "referral";
    public const string Sent = "referral-new";

    /// <summary>Paging cadence after the deadline: business days, whatever the person's risk tier (the referral is not the crisis response).</summary>
    public const string PagingTier = "routine";

    private readonly List<(Guid Id, string Change, IReadOnlyList<string> People)> nudges = [];

    public static Subject Of(Referral r) => new(Kind, r.Id, r.Reference, $"/staff/referrals/{r.Id}", PagingTier);

    public async Task SentAsync(Referral referral, ReferralIntake intake, DateTime now, CancellationToken ct)
    {
        var subject = Of(referral);
        var team = await paging.ChainAsync(intake.TeamId, 0, now, ct);
        var paged = await paging.PageAsync(subject, Sent, 0, team, link => new PageText(
            $"Kith: a referral for your organisation ({referral.Reference})",
            $"A partner organisation referred someone to you. Please accept or decline by {referral.RespondBy:yyyy-MM-dd HH:mm} UTC: {link}"), now, ct);
        paging.ScheduleDeadline(subject, 0, referral.RespondBy, now);
        nudges.Add((referral.Id, Sent, paged));
    }

    /// <summary>A step taken: the other side is told, with the new status (and the reason, on the page, not in the message).</summary>
    public async Task SteppedAsync(Referral referral, ReferralIntake? intake, ReferralParty by, int stepNumber, DateTime now, CancellationToken ct)
    {
        var subject = Of(referral);
        IReadOnlyList<Pagee> people = by == ReferralParty.Receiver
            ? [new Pagee(referral.RequestedBy, Email: true, Sms: false)]
            : intake is null ? [] : await paging.ChainAsync(intake.TeamId, 0, now, ct);
        var status = referral.State.Code();
        var paged = await paging.PageAsync(subject, status, stepNumber, people, link => new PageText(
            $"Kith: referral {referral.Reference} is now {status}",
            $"Referral {referral.Reference} changed to {status}. See what changed and why: {link}"), now, ct);
        nudges.Add((referral.Id, status, paged));
    }

    public async Task AfterCommitAsync(CancellationToken ct)
    {
        foreach (var (id, change, people) in nudges) await paging.NudgeAsync(Kind, id, change, people, ct);
        nudges.Clear();
    }
}
