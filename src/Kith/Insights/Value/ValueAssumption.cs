namespace Kith.Insights.Value;

/// <summary>
/// One version of the prevention-value assumptions (issue 16, item 6). Never changed once written: an edit adds the next
/// version, so the history says who changed what and when. Percentages are out of 100, money in the deployment's currency.
/// </summary>
internal sealed class ValueAssumption
{
    public Guid Id { get; set; }
    /// <summary>1, 2, 3…: unique, so two editors saving at once cannot both write the same next version.</summary>
    public int Version { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public required string ChangedByName { get; set; }

    /// <summary><see cref="ValueInput.PerParticipant"/> or <see cref="ValueInput.Total"/>.</summary>
    public required string CostBasis { get; set; }
    public decimal Cost { get; set; }
    public string? CostNote { get; set; }
    /// <summary>People served in the period the cost covers.</summary>
    public int Reach { get; set; }
    public string? ReachNote { get; set; }
    /// <summary>Share of those reached for whom a crisis is averted, with a low and a high for the sensitivity range.</summary>
    public decimal Effect { get; set; }
    public decimal EffectLow { get; set; }
    public decimal EffectHigh { get; set; }
    public string? EffectNote { get; set; }
    public decimal CostAverted { get; set; }
    public string? CostAvertedNote { get; set; }
    /// <summary>A published return per dollar, only ever with its <see cref="ReturnSource"/>.</summary>
    public decimal? ReturnPerDollar { get; set; }
    public string? ReturnSource { get; set; }
    public string? ReturnLink { get; set; }
    public string? ReturnNote { get; set; }
}
