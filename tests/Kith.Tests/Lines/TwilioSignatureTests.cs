using System.Security.Cryptography;
using System.Text;
using Twilio.Security;

namespace Kith.Tests.Lines;

/// <summary>Twilio's published signature example (its security docs: auth token 12345), checked with the official validator Kith uses and with the tests' own signer.</summary>
public sealed class TwilioSignatureTests
{
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Expected = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static readonly Dictionary<string, string> Example = new()
    {
        ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+14158675309", ["Digits"] = "1234", ["From"] = "+14158675309", ["To"] = "+18005551212",
    };

    [Fact]
    public void The_published_example_validates_and_any_change_fails()
    {
        var validator = new RequestValidator("12345");
        Assert.True(validator.Validate(Url, Example, Expected));
        Assert.False(validator.Validate(Url, new Dictionary<string, string>(Example) { ["Digits"] = "1235" }, Expected));
        Assert.False(validator.Validate(Url.Replace("foo=1", "foo=2"), Example, Expected));
        Assert.False(new RequestValidator("12346").Validate(Url, Example, Expected));
        Assert.Equal(Expected, Sign(Url, Example, "12345")); // the tests' signer agrees with Twilio
    }

    /// <summary>Twilio's algorithm, written out: HMAC-SHA1 keyed by the auth token over the URL and every parameter sorted by name as name+value, base64.</summary>
    internal static string Sign(string url, IEnumerable<KeyValuePair<string, string>> form, string token) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token),
            Encoding.UTF8.GetBytes(url + string.Concat(form.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value)))));
}
