namespace Kith.Community.Domain;

internal enum OrganisationType
{
    School, Clinic, Faith, Workplace, Library, CommunityCentre, Veterans, Farm, Government, Other
}

/// <summary>A body that takes part: a school, clinic, parish, plant, library… Staff belong to one or more.</summary>
internal sealed class Organisation
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public OrganisationType Type { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public Guid? AreaId { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
