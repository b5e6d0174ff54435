using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Kith.Responders.Escalation;

namespace Kith.Tests.Concerns.Durability;

/// <summary>
/// A node is killed with SIGKILL while 50 clients submit. After a restart, every receipt a client was given
/// opens its concern, and every concern in the database is whole: its history, its page and its deadline.
/// </summary>
[Trait("Category", "Integration")]
[RunsLong]
public sealed class SubmissionCrashTests(KithApp app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<KithApp>
{
    private const int Clients = 50;

    [Fact]
    public async Task Every_receipt_handed_out_before_a_kill_opens_a_whole_concern_after_restart()
    {
        await Staff.AddAsync(app, "admin@crash.test", Roles.Admin); // no routing rule: the administrator is paged for each
        var environment = NodeEnvironment();
        var receipts = new ConcurrentBag<string>();
        var node = await KithProcess.StartNodeAsync(environment);
        using var stop = new CancellationTokenSource();
        var unexpected = new ConcurrentBag<string>();
        var clients = Enumerable.Range(0, Clients).Select(i => Task.Run(() => SubmitUntilStoppedAsync(node.Address!, i, receipts, unexpected, stop.Token))).ToArray();

        // Kill mid-stream: once enough receipts are out, so requests are certainly in flight.
        for (var i = 0; i < 600 && receipts.Count < 150; i++) await Task.Delay(50);
        await node.KillAsync();
        await stop.CancelAsync();
        var failures = await Task.WhenAll(clients);
        var nodeErrors = string.Join("\n", node.Output.Split('\n').Where(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)).Take(3));
        await node.DisposeAsync();
        Assert.True(unexpected.IsEmpty, $"answers other than 201 before the kill: {string.Join(", ", unexpected.Distinct())}\n{nodeErrors}");

        output.WriteLine($"{app.Database.Provider}: {receipts.Count} receipts handed out before SIGKILL; {failures.Sum()} requests cut off");
        Assert.True(receipts.Count >= 50, $"only {receipts.Count} receipts before the kill");
        Assert.True(failures.Sum() > 0, "no request was cut off by the kill"); // the kill really hit work in flight
        await using var restarted = await KithProcess.StartNodeAsync(environment);
        using var reporter = new HttpClient { BaseAddress = restarted.Address };
        foreach (var receipt in receipts)
        {
            var opened = await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt });
            Assert.True(opened.StatusCode == HttpStatusCode.OK, $"receipt {receipt} does not open: {(int)opened.StatusCode}");
        }
        await AssertNothingHalfWrittenAsync(receipts.Count);
    }

    /// <summary>Submits in a loop; returns how many requests failed (cut off by the kill).</summary>
    private static async Task<int> SubmitUntilStoppedAsync(Uri address, int client, ConcurrentBag<string> receipts, ConcurrentBag<string> unexpected,
        CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var failures = 0;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                var response = await http.PostAsJsonAsync("/api/concerns", new
                {
                    about = "friend", categories = new[] { n % 3 == 0 ? "suicide-self-harm" : "bullying" }, urgency = n % 2 == 0 ? "soon" : "can-wait",
                    narrative = $"Crash test concern {client}-{n}: they have not been at practice all week and seem withdrawn.",
                }, CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    unexpected.Add($"{(int)response.StatusCode}");
                    continue;
                }
                receipts.Add((await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("receipt").GetString()!);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                failures++;
                if (stop.IsCancellationRequested) break;
                await Task.Delay(20, CancellationToken.None); // the node is going down; the loop ends with the stop signal
            }
        }
        return failures;
    }

    private async Task AssertNothingHalfWrittenAsync(int handedOut)
    {
        var (concerns, withoutHistory, withoutDeadline, withoutPage) = await ConcernData.ReadAsync(app, async db =>
        {
            var ids = await db.Concerns.Select(c => c.Id).ToListAsync();
            var history = (await db.ConcernStatusChanges.Select(s => s.ConcernId).Distinct().ToListAsync()).ToHashSet();
            var keys = (await db.Outbox.Where(m => m.Topic == AcknowledgeDeadlineHandler.TopicName).Select(m => m.IdempotencyKey).ToListAsync()).ToHashSet();
            var paged = (await db.Alerts.Select(a => a.SubjectId).Distinct().ToListAsync()).ToHashSet();
            return (ids.Count, ids.Count(i => !history.Contains(i)), ids.Count(i => !keys.Contains($"concern-deadline:{i:N}:0")), ids.Count(i => !paged.Contains(i)));
        });
        output.WriteLine($"{concerns} concerns stored after restart");
        Assert.True(concerns >= handedOut, $"{concerns} concerns stored, {handedOut} receipts handed out");
        Assert.Equal((0, 0, 0), (withoutHistory, withoutDeadline, withoutPage));
        if (!app.Database.IsPostgres)
            Assert.Equal(["ok"], await ConcernData.ReadAsync(app, db => db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()));
    }

    private Dictionary<string, string> NodeEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["Kith__KeyRingPath"] = app.KeyRingPath,
            ["Kith__DemoOnFirstStart"] = "false",
            ["Kith__MigrateOnStart"] = "false",
            ["Kith__Jobs__Enabled"] = "false",
            ["Kith__RateLimits__PublicPerMinute"] = "1000000",
        };
        foreach (var (key, value) in app.Database.Settings()) environment[key.Replace(":", "__")] = value ?? "";
        return environment;
    }
}
