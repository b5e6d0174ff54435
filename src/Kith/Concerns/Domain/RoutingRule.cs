namespace Kith.Concerns.Domain;

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
