using Microsoft.Extensions.Options;
using Twilio.Security;

namespace Kith.Lines.Sms;

/// <summary>
/// <c>X-Twilio-Signature</c> as Twilio defines it — HMAC-SHA1 keyed by the auth token over the full public URL and every
/// POST parameter sorted by name, base64 — checked with the official package's validator. The URL is the configured
/// public address plus the path and query Twilio called, never the Host a proxy forwarded.
/// </summary>
internal sealed class TwilioSignature(IOptions<LineOptions> options)
{
    public const string Header = "X-Twilio-Signature";

    public bool Valid(HttpRequest request, IFormCollection form, string signature)
    {
        var o = options.Value;
        var url = o.PublicBaseUrl!.TrimEnd('/') + request.Path + request.QueryString;
        var parameters = form.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        return new RequestValidator(o.Sms.AuthToken!).Validate(url, parameters, signature);
    }
}
