using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Kith.Platform.Messaging;

/// <summary>
/// Sends SMS through a Twilio-compatible Messages API (<c>Kith:Messaging:Sms:Mode = http</c>): one form POST
/// per message with HTTP basic auth. Anything but 2xx throws, so the outbox retries with backoff.
/// </summary>
internal sealed class SmsGateway(IHttpClientFactory clients, IOptions<MessagingOptions> options) : IMessageSender
{
    public const string ClientName = "kith-sms";

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct) =>
        await PostAsync(options.Value.Sms.From!, message.To, message.Body, statusCallback: null, ct);

    /// <summary>
    /// Sends one text from <paramref name="from"/> (a line's own number, or the configured sender) and returns the
    /// gateway's id for it (Twilio's <c>sid</c>), which delivery callbacks to <paramref name="statusCallback"/> name.
    /// </summary>
    public async Task<string?> PostAsync(string from, string to, string body, string? statusCallback, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        var url = new Uri(new Uri(sms.BaseUrl.TrimEnd('/') + "/"), $"2010-04-01/Accounts/{Uri.EscapeDataString(sms.AccountSid!)}/Messages.json");
        List<KeyValuePair<string, string>> form = [new("From", from), new("To", to), new("Body", body)];
        if (statusCallback is not null) form.Add(new("StatusCallback", statusCallback));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sms.AccountSid}:{sms.AuthToken}")));
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, ct);
            // The gateway's error body may quote the number: only the status is kept.
            if (!response.IsSuccessStatusCode)
                throw new MessageNotSentException($"SMS: the gateway answered {(int)response.StatusCode}.");
            return await SidAsync(response, ct);
        }
        catch (HttpRequestException e)
        {
            throw new MessageNotSentException($"SMS: the gateway could not be reached ({e.HttpRequestError}).", e);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new MessageNotSentException($"SMS: the gateway did not answer within {sms.Timeout}.");
        }
    }

    /// <summary>The message resource's <c>sid</c>, or null when the gateway answered something else (it was still accepted).</summary>
    private static async Task<string?> SidAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var json = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty("sid", out var sid)
                && sid.GetString() is { Length: > 0 and <= 64 } id ? id : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
