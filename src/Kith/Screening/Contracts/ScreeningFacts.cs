namespace Kith.Screening.Contracts;

/// <summary>
/// One screening response as dashboards may count it: no id, no person, no answers, no score beyond its band —
/// the day it was given (deployment time zone), where (area, or campaign and the group the participant chose),
/// the instrument, the band and the positive-screen flag codes. Anyone publishing counts of these must hide
/// small cells (<c>Kith.Platform.Privacy.SmallCells</c>): one fact can be one person.
/// </summary>
internal sealed record ScreeningFact(
    DateOnly Day, Guid? AreaId, Guid? CampaignId, string? CampaignGroup, string Channel,
    string Instrument, string Band, IReadOnlyList<string> Flags);

/// <summary>What the screening module tells others (Insights): facts, never responses.</summary>
internal interface IScreeningFacts
{
    /// <summary>Responses given on days from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    Task<IReadOnlyList<ScreeningFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
}
