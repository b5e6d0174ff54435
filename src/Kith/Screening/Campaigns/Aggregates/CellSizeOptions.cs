using Kith.Platform.Privacy;

namespace Kith.Screening.Campaigns.Aggregates;

/// <summary>
/// <c>Kith:Screening:MinimumCellSize</c>: the smallest count of people a campaign's aggregates show. 11 unless an
/// operator sets it; it can be raised freely, and lowered only as far as 5 — below that a count points at
/// people too easily (a start-up check refuses it).
/// </summary>
internal sealed class CellSizeOptions
{
    public const string Section = "Kith:Screening";
    public const int Floor = 5;

    public int MinimumCellSize { get; set; } = SmallCells.DefaultThreshold;
}
