namespace Kith.Responders.Domain;

/// <summary>Responders who are paged together (a school's safety team, the county crisis team).</summary>
internal sealed class Team
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Guid? OrganisationId { get; set; }
    /// <summary>Second step of the escalation chain.</summary>
    public string? LeadUserId { get; set; }
    /// <summary>Third step: the team paged when neither on-call nor lead acknowledges.</summary>
    public Guid? BackupTeamId { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

internal sealed class TeamMember
{
    public Guid TeamId { get; set; }
    public required string UserId { get; set; }
    /// <summary>Also page by email / SMS (in-app alerts always).</summary>
    public bool EmailAlerts { get; set; } = true;
    public bool SmsAlerts { get; set; }
}

/// <summary>One on-call shift of the team's rota. With nobody on call, every member is paged.</summary>
internal sealed class OnCallShift
{
    public Guid Id { get; set; }
    public Guid TeamId { get; set; }
    public required string UserId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
}
