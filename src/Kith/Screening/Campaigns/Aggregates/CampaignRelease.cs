namespace Kith.Screening.Campaigns.Aggregates;

/// <summary>
/// One instrument's results of a campaign as they were shown to staff at some moment — every group's row and all
/// groups together, hidden counts as null — kept so later figures can be checked against every earlier release
/// (<see cref="Kith.Platform.Privacy.Releases"/>) and shown again while newer ones may not be. Numbered from 1 per
/// campaign and instrument; the key makes two coordinators loading the page at once store one release, not two.
/// </summary>
internal sealed class CampaignRelease
{
    public Guid CampaignId { get; set; }
    public required string InstrumentId { get; set; }
    public int Number { get; set; }
    public DateTime ReleasedAt { get; set; }
    /// <summary>The <see cref="InstrumentAggregate"/> as shown, as JSON.</summary>
    public required string Figures { get; set; }
    /// <summary>The true counts behind them, hidden ones too, as JSON keyed like the release rule's: never shown,
    /// only compared, so a count hidden here stays hidden while it has not changed.</summary>
    public required string Counts { get; set; }
}
