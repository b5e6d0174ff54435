namespace Kith.Concerns;

/// <summary>Deployment settings of the concerns module (<c>Kith:Concerns</c>).</summary>
internal sealed class ConcernOptions
{
    /// <summary>How long each step of the escalation chain has to acknowledge an imminent concern.</summary>
    public TimeSpan ImminentAcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan UrgentAcknowledgeWithin { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Routine concerns: by the end of the next business day (this hour, deployment time zone).</summary>
    public int BusinessDayEndsAtHour { get; set; } = 17;
    /// <summary>Anonymous concerns lose their content this many days after closing; counts remain.</summary>
    public int PurgeAnonymousAfterDays { get; set; } = 90;
    /// <summary>Wrong receipts one client may try in <see cref="ReceiptWindowMinutes"/> before it must wait.</summary>
    public int ReceiptFailuresPerClient { get; set; } = 10;
    /// <summary>Wrong receipts per minute across the deployment in one of <see cref="Receipts.ReceiptGuard.Buckets"/> buckets
    /// before guesses in that bucket wait (a distributed guesser); other buckets are not affected (ADR 16).</summary>
    public int ReceiptFailuresPerBucketPerMinute { get; set; } = 10;
    public int ReceiptWindowMinutes { get; set; } = 15;
    /// <summary>Longest narrative, note or message accepted (characters).</summary>
    public int MaxTextLength { get; set; } = 10_000;
    /// <summary>Public base address used in links sent by email/SMS (e.g. https://kith.riverbend.example).</summary>
    public string? PublicBaseUrl { get; set; }
}
