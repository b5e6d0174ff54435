namespace Kith.Responders.Teams;

/// <summary>
/// A team's details as sent to <c>POST/PUT /api/concerns/admin/teams</c> and by the team form. On creation the
/// lead, if any, joins the team; afterwards the lead must already be a member. Active null keeps it as it is.
/// </summary>
internal sealed record TeamRequest(string? Name, Guid? OrganisationId, string? LeadUserId, Guid? BackupTeamId, bool? Active = null);

/// <summary>A member's alert settings (in-app alerts are always on). Null keeps the current setting (email on, SMS off for a new member).</summary>
internal sealed record MemberRequest(bool? EmailAlerts, bool? SmsAlerts);

/// <summary>
/// One on-call shift. Times without an offset are the deployment's local time (Kith:TimeZone); times with
/// "Z" or an offset are taken as the instant they name.
/// </summary>
internal sealed record ShiftRequest(string? UserId, DateTime? StartsAt, DateTime? EndsAt);

/// <summary>A team on the list: who it belongs to, who is on call, and whether anybody at all can be paged.</summary>
public sealed record TeamSummary(Guid Id, string Name, Guid? OrganisationId, string? OrganisationName, bool Active,
    Guid? BackupTeamId, string? BackupTeamName, int Members, bool NobodyToPage, IReadOnlyList<Person> OnCallNow);

public sealed record TeamMemberView(Person Person, bool EmailAlerts, bool SmsAlerts, bool Lead);

/// <summary>A shift in the deployment's local time (and UTC), whether it is running now and whether it overlaps another.</summary>
public sealed record ShiftView(Guid Id, Person Person, DateTime StartsAt, DateTime EndsAt, DateTime StartsAtUtc, DateTime EndsAtUtc,
    bool OnNow, bool Overlaps);

/// <summary>
/// One team in full. <see cref="BackupCircle"/> names the teams of a backup circle through this team (warning);
/// <see cref="BackupInactive"/> is set when the backup team is switched off (the chain skips that step).
/// </summary>
public sealed record TeamDetails(Guid Id, string Name, Guid? OrganisationId, string? OrganisationName, bool Active,
    string? LeadUserId, Guid? BackupTeamId, string? BackupTeamName, bool BackupInactive, IReadOnlyList<string> BackupCircle,
    IReadOnlyList<TeamMemberView> Members, bool NobodyToPage, IReadOnlyList<Person> OnCallNow, IReadOnlyList<ShiftView> UpcomingShifts,
    string TimeZone);
