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

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        var url = new Uri(new Uri(sms.BaseUrl.TrimEnd('/') + "/"), $"2010-04-01/Accounts/{Uri.EscapeDataString(sms.AccountSid!)}/Messages.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent([new("From", sms.From!), new("To", message.To), new("Body", message.Body)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sms.AccountSid}:{sms.AuthToken}")));
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, ct);
            // The gateway's error body may quote the number: only the status is kept.
            if (!response.IsSuccessStatusCode)
                throw new MessageNotSentException($"SMS: the gateway answered {(int)response.StatusCode}.");
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
}
