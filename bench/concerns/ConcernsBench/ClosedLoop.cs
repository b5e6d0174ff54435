using System.Collections.Concurrent;
using System.Diagnostics;

namespace ConcernsBench;

/// <summary>Latency percentiles in milliseconds (nearest rank).</summary>
internal sealed record Latency(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static Latency Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToList();
        if (sorted.Count == 0) return new(0, 0, 0, 0, 0, 0);
        double At(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
        return new(sorted.Count, At(0.50), At(0.90), At(0.99), sorted[^1], sorted.Average());
    }

    public override string ToString() => $"p50 {P50:0.0} ms, p90 {P90:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms";
}

/// <summary>What a closed-loop run measured: operations completed inside the measured window, their latency, failures.</summary>
internal sealed record LoopResult(int Clients, double Seconds, int Completed, double PerSecond, Latency Latency,
    int Failed, Dictionary<string, int> Failures, string LoadBefore, string LoadAfter);

/// <summary>
/// N clients, each with one operation outstanding at a time, back to back (a closed loop, as 50 people pressing
/// "send" would be if each pressed again the moment they got an answer). A warm-up is discarded; an operation counts
/// when it completes inside the measured window. Each client runs on its own thread, so drivers that block (SQLite's
/// busy wait sleeps) cannot starve the others of threads.
/// </summary>
internal static class ClosedLoop
{
    /// <param name="operation">client index → (true, null) when the operation succeeded; (false, a name for the report)
    /// or an exception is a failure.</param>
    public static async Task<LoopResult> RunAsync(int clients, TimeSpan warmUp, TimeSpan duration,
        Func<int, Task<(bool Ok, string? Failure)>> operation)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var measureTo = warmUp + duration;
        var samples = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();
        var loadBefore = "";

        async Task Client(int index)
        {
            while (clock.Elapsed < measureTo)
            {
                var start = clock.Elapsed;
                string? failure;
                try
                {
                    var (ok, why) = await operation(index);
                    failure = ok ? null : why ?? "failed";
                }
                catch (Exception e) { failure = e.GetType().Name; }
                var end = clock.Elapsed;
                if (end < measureFrom || end > measureTo) continue;
                if (failure is null) samples.Add((end - start).TotalMilliseconds);
                else failures.AddOrUpdate(failure, 1, (_, n) => n + 1);
            }
        }

        var warm = Task.Delay(warmUp).ContinueWith(_ => loadBefore = Machine.Load(), TaskScheduler.Default);
        var tasks = Enumerable.Range(0, clients)
            .Select(i => Task.Factory.StartNew(() => Client(i), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())
            .ToList();
        await Task.WhenAll(tasks);
        await warm;
        var latency = Latency.Of(samples);
        return new LoopResult(clients, duration.TotalSeconds, latency.Count, latency.Count / duration.TotalSeconds, latency,
            failures.Values.Sum(), new Dictionary<string, int>(failures), loadBefore, Machine.Load());
    }
}

internal static class Machine
{
    /// <summary>The 1/5/15-minute load averages (the machine is shared; other builds show up here).</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
