namespace Kith.Responders;

/// <summary>
/// Acknowledgement allowances and the link base of pages. Read from <c>Kith:Concerns</c>, where deployments set
/// them before Responders was its own module (ADR 18): the same keys keep the same meaning.
/// </summary>
internal sealed class ResponderOptions
{
    public const string Section = "Kith:Concerns";
    public TimeSpan ImminentAcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan UrgentAcknowledgeWithin { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Routine subjects are due by this local hour of the next business day.</summary>
    public int BusinessDayEndsAtHour { get; set; } = 17;
    /// <summary>Absolute links in emails and SMS (e.g. https://kith.example.org).</summary>
    public string? PublicBaseUrl { get; set; }
}
