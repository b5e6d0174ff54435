namespace Kith.Screening.SafetyPlans;

/// <summary>
/// A stored safety plan. Nothing here is readable without a code: the content is sealed under a data key that
/// is stored only wrapped (under the owner's code, and under a share code while one is live). The codes
/// themselves are kept only as keyed hashes, for finding the row.
/// </summary>
internal sealed class SafetyPlan
{
    public Guid Id { get; set; }
    public required string CodeHash { get; set; }
    public required byte[] CodeSalt { get; set; }
    public required byte[] CodeKey { get; set; }
    public required byte[] Content { get; set; }
    public string? ShareHash { get; set; }
    public byte[]? ShareSalt { get; set; }
    public byte[]? ShareKey { get; set; }
    public DateTime? SharedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Last opened or saved: the clock of the 24-month retention.</summary>
    public DateTime LastUsedAt { get; set; }
}
