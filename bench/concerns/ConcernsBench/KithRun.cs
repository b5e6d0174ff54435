using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConcernsBench;

/// <summary>
/// Kith under load, over HTTP, as a partner app and a responder see it: first the probe alone (a responder's screen
/// while concerns trickle in), then 50 clients POSTing /api/concerns back to back with the probe still running.
/// Every 201 is a committed concern (the receipt is returned after the one transaction); afterwards the database is
/// counted to confirm it.
/// </summary>
internal static class KithRun
{
    public static async Task<Dictionary<string, object>> RunAsync(Dictionary<string, string> o, int clients, TimeSpan warmUp, TimeSpan duration)
    {
        var server = new Uri(o["url"]);
        var provider = o["provider"];
        var probeSeconds = TimeSpan.FromSeconds(double.Parse(o.GetValueOrDefault("probe-seconds", "20"), System.Globalization.CultureInfo.InvariantCulture));
        var probeRate = double.Parse(o.GetValueOrDefault("probe-rate", "20"), System.Globalization.CultureInfo.InvariantCulture);
        var kithPid = int.Parse(o["kith-pid"], System.Globalization.CultureInfo.InvariantCulture);
        var stats = new Dictionary<string, object> { ["provider"] = provider };
        var mix = ConcernMix.Make(5000, ConcernMix.Seed);
        var probeMix = ConcernMix.Make(2000, ConcernMix.Seed + 1, language: "so");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, UseCookies = false })
        {
            BaseAddress = server, Timeout = TimeSpan.FromSeconds(60),
        };
        var accepted = 0;
        var next = 0;
        async Task<(bool, string?)> SubmitAsync(int _)
        {
            var body = mix[Interlocked.Increment(ref next) % mix.Count];
            using var content = new ByteArrayContent(body.Json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/api/concerns", content);
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.Created) return (false, "HTTP " + (int)response.StatusCode);
            Interlocked.Increment(ref accepted);
            return (true, null);
        }

        await using var probe = new ResponderProbe(server);
        await probe.SignInAndListenAsync(o["probe-email"], o["password"]);

        // A short warm-up of the whole path (JIT, pools), not measured.
        await ClosedLoop.RunAsync(clients, TimeSpan.Zero, warmUp, SubmitAsync);

        await using DbConnection db = provider == "postgres" ? new NpgsqlConnection(o["connection"]) : new SqliteConnection(o["connection"]);
        await db.OpenAsync();
        // The job runner delivers each concern's emails after the commit, in transactions of its own, competing with
        // the submissions; how much of that backlog it cleared in each window says whose CPU the window paid for.
        async Task<long> DeliveredAsync() => Convert.ToInt64(await RawInserts.ScalarAsync(db, "SELECT count(*) FROM platform_outbox WHERE completed_at IS NOT NULL"));

        Console.WriteLine($"{provider}: probe alone, {probeRate}/s for {probeSeconds.TotalSeconds} s");
        var (cpuIdle, deliveredIdle) = (Cpu.Sample(kithPid), await DeliveredAsync());
        var idle = await probe.RunAsync(probeSeconds, probeRate, probeMix);
        stats["probe_idle"] = idle;
        stats["cpu_probe_alone"] = Cpu.Between(cpuIdle, Cpu.Sample(kithPid), idle.Accepted);
        stats["outbox_delivered_probe_alone"] = await DeliveredAsync() - deliveredIdle;

        Console.WriteLine($"{provider}: {clients} clients for {warmUp.TotalSeconds} + {duration.TotalSeconds} s, probe alongside");
        if (provider == "postgres") await Statements.ResetAsync(db);
        var acceptedBefore = accepted;
        var (cpuBefore, deliveredBefore) = (Cpu.Sample(kithPid), await DeliveredAsync());
        var probing = Task.Delay(warmUp).ContinueWith(_ => probe.RunAsync(duration, probeRate, probeMix), TaskScheduler.Default).Unwrap();
        var load = await ClosedLoop.RunAsync(clients, warmUp, duration, SubmitAsync);
        var probed = await probing;
        var cpuAfter = Cpu.Sample(kithPid);
        stats["outbox_delivered_load"] = await DeliveredAsync() - deliveredBefore;
        stats["load"] = load;
        stats["probe_under_load"] = probed;
        var acceptedDuring = accepted - acceptedBefore + probed.Accepted;
        stats["cpu"] = Cpu.Between(cpuBefore, cpuAfter, acceptedDuring);
        stats["accepted_total"] = accepted + idle.Accepted + probed.Accepted;
        if (provider == "postgres") stats["statements"] = await Statements.TopAsync(db, acceptedDuring);

        foreach (var (name, sql) in new[]
        {
            ("concerns", "SELECT count(*) FROM concerns_reports"),
            ("concerns_probe", "SELECT count(*) FROM concerns_reports WHERE language = 'so'"),
            ("imminent", "SELECT count(*) FROM concerns_reports WHERE tier = 'imminent'"),
            ("urgent", "SELECT count(*) FROM concerns_reports WHERE tier = 'urgent'"),
            ("status_changes", "SELECT count(*) FROM concerns_status_changes"),
            ("alerts", "SELECT count(*) FROM concerns_alerts"),
            ("outbox", "SELECT count(*) FROM platform_outbox"),
            ("outbox_undelivered", "SELECT count(*) FROM platform_outbox WHERE completed_at IS NULL AND due_at <= " + (provider == "postgres" ? "now()" : "datetime('now')")),
        })
            stats["rows_" + name] = Convert.ToInt64(await RawInserts.ScalarAsync(db, sql));
        stats["mean_narrative_chars"] = Convert.ToDouble(await RawInserts.ScalarAsync(db, "SELECT avg(length(narrative)) FROM concerns_reports"));
        return stats;
    }
}
