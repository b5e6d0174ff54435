namespace Kith.Concerns.Domain;

/// <summary>
/// A case status of this deployment (the table is the deployment's to change). Its kind is what code
/// relies on: a concern is acknowledged when it leaves a "new" status and closed in a "closed" one.
/// </summary>
internal sealed class CaseStatus
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    /// <summary>new, open, waiting (for the reporter) or closed.</summary>
    public required string Kind { get; set; }
}

/// <summary>An allowed move between statuses; with <see cref="AutomaticAfterDays"/> it also happens by itself.</summary>
internal sealed class StatusTransition
{
    public required string FromStatus { get; set; }
    public required string ToStatus { get; set; }
    /// <summary>When set, a concern left this many days in <see cref="FromStatus"/> moves on automatically.</summary>
    public int? AutomaticAfterDays { get; set; }
}

internal static class StatusKinds
{
    public const string New = "new";
    public const string Open = "open";
    public const string Waiting = "waiting";
    public const string Closed = "closed";
}
