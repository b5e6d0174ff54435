using System.Diagnostics;
using ConcernsBench;

namespace LinesBench;

/// <summary>Webhook → consoles: every console's arrival time for every probe, and per node (the node the webhook was posted to, and the other).</summary>
internal sealed record ProbeResult(double Seconds, int Probes, int Consoles, Latency ToConsoles, Latency SameNode, Latency OtherNode,
    int Missed, int Failed, string LoadBefore, string LoadAfter);

internal sealed record KithResult(string Name, int Nodes, int Conversations, double SeedSeconds, double SeedPerSecond,
    LoopResult Webhooks, int Consoles, ProbeResult ProbeAlone, LoopResult WebhooksWithConsoles, ProbeResult ProbeUnderLoad);

/// <summary>
/// One configuration (one node, or two on one database): 1,000 conversations opened by their first texts; signed
/// webhooks per second from N clients in a closed loop, each text from one of those 1,000 texters (so it joins an open
/// conversation, as most texts do); then the consoles connect and the probe, one webhook at a time to the probe line,
/// times the arrival of its <c>line-conversation</c> event at every console — alone, then alongside the same load.
/// </summary>
internal static class KithRun
{
    public static async Task<KithResult> RunAsync(string name, IReadOnlyList<Uri> nodes, string email, string password, Guid probeLine,
        int clients, TimeSpan warmUp, TimeSpan duration, int conversations, int consoles, int probeRate)
    {
        using var webhooks = new Webhooks(nodes, clients);
        Console.WriteLine($"{name}: opening {conversations} conversations");
        var seedClock = Stopwatch.StartNew();
        var next = -1;
        var seedFailures = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < conversations)
                if (!(await webhooks.SendAsync(i, BenchMain.LoadNumber, Webhooks.Sender(i))).Ok) Interlocked.Increment(ref seedFailures);
        })));
        var seedSeconds = seedClock.Elapsed.TotalSeconds;
        if (seedFailures > 0) throw new InvalidOperationException($"{seedFailures} of the first texts failed: see Kith's log.");
        Console.WriteLine($"{name}: {conversations} conversations in {seedSeconds:0.0} s ({conversations / seedSeconds:0}/s)");

        Task<(bool, string?)> Load(int client) => webhooks.SendAsync(client, BenchMain.LoadNumber, Webhooks.Sender(Random.Shared.Next(conversations)));
        var alone = await ClosedLoop.RunAsync(clients, warmUp, duration, Load);
        Console.WriteLine($"{name}: {alone.PerSecond:0} signed webhooks/s, {alone.Latency}, {alone.Failed} failed (load {alone.LoadBefore} → {alone.LoadAfter})");

        await using var screens = new Consoles(nodes, probeLine);
        await screens.OpenAsync(consoles, email, password);
        Console.WriteLine($"{name}: {consoles} consoles listening");
        var probeAlone = await ProbeAsync(webhooks, screens, duration, probeRate, 0);
        Console.WriteLine($"{name}: webhook → {consoles} consoles, alone: {probeAlone.ToConsoles}, missed {probeAlone.Missed}");

        var probing = ProbeAsync(webhooks, screens, warmUp + duration, probeRate, 1_000_000);
        var loaded = await ClosedLoop.RunAsync(clients, warmUp, duration, Load);
        var probeLoaded = await probing;
        Console.WriteLine($"{name}: with consoles {loaded.PerSecond:0} webhooks/s, {loaded.Latency}; webhook → consoles under load: {probeLoaded.ToConsoles}, missed {probeLoaded.Missed}");
        return new KithResult(name, nodes.Count, conversations, seedSeconds, conversations / seedSeconds, alone, consoles, probeAlone, loaded, probeLoaded);
    }

    /// <summary>One probe webhook at a time to the probe line on the first node, at most <paramref name="perSecond"/> a second.</summary>
    private static async Task<ProbeResult> ProbeAsync(Webhooks webhooks, Consoles screens, TimeSpan duration, int perSecond, int first)
    {
        var loadBefore = Machine.Load();
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var due = TimeSpan.Zero;
        List<(double Ms, int Node)> arrivals = [];
        int probes = 0, missed = 0, failed = 0;
        while (clock.Elapsed < duration)
        {
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            due = Max(due + interval, clock.Elapsed);
            var probe = screens.Begin(first + probes);
            probe.Stamp();
            // Twenty texters on the probe line, in turn: their conversations stay open as the load's do.
            var (ok, _) = await webhooks.SendAsync(0, BenchMain.ProbeNumber, Webhooks.Sender(9000 + probes % 20));
            probes++;
            if (!ok) { failed++; continue; }
            missed += await probe.WaitAsync(TimeSpan.FromSeconds(5));
            arrivals.AddRange(probe.Arrivals);
        }
        return new ProbeResult(duration.TotalSeconds, probes, screens.Count, Latency.Of(arrivals.Select(a => a.Ms)),
            Latency.Of(arrivals.Where(a => a.Node == 0).Select(a => a.Ms)), Latency.Of(arrivals.Where(a => a.Node != 0).Select(a => a.Ms)),
            missed, failed, loadBefore, Machine.Load());
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
