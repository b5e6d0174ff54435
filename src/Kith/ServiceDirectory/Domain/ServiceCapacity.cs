namespace Kith.ServiceDirectory.Domain;

/// <summary>
/// How much of a service is free right now (beds, appointments, seats), as HSDS 3.1 <c>service_capacity</c>
/// describes it. HSDS 3.0 has no such table; Kith adds it and serves it as the service's <c>capacities</c>.
/// </summary>
internal sealed class ServiceCapacity
{
    public string Id { get; set; } = "";
    public string ServiceId { get; set; } = "";
    /// <summary>What is counted, e.g. "beds", "appointments this week", "places".</summary>
    public string Unit { get; set; } = "";
    public decimal Available { get; set; }
    public decimal? Maximum { get; set; }
    public string? Description { get; set; }
    /// <summary>When the figure was last updated (UTC). A stale figure is shown with its age, never as current.</summary>
    public DateTime Updated { get; set; }
}
