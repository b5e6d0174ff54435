namespace Kith.Insights.Release;

/// <summary>
/// What the dashboards have shown of one count of a release family ("concerns|w:2026-11-16|{area}"): its true value at the
/// last release and whether it was hidden then (compared, never shown), and every value ever published. Kept so the next
/// release obeys the rule of <see cref="Kith.Platform.Privacy.Releases"/> — see <see cref="ReleaseHistory"/>.
/// </summary>
internal sealed class PublishedCount
{
    public required string Family { get; set; }
    public required string CountKey { get; set; }
    public int Value { get; set; }
    public bool Hidden { get; set; }
    /// <summary>Every value published so far, ascending, comma-separated ("" if never published).</summary>
    public string Shown { get; set; } = "";
}
