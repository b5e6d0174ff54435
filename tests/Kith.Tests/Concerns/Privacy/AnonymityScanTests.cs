using System.Net.Http.Json;
using System.Text.Json;

namespace Kith.Tests.Concerns.Privacy;

/// <summary>
/// The anonymity promise, checked from outside: a reporter on a real loopback connection from an address of
/// its own, with a distinctive user agent and proxy headers, submits, reads and answers. Afterwards neither
/// the database's stored bytes, nor any log line (at Trace), nor the metrics carry the address, the agent or
/// the forwarded addresses, even when the connection is a trusted proxy whose forwarded address Kith uses as the key.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AnonymityScanTests : IClassFixture<AnonymityScanTests.App>
{
    private const string ClientAddress = "127.0.0.9";
    private const string UserAgent = "ReporterPhone/7.3 (anon-probe-ua-4e1d)";
    private static readonly string[] Forwarded = ["203.0.113.77", "198.51.100.23", "192.0.2.61"];
    private readonly App app;

    public AnonymityScanTests(App app) => this.app = app;

    public sealed class App : KithApp
    {
        // Everything at Trace, EF's SQL included: no category may carry what identifies a reporter. The reporter's
        // connection is a trusted proxy (ADR 17), so its X-Forwarded-For becomes the brakes' key: that address too
        // must stay a key in memory.
        public App() => Set("Kith:Network:TrustedProxies:0", ClientAddress).Set("Logging:LogLevel:Default", "Trace").Set("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .Set("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
    }

    [Fact]
    public async Task Nothing_stored_or_logged_identifies_an_anonymous_reporter()
    {
        var responder = await Staff.AddAsync(app, "anon@privacy.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Anon School"));
        var team = await ConcernData.AddTeamAsync(app, "Anon team", [responder]);
        await ConcernData.AddRuleAsync(app, team, 0);
        using var reporter = StoredBytes.ClientFrom(ClientAddress, app.Address, UserAgent);
        reporter.DefaultRequestHeaders.Add("X-Forwarded-For", Forwarded[0]);
        reporter.DefaultRequestHeaders.Add("X-Real-IP", Forwarded[1]);
        reporter.DefaultRequestHeaders.Add("Forwarded", $"for={Forwarded[2]};proto=https");

        var submitted = await reporter.PostAsJsonAsync("/api/concerns", ConcernData.Imminent("My friend wrote a goodbye note."));
        var receipt = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
        var opened = await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt });
        var answered = await reporter.PostAsJsonAsync("/api/concerns/follow-up/messages", new { receipt, text = "She is at home now." });
        var wrong = await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt = "0000-0000-0000-0000-0000" });
        var pages = await Task.WhenAll(reporter.GetAsync("/"), reporter.GetAsync("/help?q=grief"));
        var metrics = await (await app.MetricsAsync()).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.True(pages.All(p => p.StatusCode == HttpStatusCode.OK),
            string.Join("\n", app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).TakeLast(2)));
        // The API sets no cookie at all: nothing to recognise the reporter by next time.
        Assert.All(new[] { submitted, opened, answered, wrong }, r => Assert.False(r.Headers.Contains("Set-Cookie")));

        string[] identifying = [ClientAddress, UserAgent, "anon-probe-ua-4e1d", .. Forwarded];
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        // The scanner sees what is stored (a control), and none of what identifies the reporter.
        Assert.Contains(concern.Reference, await StoredBytes.FindAsync(app.Database, [concern.Reference]));
        Assert.Empty(await StoredBytes.FindAsync(app.Database, identifying));
        var logs = app.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("/api/concerns", StringComparison.Ordinal)); // control: request logging is on at Trace
        Assert.DoesNotContain(logs, l => identifying.Any(i => l.Contains(i, StringComparison.Ordinal)));
        Assert.DoesNotContain(identifying, i => metrics.Contains(i, StringComparison.Ordinal));
    }
}
