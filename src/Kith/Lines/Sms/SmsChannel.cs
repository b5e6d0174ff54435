using Kith.Platform.Messaging;
using Microsoft.Extensions.Options;

namespace Kith.Lines.Sms;

/// <summary>
/// The SMS adapter's sending half: one text from a line's number to a texter, answered with the provider's id of it
/// (kept to match delivery callbacks). The core never knows which provider it is.
/// </summary>
internal interface ISmsChannel
{
    Task<string> SendAsync(string from, string to, string body, string reference, CancellationToken ct);
}

/// <summary>A Twilio-compatible Messages API, through the platform's SMS gateway (Basic auth, form body, configurable base URL).</summary>
internal sealed class TwilioSmsChannel(SmsGateway gateway, IOptions<LineOptions> options) : ISmsChannel
{
    public async Task<string> SendAsync(string from, string to, string body, string reference, CancellationToken ct) =>
        await gateway.PostAsync(from, to, body, StatusCallback(options.Value), ct)
        ?? throw new MessageNotSentException("SMS: the gateway accepted the message but gave no id.");

    private static string? StatusCallback(LineOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? null : options.PublicBaseUrl.TrimEnd('/') + SmsEndpoints.StatusPath;
}

/// <summary>
/// Development and tests: the platform's development sink keeps the text (see /staff/messages) addressed to the
/// conversation's reference, never to the number, and the id is made up.
/// </summary>
internal sealed class DevelopmentSmsChannel(DevelopmentSink sink) : ISmsChannel
{
    public async Task<string> SendAsync(string from, string to, string body, string reference, CancellationToken ct)
    {
        var id = "DEV" + Guid.NewGuid().ToString("N");
        await sink.SendAsync(new OutgoingMessage(MessageChannel.Sms, $"texter on {reference}", "", body, $"lines:{id}"), ct);
        return id;
    }
}
