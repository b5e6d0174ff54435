namespace Kith.Concerns.Contracts;

/// <summary>
/// One concern as dashboards may count it: no id, no text, no person — the day (deployment time zone),
/// area, categories, tier, how long until a person acknowledged it, and how it ended.
/// </summary>
internal sealed record ConcernFact(
    DateOnly Day, Guid? AreaId, IReadOnlyList<string> Categories, string Tier, string Channel,
    TimeSpan? TimeToAcknowledge, bool Closed, string? Outcome, bool Flagged, int Interventions);

/// <summary>What the concerns module tells others (Insights, gap analysis): facts, never cases.</summary>
internal interface IConcernFacts
{
    /// <summary>Concerns submitted on days from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    Task<IReadOnlyList<ConcernFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
}
