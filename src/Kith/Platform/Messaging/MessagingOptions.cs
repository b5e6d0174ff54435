namespace Kith.Platform.Messaging;

internal enum EmailMode { Development, Smtp }

internal enum SmsMode { Development, Http }

/// <summary>Configuration section <c>Kith:Messaging</c>: how email and SMS leave the building (by default, they do not).</summary>
internal sealed class MessagingOptions
{
    public const string Section = "Kith:Messaging";
    public EmailOptions Email { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
}

internal sealed class EmailOptions
{
    public EmailMode Mode { get; set; } = EmailMode.Development;
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Upgrade the connection with STARTTLS (port 587). Off only for a relay on the same host or a test server.</summary>
    public bool StartTls { get; set; } = true;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool HasRelay => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
    public bool HasValidFrom => System.Net.Mail.MailAddress.TryCreate(From, out _);
}

/// <summary>A Twilio-compatible HTTP gateway (Twilio itself, or any service speaking its Messages API).</summary>
internal sealed class SmsOptions
{
    public SmsMode Mode { get; set; } = SmsMode.Development;
    public string BaseUrl { get; set; } = "https://api.twilio.com";
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }
    public string? From { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool HasAccount => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken) && !string.IsNullOrWhiteSpace(From);
    public bool HasValidBaseUrl => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http";
}
