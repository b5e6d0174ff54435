namespace Kith.Lines;

/// <summary>Configuration section <c>Kith:Lines</c>: where the provider reaches this deployment, and the SMS adapter's secret.</summary>
internal sealed class LineOptions
{
    public const string Section = "Kith:Lines";

    /// <summary>The public address the provider calls (e.g. https://kith.riverbend.example): signatures are computed over it, not over what the proxy forwarded.</summary>
    public string? PublicBaseUrl { get; set; }
    public LineSmsOptions Sms { get; set; } = new();
    /// <summary>How many conversations one responder holds at once before "help the next person" says no.</summary>
    public int MaxActivePerResponder { get; set; } = 3;
    /// <summary>Days after its close that a conversation's messages and its link to the sender are erased (counts stay).</summary>
    public int PurgeClosedAfterDays { get; set; } = 90;
}

internal sealed class LineSmsOptions
{
    /// <summary>Off by default: the webhooks answer 404 until an operator sets up the provider.</summary>
    public bool Enabled { get; set; }
    /// <summary>The provider's auth token: the key of <c>X-Twilio-Signature</c>.</summary>
    public string? AuthToken { get; set; }
}
