namespace Kith.Referrals.Domain;

/// <summary>Why a status change was refused; each maps to one message on pages, the API and FHIR.</summary>
internal enum TransitionRefusal
{
    /// <summary>The state machine has no such step (e.g. completed → accepted).</summary>
    NoSuchStep,
    /// <summary>The step exists but belongs to the other side (a requester cannot accept its own referral).</summary>
    NotYourSide,
    /// <summary>Neither the requesting nor the receiving organisation: it may read nothing and change nothing.</summary>
    NotAParty,
    ReasonRequired,
    OutcomeRequired,
    /// <summary>"Got help" on a failure, or "could not contact" on a completion.</summary>
    OutcomeDoesNotFit,
    /// <summary>An outcome on a step that does not close the referral.</summary>
    OutcomeNotExpected,
}

/// <summary>
/// The HL7 Gravity referral Task state machine, and who may take each step:
/// requested → accepted | rejected | cancelled; accepted → in-progress | on-hold | completed | failed | cancelled;
/// in-progress ↔ on-hold; in-progress | on-hold → completed | failed | cancelled; any → entered-in-error.
/// The requester creates the referral (requested) and marks it entered in error; the receiving organisation
/// accepts, rejects, starts, holds, completes and fails it; either side may cancel. A reason is required on
/// rejected, cancelled, on-hold and failed (the other side is told why); an outcome on completed and failed.
/// </summary>
internal static class ReferralTransitions
{
    private static readonly Dictionary<ReferralStatus, ReferralStatus[]> Next = new()
    {
        [ReferralStatus.Requested] = [ReferralStatus.Accepted, ReferralStatus.Rejected, ReferralStatus.Cancelled],
        [ReferralStatus.Accepted] = [ReferralStatus.InProgress, ReferralStatus.OnHold, ReferralStatus.Completed, ReferralStatus.Failed, ReferralStatus.Cancelled],
        [ReferralStatus.InProgress] = [ReferralStatus.OnHold, ReferralStatus.Completed, ReferralStatus.Failed, ReferralStatus.Cancelled],
        [ReferralStatus.OnHold] = [ReferralStatus.InProgress, ReferralStatus.Completed, ReferralStatus.Failed, ReferralStatus.Cancelled],
        [ReferralStatus.Rejected] = [],
        [ReferralStatus.Cancelled] = [],
        [ReferralStatus.Completed] = [],
        [ReferralStatus.Failed] = [],
        [ReferralStatus.EnteredInError] = [],
    };

    /// <summary>The steps that exist from <paramref name="from"/>, whoever takes them (entered-in-error included).</summary>
    public static IEnumerable<ReferralStatus> StepsFrom(ReferralStatus from) =>
        from == ReferralStatus.EnteredInError ? [] : Next[from].Append(ReferralStatus.EnteredInError);

    /// <summary>The steps <paramref name="party"/> may take from <paramref name="from"/>: what a page offers as buttons.</summary>
    public static IEnumerable<ReferralStatus> StepsFor(ReferralParty party, ReferralStatus from) =>
        StepsFrom(from).Where(to => MaySet(party, to));

    /// <summary>Whether <paramref name="party"/> may ever set <paramref name="to"/>.</summary>
    public static bool MaySet(ReferralParty party, ReferralStatus to) => (party, to) switch
    {
        (ReferralParty.Other, _) => false,
        (_, ReferralStatus.Cancelled) => true,
        (ReferralParty.Requester, ReferralStatus.EnteredInError or ReferralStatus.Requested) => true,
        (ReferralParty.Receiver, ReferralStatus.Accepted or ReferralStatus.Rejected or ReferralStatus.InProgress
            or ReferralStatus.OnHold or ReferralStatus.Failed or ReferralStatus.Completed) => true,
        _ => false,
    };

    public static bool NeedsReason(ReferralStatus to) =>
        to is ReferralStatus.Rejected or ReferralStatus.Cancelled or ReferralStatus.OnHold or ReferralStatus.Failed;

    public static bool NeedsOutcome(ReferralStatus to) => to is ReferralStatus.Completed or ReferralStatus.Failed;

    /// <summary>Null when <paramref name="party"/> may move the referral from <paramref name="from"/> to <paramref name="to"/> with this reason and outcome.</summary>
    public static TransitionRefusal? Check(ReferralStatus from, ReferralStatus to, ReferralParty party, string? reason, ReferralOutcome? outcome)
    {
        if (party == ReferralParty.Other) return TransitionRefusal.NotAParty;
        if (!StepsFrom(from).Contains(to)) return TransitionRefusal.NoSuchStep;
        if (!MaySet(party, to)) return TransitionRefusal.NotYourSide;
        if (NeedsReason(to) && string.IsNullOrWhiteSpace(reason)) return TransitionRefusal.ReasonRequired;
        if (NeedsOutcome(to))
        {
            if (outcome is null) return TransitionRefusal.OutcomeRequired;
            if (!outcome.Value.Fits(to)) return TransitionRefusal.OutcomeDoesNotFit;
        }
        else if (outcome is not null) return TransitionRefusal.OutcomeNotExpected;
        return null;
    }
}
