namespace Kith.Lines.Routing;

/// <summary>What routing knows of a responder on the lines: the languages they text in, their skills, and how many people they hold at once.</summary>
internal sealed class ResponderProfile
{
    public required string UserId { get; set; }
    /// <summary>Language codes, space-separated ("en es").</summary>
    public string Languages { get; set; } = "";
    /// <summary>Free tags, space-separated ("veterans farm").</summary>
    public string Skills { get; set; } = "";
    /// <summary>Null: the deployment's <c>Kith:Lines:MaxActivePerResponder</c>.</summary>
    public int? MaxActive { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// One step of a line's routing: for <see cref="Seconds"/> of waiting, only responders who speak the texter's language
/// (<see cref="Language"/>) and/or hold <see cref="Skill"/> are given the conversation; then the next step; after the
/// last, anyone staffing the line (and at the line's wait limit, the backup line).
/// </summary>
internal sealed class RoutingStep
{
    public Guid LineId { get; set; }
    public int Position { get; set; }
    public bool Language { get; set; }
    public string? Skill { get; set; }
    public int Seconds { get; set; }
}
