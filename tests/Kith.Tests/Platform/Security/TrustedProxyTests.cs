using System.Net.Http.Json;
using System.Text.Json;
using Kith.Tests.Concerns;
using Kith.Tests.Concerns.Privacy;

namespace Kith.Tests.Platform.Security;

/// <summary>
/// Per-client brakes behind a load balancer (ADR 17): requests arrive on real loopback connections from the
/// proxy's own address carrying X-Forwarded-For, as they would from a balancer. From the listed proxy each
/// forwarded client has its own brakes; from any other address the header is ignored; and no client address
/// reaches the database, the logs (at Trace) or /metrics.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TrustedProxyTests(TrustedProxyTests.App app) : IClassFixture<TrustedProxyTests.App>
{
    private const string Proxy = "127.0.0.20";
    private const string Untrusted = "127.0.0.21";
    private const int PublicPerMinute = 3;

    public sealed class App : KithApp
    {
        public App() => Set("Kith:Network:TrustedProxies:0", "127.0.0.16/30").Set("Kith:Network:TrustedProxies:1", Proxy)
            .Set("Kith:RateLimits:PublicPerMinute", PublicPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set("Kith:Concerns:ReceiptFailuresPerClient", "2")
            .Set("Logging:LogLevel:Default", "Trace").Set("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_has_its_own_brakes_and_no_address_is_kept()
    {
        string[] clients = ["203.0.113.41", "203.0.113.42", "2001:db8:41::7", "203.0.113.43", "203.0.113.44"];
        using var proxy = StoredBytes.ClientFrom(Proxy, app.Address);

        // Public limit: the first client spends its budget; the second still gets through.
        var first = await Times(PublicPerMinute + 1, () => Send(proxy, HttpMethod.Get, "/api/crisis-lines", clients[0]));
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, PublicPerMinute), HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, await Send(proxy, HttpMethod.Get, "/api/crisis-lines", clients[1]));
        Assert.Equal(HttpStatusCode.OK, await Send(proxy, HttpMethod.Get, "/api/crisis-lines", clients[2]));

        // Receipt guessing: two wrong receipts brake the guesser, not the next reporter.
        var guesses = await Times(3, () => Send(proxy, HttpMethod.Post, "/api/concerns/follow-up", clients[3], new { receipt = "0000-0000-0000-0000-0000" }));
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], guesses);
        using var reporter = StoredBytes.ClientFrom(Proxy, app.Address);
        reporter.DefaultRequestHeaders.Add("X-Forwarded-For", clients[4]);
        var (receipt, _) = await ConcernData.SubmitAsync(reporter, ConcernData.Routine("Proxy-marker-5c2e"));
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt })).StatusCode);

        var metrics = await (await app.MetricsAsync()).Content.ReadAsStringAsync();
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        Assert.Contains(concern.Reference, await StoredBytes.FindAsync(app.Database, [concern.Reference])); // the scan sees what is stored
        string[] identifying = [.. clients, "2001:db8:41::", Proxy];
        Assert.Empty(await StoredBytes.FindAsync(app.Database, identifying));
        var logs = app.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("/api/concerns/follow-up", StringComparison.Ordinal)); // control: request logging is on
        Assert.DoesNotContain(logs, l => identifying.Any(i => l.Contains(i, StringComparison.Ordinal)));
        Assert.DoesNotContain(identifying, i => metrics.Contains(i, StringComparison.Ordinal));
    }

    [Fact]
    public async Task From_an_address_not_listed_the_forwarded_header_is_ignored()
    {
        using var stranger = StoredBytes.ClientFrom(Untrusted, app.Address);

        // Every request claims a new client; all are one client, the connection, and share one budget.
        var claims = await Times(PublicPerMinute + 1, i => Send(stranger, HttpMethod.Get, "/api/crisis-lines", $"198.51.100.{60 + i}"));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, PublicPerMinute), HttpStatusCode.TooManyRequests], claims);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("198.51.100.6", StringComparison.Ordinal) || l.Contains(Untrusted, StringComparison.Ordinal));
    }

    private static Task<HttpStatusCode[]> Times(int count, Func<Task<HttpStatusCode>> send) => Times(count, _ => send());

    // One after another: the order of the answers is the point.
    private static async Task<HttpStatusCode[]> Times(int count, Func<int, Task<HttpStatusCode>> send)
    {
        var answers = new HttpStatusCode[count];
        for (var i = 0; i < count; i++) answers[i] = await send(i);
        return answers;
    }

    private static async Task<HttpStatusCode> Send(HttpClient via, HttpMethod method, string path, string client, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await via.SendAsync(request);
        return response.StatusCode;
    }
}
