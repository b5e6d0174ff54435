using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace LinesBench;

/// <summary>
/// Inbound texts as Twilio sends them: form-encoded, signed with <c>X-Twilio-Signature</c> (HMAC-SHA1 keyed by the auth
/// token over the public URL followed by every parameter sorted by name, name then value, base64) for the public address
/// every node is configured with, as behind a load balancer.
/// </summary>
internal sealed class Webhooks : IDisposable
{
    public const string Path = "/api/lines/sms/inbound";

    private static readonly string[] Bodies =
    [
        "it has been a long week on the farm and I just need to talk to someone",
        "hi, is anyone there? I can't sleep again",
        "my brother came back from deployment and he is not himself",
        "work is piling up and I feel like I'm drowning a bit",
        "thanks for answering last time, can we talk again",
        "I don't really know why I'm texting, just lonely tonight",
    ];

    private readonly HttpClient client;
    private readonly IReadOnlyList<Uri> nodes;

    public Webhooks(IReadOnlyList<Uri> nodes, int connections)
    {
        this.nodes = nodes;
        client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The texter numbers of the conversations kept open during the run.</summary>
    public static string Sender(int i) => $"+1612555{i % 10000:D4}";

    public async Task<(bool Ok, string? Failure)> SendAsync(int node, string to, string from, string? body = null)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "ACbench", ["ApiVersion"] = "2010-04-01", ["Body"] = body ?? Bodies[Random.Shared.Next(Bodies.Length)],
            ["From"] = from, ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["NumMedia"] = "0", ["NumSegments"] = "1", ["To"] = to,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(nodes[node % nodes.Count], Path)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Sign(BenchMain.PublicBaseUrl + Path, form));
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK ? (true, null) : (false, ((int)response.StatusCode).ToString());
    }

    public static string Sign(string url, IReadOnlyDictionary<string, string> form)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal)) data.Append(name).Append(value);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(BenchMain.AuthToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    public void Dispose() => client.Dispose();
}
