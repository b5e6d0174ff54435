namespace Kith.Responders.Contracts;

/// <summary>
/// What responders are paged about, as the module that owns it names it: a concern today, a call on a line or a
/// referral next. Kind and id say which record; reference, link (a path under the app) and tier are what a page
/// and an alert may show — never what was reported.
/// </summary>
internal sealed record Subject(string Kind, Guid Id, string Reference, string Link, string Tier);

/// <summary>One person to page, and whether they asked for email or SMS as well as the in-app alert.</summary>
internal sealed record Pagee(string UserId, bool Email, bool Sms);

/// <summary>The email/SMS text of a page, in the words of the module that owns the subject.</summary>
internal sealed record PageText(string Subject, string Body);

/// <summary>Alert kinds every subject has; a module may add its own (a concern's "reporter-replied").</summary>
internal static class CommonAlertKinds
{
    public const string New = "new";
    public const string Escalated = "escalated";
}

/// <summary>An alert as a client module may query it, composed into its own queries (tiers, access rules).</summary>
internal sealed class SubjectAlert
{
    public Guid SubjectId { get; init; }
    public required string UserId { get; init; }
    public required string Kind { get; init; }
    public int Level { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SeenAt { get; init; }
}
