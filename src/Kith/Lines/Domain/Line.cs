namespace Kith.Lines.Domain;

/// <summary>
/// A text line people reach by SMS or web chat: its audience, languages, number, hours, automatic texts and the
/// teams that answer it. Hours, holidays and texts are kept as small JSON/text values and read through
/// <see cref="LineSetup"/>, the one place that turns them into rules.
/// </summary>
internal sealed class Line
{
    public Guid Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>Who the line is for, in the admins' words ("farmers and farm families").</summary>
    public string? Audience { get; set; }
    /// <summary>Language codes, space-separated; the first is the line's own (texts fall back to it).</summary>
    public required string Languages { get; set; }
    /// <summary>E.164 number texts arrive at (Twilio's <c>To</c>); the line's own number is public, not a secret.</summary>
    public string? SmsNumber { get; set; }
    public string? ShortCode { get; set; }
    /// <summary>On a shared short code, the first word that picks this line.</summary>
    public string? Keyword { get; set; }
    public required string TimeZone { get; set; }
    /// <summary>JSON: weekday → periods "HH:mm-HH:mm" in the line's time zone ("24:00" ends at midnight; an end before the start runs overnight).</summary>
    public required string Hours { get; set; }
    /// <summary>Local dates the line is closed, space-separated (yyyy-MM-dd).</summary>
    public string Holidays { get; set; } = "";
    /// <summary>JSON: language → greeting, closed, busy, opt-out and help texts.</summary>
    public required string Texts { get; set; }
    /// <summary>Responders' team ids, space-separated.</summary>
    public required string Teams { get; set; }
    public Guid? BackupLineId { get; set; }
    public int MaxWaitImminentSeconds { get; set; }
    public int MaxWaitUrgentSeconds { get; set; }
    public int MaxWaitRoutineSeconds { get; set; }
    /// <summary>Caring contact steps ("1d 7d 1m … 12m"); null: the Comtois schedule (ADR 38).</summary>
    public string? CaringSchedule { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
