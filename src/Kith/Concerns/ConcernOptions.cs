namespace Kith.Concerns;

/// <summary>Deployment settings of the concerns module (<c>Kith:Concerns</c>; acknowledgement allowances and the link base of pages, in the same section, are read by Responders).</summary>
internal sealed class ConcernOptions
{
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
}
