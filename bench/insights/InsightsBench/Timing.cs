using System.Diagnostics;
using Kith.Insights.Detection;

namespace InsightsBench;

/// <summary>One timed pass: how many series and monitored points, wall and process CPU seconds, alarms raised, series that stopped.</summary>
internal sealed record Pass(string Name, int Threads, int Series, long Points, double Wall, double Cpu, long Alarms, int Stopped, int Repeats = 1)
{
    public double WallPerSeries => Wall / (Series * Repeats);
    public double CpuPerSeries => Cpu / (Series * Repeats);
    public double SeriesPerSecond => Series * Repeats / Wall;
}

/// <summary>A series' answer: the detection, or the message it stopped with (as R stops with an error).</summary>
internal sealed record Outcome(Detection? Detection, string? Error);

/// <summary>
/// Times a detector over numbered series (1-based): a warm-up (not timed) so the JIT has compiled the hot code at its
/// final tier, then the passes. Only the detector calls are inside the clock: the series are parsed and built before.
/// </summary>
internal sealed class Timing(string name, int count, Func<int, Detection> detect)
{
    public int Count => count;

    public Outcome Run(int number)
    {
        try { return new Outcome(detect(number), null); }
        catch (DetectionException e) { return new Outcome(null, e.Message); }
    }

    public void WarmUp(int series)
    {
        var clock = Stopwatch.StartNew();
        // At least the given number of series and at least two seconds: tiered compilation promotes hot methods
        // after 30 calls and a quiet 100 ms, and dynamic PGO re-jits them once more.
        for (var i = 0; i < series || clock.Elapsed < TimeSpan.FromSeconds(2); i++) Run(i % count + 1);
        Console.WriteLine($"{name}: warm-up {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// One thread, in series order, on the calling thread; the whole list again until <paramref name="atLeast"/> has
    /// passed (a short pass is at the mercy of one scheduler hiccup on a shared machine), the first round's answers kept.
    /// </summary>
    public Pass Single(IReadOnlyList<int> numbers, string label, Dictionary<int, Outcome>? keep = null, double atLeast = 0)
    {
        Quiet();
        var (alarms, points, stopped, repeats) = (0L, 0L, 0, 0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (var number in numbers)
            {
                var outcome = Run(number);
                if (repeats > 0) continue;
                if (keep is not null) keep[number] = outcome;
                Tally(outcome, ref alarms, ref points, ref stopped);
            }
            repeats++;
        } while (clock.Elapsed.TotalSeconds < atLeast);
        clock.Stop();
        var pass = new Pass(label + (repeats > 1 ? $" ({repeats} rounds)" : ""), 1, numbers.Count, points, clock.Elapsed.TotalSeconds,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, alarms, stopped, repeats);
        Print(pass);
        return pass;
    }

    /// <summary>All cores: Parallel.For over every series, one detector call per series.</summary>
    public Pass Parallel(string label)
    {
        Quiet();
        var (alarms, points, stopped) = (0L, 0L, 0);
        var gate = new object();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        System.Threading.Tasks.Parallel.For(1, count + 1, () => (Alarms: 0L, Points: 0L, Stopped: 0), (number, _, local) =>
        {
            Tally(Run(number), ref local.Alarms, ref local.Points, ref local.Stopped);
            return local;
        }, local => { lock (gate) { alarms += local.Alarms; points += local.Points; stopped += local.Stopped; } });
        clock.Stop();
        var pass = new Pass(label, Environment.ProcessorCount, count, points, clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, alarms, stopped);
        Print(pass);
        return pass;
    }

    private static void Tally(Outcome outcome, ref long alarms, ref long points, ref int stopped)
    {
        if (outcome.Detection is null) { stopped++; return; }
        points += outcome.Detection.Points.Count;
        foreach (var point in outcome.Detection.Points) if (point.Alarm == true) alarms++;
    }

    /// <summary>Starts each pass without the previous one's garbage.</summary>
    private static void Quiet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private void Print(Pass p) =>
        Console.WriteLine($"{name} {p.Name}: {p.Series:N0} series, {p.Points:N0} points in {p.Wall:0.00} s ({p.Cpu:0.00} CPU s, {p.Threads} thread(s)): "
            + $"{1000 * p.WallPerSeries:0.000} ms per series, {p.SeriesPerSecond:N0} series/s; {p.Alarms:N0} alarms, {p.Stopped} stopped (load {Machine.Load()})");
}
