namespace Kith.Insights.Alerts;

/// <summary>
/// A spike the alert job found: an indicator above its upper bound in an area for a complete week, as published (never
/// from a hidden count). One per indicator, area and week — the unique key makes it once across nodes. Leaders
/// acknowledge it, note what they did about it and, later, whether it helped; free text is encrypted at rest.
/// </summary>
internal sealed class InsightAlert
{
    public Guid Id { get; init; }
    public required string Reference { get; init; }
    public required string Indicator { get; init; }
    public Guid AreaId { get; init; }
    public DateOnly Week { get; init; }
    public int Count { get; init; }
    public double Expected { get; init; }
    public double UpperBound { get; init; }
    public required string Method { get; init; }
    public DateTime RaisedAt { get; init; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? ActionKind { get; set; }
    public string? Action { get; set; }
    public DateTime? ActionAt { get; set; }
    public string? ActionBy { get; set; }
    public string? Outcome { get; set; }
    public string? OutcomeNote { get; set; }
    public DateTime? OutcomeAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>A leader watching an area: told of its spikes. Assigned by a coordinator or an administrator.</summary>
internal sealed class AreaWatch
{
    public required string UserId { get; init; }
    public Guid AreaId { get; init; }
    public DateTime AssignedAt { get; init; }
    public required string AssignedBy { get; init; }
}

/// <summary>What leaders did about a spike, and how it went: codes stored, words on the page.</summary>
internal static class AlertWords
{
    public static readonly string[] ActionKinds = ["counsellor-hours", "listening-circle", "workshop", "outreach", "other"];
    public static readonly string[] Outcomes = ["helped", "partly", "did-not-help", "too-early"];

    public static string ActionKind(string code) => code switch
    {
        "counsellor-hours" => "Extra counsellor hours",
        "listening-circle" => "A listening circle",
        "workshop" => "A workshop",
        "outreach" => "Outreach to schools or groups",
        _ => "Something else",
    };

    public static string Outcome(string code) => code switch
    {
        "helped" => "It helped",
        "partly" => "It helped a little",
        "did-not-help" => "It did not help",
        _ => "Too early to tell",
    };
}
