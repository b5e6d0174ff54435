namespace Kith.Concerns.Domain;

/// <summary>Responders who take concerns together (a school's safety team, the county crisis team).</summary>
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

/// <summary>
/// Sends matching concerns to a team. Rules are tried by position; an empty condition matches anything,
/// so a rule with no conditions is the deployment's catch-all.
/// </summary>
internal sealed class RoutingRule
{
    public Guid Id { get; set; }
    public int Position { get; set; }
    public Guid? OrganisationId { get; set; }
    public Guid? AreaId { get; set; }
    public string? Category { get; set; }
    public string? Language { get; set; }
    public string? Tier { get; set; }
    public Guid TeamId { get; set; }
    public bool Active { get; set; } = true;

    public bool Matches(Concern c) =>
        Active
        && (OrganisationId is null || OrganisationId == c.OrganisationId)
        && (AreaId is null || AreaId == c.AreaId)
        && (Category is null || c.CategoryCodes.Contains(Category))
        && (Language is null || Language == c.Language)
        && (Tier is null || Tier == c.Tier);
}
