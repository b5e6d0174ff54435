namespace Kith.Platform.Audit;

/// <summary>
/// One link of the append-only, hash-chained audit log. Holds ids and action names only — never content.
/// </summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public required string Action { get; set; }
    public string? SubjectType { get; set; }
    public string? SubjectId { get; set; }
    /// <summary>Small JSON object of ids and codes (e.g. roles granted); never free text.</summary>
    public string? Detail { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
