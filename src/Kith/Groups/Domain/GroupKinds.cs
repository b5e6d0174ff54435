namespace Kith.Groups.Domain;

/// <summary>The kinds of group the field write-ups name, as stable codes (the pages word them).</summary>
internal static class GroupKinds
{
    public static readonly IReadOnlyList<string> All =
        ["support-group", "peer-group", "workshop", "training", "walk-and-talk", "drop-in", "storytelling-circle"];
}

/// <summary>Where a person stands in a group.</summary>
internal static class EnrolmentStatus
{
    public const string Enrolled = "enrolled";
    public const string Waitlisted = "waitlisted";
    public const string Left = "left";
}

/// <summary>How a person chose to be reached: reminders and the promotion notice go this way, or not at all.</summary>
internal static class ContactRoutes
{
    public const string Sms = "sms";
    public const string Email = "email";
    public const string None = "none";
    /// <summary>Not at all first: the least a person need give.</summary>
    public static readonly IReadOnlyList<string> All = [None, Sms, Email];
}
