namespace Kith.Responders.Domain;

/// <summary>
/// An in-app alert to one staff member about a subject (a new concern, a missed deadline…). One per person,
/// subject, kind and escalation step, so a retried job never pages twice. The subject's reference, link and tier
/// are kept so an alert list needs nothing from the owning module to show it.
/// </summary>
internal sealed class Alert
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    public required string SubjectReference { get; set; }
    public required string SubjectLink { get; set; }
    public required string SubjectTier { get; set; }
    public required string Kind { get; set; }
    public int Level { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SeenAt { get; set; }
}
