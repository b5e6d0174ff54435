using Microsoft.Extensions.Localization;

namespace Kith.Referrals.Reading;

/// <summary>
/// How the staff pages word a referral's FHIR codes — its status, its outcome, a step someone may take — in the
/// reader's language, so both organisations read the same words for the same state.
/// </summary>
internal static class ReferralWords
{
    public static string Status(IStringLocalizer T, string code) => code switch
    {
        "requested" => T["Waiting for an answer"],
        "accepted" => T["Accepted"],
        "rejected" => T["Declined"],
        "cancelled" => T["Cancelled"],
        "in-progress" => T["In progress"],
        "on-hold" => T["On hold"],
        "completed" => T["Completed"],
        "failed" => T["Closed: could not help"],
        "entered-in-error" => T["Entered in error"],
        _ => code,
    };

    /// <summary>The button or choice that takes the referral to this status.</summary>
    public static string Step(IStringLocalizer T, string code) => code switch
    {
        "accepted" => T["Accept"],
        "rejected" => T["Decline"],
        "in-progress" => T["Start working with them"],
        "on-hold" => T["Put on hold"],
        "completed" => T["Complete"],
        "failed" => T["Close: could not help"],
        "cancelled" => T["Cancel the referral"],
        "entered-in-error" => T["Mark as entered in error"],
        _ => code,
    };

    public static string Outcome(IStringLocalizer T, string code) => code switch
    {
        "got-help" => T["Got help"],
        "could-not-contact" => T["Could not contact them"],
        "not-eligible" => T["Not eligible"],
        "no-capacity" => T["No capacity"],
        "no-longer-interested" => T["No longer interested"],
        "referred-elsewhere" => T["Referred elsewhere"],
        _ => code,
    };

    public static string Contact(IStringLocalizer T, string code) => code switch
    {
        "phone" => T["Phone call"],
        "text" => T["Text message"],
        "email" => T["Email"],
        "none" => T["Do not contact them: they will reach out"],
        _ => code,
    };

    public static string Consent(IStringLocalizer T, string code) => code switch
    {
        "verbal" => T["Said yes out loud"],
        "written" => T["Signed or wrote yes"],
        "text" => T["Said yes by text"],
        "web" => T["Said yes on a web form"],
        _ => code,
    };

    public static string Party(IStringLocalizer T, string code) => code switch
    {
        "requester" => T["Referring organisation"],
        "receiver" => T["Receiving organisation"],
        _ => code,
    };
}
