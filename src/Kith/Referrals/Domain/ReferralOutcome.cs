namespace Kith.Referrals.Domain;

/// <summary>
/// How a referral ended for the person, as 211 networks and findhelp record it. A referral is not closed as
/// completed or failed without one: "completed" with no outcome tells the referrer nothing.
/// </summary>
internal enum ReferralOutcome
{
    GotHelp,
    CouldNotContact,
    NotEligible,
    NoCapacity,
    NoLongerInterested,
    ReferredElsewhere,
}

internal static class ReferralOutcomes
{
    private static readonly CodeList<ReferralOutcome> Codes = new(new Dictionary<ReferralOutcome, string>
    {
        [ReferralOutcome.GotHelp] = "got-help",
        [ReferralOutcome.CouldNotContact] = "could-not-contact",
        [ReferralOutcome.NotEligible] = "not-eligible",
        [ReferralOutcome.NoCapacity] = "no-capacity",
        [ReferralOutcome.NoLongerInterested] = "no-longer-interested",
        [ReferralOutcome.ReferredElsewhere] = "referred-elsewhere",
    });

    public static IReadOnlyCollection<string> All => Codes.All;

    public static string Code(this ReferralOutcome outcome) => Codes.Code(outcome);

    public static bool TryParse(string? code, out ReferralOutcome outcome) => Codes.TryParse(code, out outcome);

    /// <summary>
    /// The outcomes that fit a status: "got help" is a completion, the rest describe a failure — except "referred
    /// elsewhere", which a receiver may record either way (it helped by passing the person on, or it could not).
    /// </summary>
    public static bool Fits(this ReferralOutcome outcome, ReferralStatus status) => status switch
    {
        ReferralStatus.Completed => outcome is ReferralOutcome.GotHelp or ReferralOutcome.ReferredElsewhere,
        ReferralStatus.Failed => outcome is not ReferralOutcome.GotHelp,
        _ => false,
    };
}

/// <summary>How the person agreed to be contacted by the receiving organisation.</summary>
internal enum ContactPreference
{
    Phone,
    Text,
    Email,
    /// <summary>The person will reach out themselves; the receiver must not contact them.</summary>
    DoNotContact,
}
