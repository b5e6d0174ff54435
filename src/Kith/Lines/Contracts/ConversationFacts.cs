namespace Kith.Lines.Contracts;

/// <summary>
/// One text-line conversation as dashboards may count it: no id, no reference, no sender (hash or number), no text —
/// the local day it started (in its line's time zone), the line it ended on, the channel, the area when a channel knows
/// it (neither SMS nor web chat does today), the tier, the wait until a person first took it, whether it was answered,
/// rolled over to a backup line, or found no line that could answer, and how it ended (disposition, how many services
/// were sent, not which). Anyone publishing counts of these must hide small cells
/// (<c>Kith.Platform.Privacy.SmallCells</c>): one fact can be one person.
/// </summary>
internal sealed record ConversationFact(
    DateOnly Day, Guid LineId, string LineSlug, string Channel, Guid? AreaId, string Tier, int? WaitSeconds,
    bool Answered, bool RolledOver, bool Unanswered, bool Closed, string? Disposition, int Referrals);

/// <summary>What the lines module tells others (Insights): facts, never conversations.</summary>
internal interface IConversationFacts
{
    /// <summary>Conversations started on local days from <paramref name="from"/> to <paramref name="to"/> inclusive (each line's own days).</summary>
    Task<IReadOnlyList<ConversationFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
}
