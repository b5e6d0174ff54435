namespace Kith.Groups.Domain;

/// <summary>
/// A group or programme an organisation runs: a grief pod, a veterans' coffee group, a workshop, a training, a walk-and-talk.
/// Its sessions repeat by an RFC 5545 rule from the first session, in the deployment's time zone; a place is a directory
/// location (whose address is never shown if the location is confidential) or a video link. Published as a directory
/// service so Find help finds it. <see cref="Sequence"/> counts changes a calendar must pick up (RFC 5545 SEQUENCE).
/// </summary>
internal sealed class Group
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    /// <summary>A kind from <see cref="GroupKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>What it is about beyond its kind: a kind of loss ("loss of a spouse"), an audience ("veterans").</summary>
    public string? Focus { get; set; }
    public required string Description { get; set; }
    /// <summary>The directory's need codes it answers (space-separated), so Find help finds it under them.</summary>
    public string Needs { get; set; } = "";
    /// <summary>Who leads it, as the organisation names them to participants (first names or roles).</summary>
    public required string Facilitators { get; set; }
    /// <summary>A directory location's id (HSDS), or none for an online group.</summary>
    public string? LocationId { get; set; }
    public string? VideoUrl { get; set; }
    /// <summary>The first session's start, wall-clock time in the deployment's time zone.</summary>
    public DateTime FirstStartLocal { get; set; }
    public int DurationMinutes { get; set; }
    /// <summary>The RRULE value (no "RRULE:"), e.g. <c>FREQ=WEEKLY;BYDAY=TU;COUNT=8</c>; none = a single session.</summary>
    public string? Rule { get; set; }
    public int Capacity { get; set; }
    public string Language { get; set; } = "en";
    public bool Active { get; set; } = true;
    /// <summary>The HSDS service that publishes it in the directory.</summary>
    public string? ServiceId { get; set; }
    /// <summary>The training every scheduled leader must hold, current, on each session's day (none: no requirement).</summary>
    public Guid? RequiredTrainingId { get; set; }
    public int Sequence { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>One session that is not as the rule says: cancelled, or moved to another start (its original start names it).</summary>
internal sealed class GroupSessionChange
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    /// <summary>The start the rule gives it (local), which is its identity (RFC 5545 RECURRENCE-ID).</summary>
    public DateTime OriginalStartLocal { get; set; }
    public bool Cancelled { get; set; }
    public DateTime? MovedToLocal { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>
/// A person who joined groups, known only by a first name or nickname and the contact route they chose (or none). Their
/// private code (a keyed hash is kept) shows their enrolments and lets them leave; their calendar feed's address is a
/// second secret they can replace at any time. No account, no other detail.
/// </summary>
internal sealed class GroupMember
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary><see cref="ContactRoutes"/>: sms, email or none.</summary>
    public required string ContactRoute { get; set; }
    public string? Contact { get; set; }
    /// <summary>"Tuesday group" instead of the group's name in their calendar and reminders.</summary>
    public bool NeutralTitles { get; set; }
    public required string CodeHash { get; set; }
    /// <summary>The keyed hash of their calendar feed's secret (<see cref="GroupCode.FeedToken"/> of their code and <see cref="FeedVersion"/>).</summary>
    public required string FeedHash { get; set; }
    /// <summary>Bumped to replace the feed's address: the old one stops working at once.</summary>
    public int FeedVersion { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A member's place in one group (or on its waiting list), with what they need to come, summarised for the organiser.</summary>
internal sealed class Enrolment
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    /// <summary><see cref="EnrolmentStatus"/>: enrolled, waitlisted or left.</summary>
    public required string Status { get; set; }
    public bool NeedsChildcare { get; set; }
    public bool NeedsTransport { get; set; }
    /// <summary>The language they need an interpreter for, if any.</summary>
    public string? InterpreterLanguage { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime? PromotedAt { get; set; }
    public DateTime? LeftAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>Whether a member came to one session (its original start names it), as the organiser marked it.</summary>
internal sealed class Attendance
{
    public Guid EnrolmentId { get; set; }
    public DateTime SessionLocal { get; set; }
    public bool Present { get; set; }
    public DateTime MarkedAt { get; set; }
}

/// <summary>Someone the organisation scheduled to lead a group: one of its people who help (Volunteers module).</summary>
internal sealed class GroupLeader
{
    public Guid GroupId { get; set; }
    public Guid VolunteerId { get; set; }
}
