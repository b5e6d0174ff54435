namespace Kith.Insights.Indicators;

/// <summary>Whether an indicator is a count of things, or a mean (its stored sum over its count) with a unit.</summary>
internal enum IndicatorKind { Count, Mean }

/// <summary>What a stored indicator key means: its family's title, the breakdown after the colon, and how to show it.</summary>
internal sealed record IndicatorName(string Key, string Family, string Title, string? Breakdown, IndicatorKind Kind, string? Unit, string Source);

/// <summary>
/// Every indicator family Kith counts (issue 16, item 1). A key is the family, then for a breakdown a colon and its value
/// ("concerns.tier:imminent"). Titles are resource keys (translated in SharedResource); breakdown values are the
/// modules' own codes (tiers, categories, instrument bands), shown as they are.
/// </summary>
internal static class IndicatorCatalogue
{
    public const string Concerns = "concerns";
    public const string ConcernsTier = "concerns.tier:";
    public const string ConcernsCategory = "concerns.category:";
    public const string ConcernsAcknowledge = "concerns.acknowledge";
    public const string ConcernsInterventions = "concerns.interventions";
    public const string LineContacts = "lines.contacts";
    public const string LineContactsOn = "lines.contacts.line:";
    public const string LineTier = "lines.tier:";
    public const string LineRollovers = "lines.rollovers";
    public const string LineUnanswered = "lines.unanswered";
    public const string LineWait = "lines.wait";
    public const string CheckIns = "checkins";
    public const string CheckInScore = "checkins.score";
    public const string CheckInsSilent = "checkins.silent";
    public const string CheckInsToAPerson = "checkins.to-a-person";
    public const string ScreeningResponses = "screening.responses:";
    public const string ScreeningBand = "screening.band:";
    public const string ScreeningFlag = "screening.flag:";
    public const string ReferralsMade = "referrals.made";
    public const string ReferralsCompleted = "referrals.completed";
    public const string ReferralsAnswer = "referrals.answer";
    public const string ReferralsLate = "referrals.late";
    public const string GroupSessions = "groups.sessions";
    public const string GroupAttendance = "groups.attendance";
    public const string Alerts = "insights.alerts";
    public const string AlertActions = "insights.actions";

    private sealed record Family(string Title, IndicatorKind Kind, string? Unit, string Source);

    private static readonly Dictionary<string, Family> Families = new()
    {
        [Concerns] = new("Concerns received", IndicatorKind.Count, null, "concerns"),
        [ConcernsTier[..^1]] = new("Concerns by risk tier", IndicatorKind.Count, null, "concerns"),
        [ConcernsCategory[..^1]] = new("Concerns by category", IndicatorKind.Count, null, "concerns"),
        [ConcernsAcknowledge] = new("Time until a person acknowledged a concern", IndicatorKind.Mean, "minutes", "concerns"),
        [ConcernsInterventions] = new("Interventions recorded on concerns", IndicatorKind.Count, null, "concerns"),
        [LineContacts] = new("Line contacts", IndicatorKind.Count, null, "lines"),
        [LineContactsOn[..^1]] = new("Line contacts by line", IndicatorKind.Count, null, "lines"),
        [LineTier[..^1]] = new("Line contacts by risk tier", IndicatorKind.Count, null, "lines"),
        [LineRollovers] = new("Contacts rolled over to a backup line", IndicatorKind.Count, null, "lines"),
        [LineUnanswered] = new("Contacts no line could answer", IndicatorKind.Count, null, "lines"),
        [LineWait] = new("Wait until a person took a contact", IndicatorKind.Mean, "seconds", "lines"),
        [CheckIns] = new("Check-ins sent", IndicatorKind.Count, null, "lines"),
        [CheckInScore] = new("Check-in score", IndicatorKind.Mean, "score", "lines"),
        [CheckInsSilent] = new("Check-ins left without a reply", IndicatorKind.Count, null, "lines"),
        [CheckInsToAPerson] = new("Check-ins passed to a person", IndicatorKind.Count, null, "lines"),
        [ScreeningResponses[..^1]] = new("Screening responses by questionnaire", IndicatorKind.Count, null, "screening"),
        [ScreeningBand[..^1]] = new("Screening results by band", IndicatorKind.Count, null, "screening"),
        [ScreeningFlag[..^1]] = new("Screening answers flagged for follow-up", IndicatorKind.Count, null, "screening"),
        [ReferralsMade] = new("Referrals made", IndicatorKind.Count, null, "referrals"),
        [ReferralsCompleted] = new("Referrals completed", IndicatorKind.Count, null, "referrals"),
        [ReferralsAnswer] = new("Time until a referral was answered", IndicatorKind.Mean, "hours", "referrals"),
        [ReferralsLate] = new("Referrals answered late or escalated", IndicatorKind.Count, null, "referrals"),
        [GroupSessions] = new("Group sessions held", IndicatorKind.Count, null, "groups"),
        [GroupAttendance] = new("Group attendance", IndicatorKind.Count, null, "groups"),
        [Alerts] = new("Spike alerts raised", IndicatorKind.Count, null, "insights"),
        [AlertActions] = new("Actions taken on spike alerts", IndicatorKind.Count, null, "insights"),
    };

    /// <summary>The name of a stored key, or null for a key no family claims (from a newer or older version).</summary>
    public static IndicatorName? Describe(string key)
    {
        var colon = key.IndexOf(':');
        var family = colon < 0 ? key : key[..colon];
        return Families.TryGetValue(family, out var f)
            ? new IndicatorName(key, family, f.Title, colon < 0 ? null : key[(colon + 1)..], f.Kind, f.Unit, f.Source)
            : null;
    }

    /// <summary>Every family's title (for translation checks and the indicator picker).</summary>
    public static IEnumerable<string> Titles => Families.Values.Select(f => f.Title);

    /// <summary>Every unit a mean is given in (translated where shown).</summary>
    public static IEnumerable<string> Units => Families.Values.Select(f => f.Unit).OfType<string>().Distinct();
}
