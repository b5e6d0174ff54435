namespace Kith.Insights.Indicators;

/// <summary>
/// One indicator's value for one area on one local day, as stored: a count and, for indicators that are means (minutes to
/// acknowledge, a check-in score), the sum the mean is taken of — so weeks, months and all areas add up exactly, and a
/// mean is always shown beside the count it rests on. <see cref="AreaId"/> is <see cref="Guid.Empty"/> where the fact
/// knows no area (a text line, a group of an organisation without one): it counts in the community's total only.
/// Computed from the modules' published facts, never from cases or messages (<see cref="Tally"/>).
/// </summary>
internal sealed class IndicatorDay
{
    public required string Indicator { get; init; }
    public Guid AreaId { get; init; }
    public DateOnly Day { get; init; }
    public int Count { get; set; }
    public double Sum { get; set; }
}

/// <summary>How far the incremental path has counted: the last run's window, for the overview's "counted up to".</summary>
internal sealed class IndicatorRun
{
    public int Id { get; init; } = 1;
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public DateTime At { get; set; }
    public bool Rebuild { get; set; }
}
