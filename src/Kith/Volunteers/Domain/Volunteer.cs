namespace Kith.Volunteers.Domain;

/// <summary>
/// Someone who helps on behalf of an organisation — a lay leader, a community ambassador, a volunteer — known by the
/// name they go by and the route they chose for reminders (both encrypted at rest). Their private code opens their own
/// page: their certifications, their supervision notes and their monthly check-in, which nobody else sees.
/// </summary>
internal sealed class Volunteer
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }
    /// <summary>A code of <see cref="VolunteerRoles"/>.</summary>
    public required string Role { get; set; }
    /// <summary>sms, email or none.</summary>
    public required string ContactRoute { get; set; }
    public string? Contact { get; set; }
    /// <summary>The staff account that supervises them: the only staff who read their supervision notes.</summary>
    public string? SupervisorId { get; set; }
    /// <summary><see cref="VolunteerStatus"/>: applied (signed up, not yet welcomed), active or ended.</summary>
    public required string Status { get; set; }
    /// <summary>The opportunity they signed up for, if they came that way.</summary>
    public Guid? OpportunityId { get; set; }
    /// <summary>A keyed hash of their private code; none until one is issued.</summary>
    public string? CodeHash { get; set; }
    /// <summary>A keyed hash of the sign-up form's one-time token: the same form sent again shows the same answer, joins nobody twice.</summary>
    public string? SubmissionHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>
/// A course people are certified in. Deployment-wide when <see cref="OrganisationId"/> is none (psychological first
/// aid, Mental Health First Aid, QPR), or an organisation's own. A certificate is good for <see cref="ValidMonths"/>;
/// the last <see cref="RenewalDays"/> of it are the renewal window ("expiring soon").
/// </summary>
internal sealed class Training
{
    public Guid Id { get; set; }
    public Guid? OrganisationId { get; set; }
    public required string Name { get; set; }
    /// <summary>A code of <see cref="TrainingKinds"/>.</summary>
    public required string Kind { get; set; }
    public int ValidMonths { get; set; }
    public int RenewalDays { get; set; } = 30;
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One completion of a training. Renewing adds a new one, so the history stays; a person's standing in a training
/// is that of the certification that runs latest.
/// </summary>
internal sealed class Certification
{
    public Guid Id { get; set; }
    public Guid VolunteerId { get; set; }
    public Guid TrainingId { get; set; }
    public DateOnly CompletedOn { get; set; }
    /// <summary>The last day it is good for.</summary>
    public DateOnly ExpiresOn { get; set; }
    public string? RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    /// <summary>When the renewal reminder went (claimed once, whichever node): its window lasts longer than the outbox keeps keys.</summary>
    public DateTime? RenewalNoticeAt { get; set; }
    /// <summary>When the lapse notice went.</summary>
    public DateTime? LapseNoticeAt { get; set; }
}

/// <summary>What a supervisor wrote after supervising someone: encrypted, read only by that supervisor and the person (each read audited).</summary>
internal sealed class SupervisionNote
{
    public Guid Id { get; set; }
    public Guid VolunteerId { get; set; }
    public required string SupervisorId { get; set; }
    public required string Text { get; set; }
    public DateTime WrittenAt { get; set; }
}

internal static class VolunteerRoles
{
    public const string LayLeader = "lay-leader", Ambassador = "ambassador", Volunteer = "volunteer";
    public static readonly IReadOnlyList<string> All = [LayLeader, Ambassador, Volunteer];
}

internal static class VolunteerStatus
{
    public const string Applied = "applied", Active = "active", Ended = "ended";
    public static readonly IReadOnlyList<string> All = [Applied, Active, Ended];
}

internal static class TrainingKinds
{
    public const string Pfa = "pfa", Mhfa = "mhfa", Qpr = "qpr", Custom = "custom";
    public static readonly IReadOnlyList<string> All = [Pfa, Mhfa, Qpr, Custom];
}

/// <summary>
/// A way to help that an organisation offers the public ("walk leader, two mornings a month"): anyone signs up with a
/// first name and a route, without an account, and the organisation's coordinators welcome them.
/// </summary>
internal sealed class Opportunity
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    /// <summary>The time it asks for, in the organisation's words ("two hours a week").</summary>
    public required string Commitment { get; set; }
    /// <summary>The role people take on, a code of <see cref="VolunteerRoles"/>.</summary>
    public required string Role { get; set; }
    /// <summary>A training the organisation gives before people start, if any.</summary>
    public Guid? TrainingId { get; set; }
    public bool Open { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A helper's own monthly WHO-5: the answers and score encrypted, read back only by them on their page. What their
/// organisation may know goes, unlinked, into <see cref="WellbeingTally"/>.
/// </summary>
internal sealed class WellbeingCheckIn
{
    public Guid Id { get; set; }
    public Guid VolunteerId { get; set; }
    /// <summary>The month it is for, "2027-03" (one a month).</summary>
    public required string Month { get; set; }
    /// <summary>The answers and the score as JSON, encrypted at rest.</summary>
    public required string Result { get; set; }
    public DateTime GivenAt { get; set; }
}

/// <summary>How many of an organisation's helpers gave a check-in in a band in a month: a count with no person in it.</summary>
internal sealed class WellbeingTally
{
    public Guid OrganisationId { get; set; }
    public required string Month { get; set; }
    public required string Band { get; set; }
    public int Count { get; set; }
}
