namespace Kith.Lines.Blocks;

/// <summary>
/// A flag on a sender (by keyed hash, never the number): <c>blocked</c> — their ordinary texts get a short automatic
/// answer and no queue item, though words reading as imminent risk still reach a person — or <c>abusive</c>, which
/// keeps them in the queue and shows the flag and its reason to the responder. Expires (24 h, 30 d, 1 y) or, for an
/// abusive marking only, never; lifted by an administrator.
/// </summary>
internal sealed class SenderFlag
{
    public Guid Id { get; set; }
    public required string SenderHash { get; set; }
    public required string Kind { get; set; }
    /// <summary>The responder's words; encrypted at rest.</summary>
    public required string Reason { get; set; }
    /// <summary>The conversation it was set from.</summary>
    public Guid? ConversationId { get; set; }
    public required string SetBy { get; set; }
    public DateTime SetAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LiftedAt { get; set; }
    public string? LiftedBy { get; set; }

    public const string Blocked = "blocked";
    public const string Abusive = "abusive";

    /// <summary>The expiries a responder picks from ("none" only for an abusive marking: a block always ends).</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan?> Expiries = new Dictionary<string, TimeSpan?>
    {
        ["24h"] = TimeSpan.FromHours(24), ["30d"] = TimeSpan.FromDays(30), ["1y"] = TimeSpan.FromDays(365), ["none"] = null,
    };
}
