using System.Diagnostics;
using System.Globalization;
using Kith.Insights.Detection;

namespace InsightsBench;

/// <summary>
/// Steps of bench/insights/run.sh:
/// <c>generate --out DIR --flexible-series 10000 --ears-series 100000 --r-flexible 200 --r-ears 2000 --seed 16</c> —
/// the seeded series (weekly.csv, daily.csv) and the subsample R runs on (r-flexible.txt, r-ears.txt);
/// <c>measure --out DIR --monitored-weeks 104 --command CMD --results PATH</c> — after R has run (r-bench.R): Kith's
/// detectors timed on every series and on R's subsample, compared with R's answers, and RESULTS.md written.
/// </summary>
internal static class BenchMain
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var o = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2) o[args[i].TrimStart('-')] = args[i + 1];
        int Integer(string name) => int.Parse(o[name], CultureInfo.InvariantCulture);
        switch (args.FirstOrDefault())
        {
            case "generate":
                Generate(o["out"], Integer("flexible-series"), Integer("ears-series"), Integer("r-flexible"), Integer("r-ears"), Integer("seed"));
                return 0;
            case "measure":
                Measure(o["out"], Integer("monitored-weeks"), o["command"], o["results"], long.Parse(o["started"], CultureInfo.InvariantCulture));
                return 0;
            default:
                Console.Error.WriteLine("usage: InsightsBench generate|measure --option value … (see Program.cs)");
                return 2;
        }
    }

    private static void Generate(string work, int weekly, int daily, int rWeekly, int rDaily, int seed)
    {
        var clock = Stopwatch.StartNew();
        Synthetic.Write(Path.Combine(work, "weekly.csv"), Synthetic.FirstWeek, Synthetic.Weeks, 7, weekly, n => Synthetic.Weekly(seed, n));
        Synthetic.Write(Path.Combine(work, "daily.csv"), Synthetic.FirstDay, Synthetic.Days, 1, daily, n => Synthetic.Daily(seed, n));
        File.WriteAllLines(Path.Combine(work, "r-flexible.txt"), Synthetic.Subsample(seed, 1, weekly, rWeekly).Select(n => n.ToString(CultureInfo.InvariantCulture)));
        File.WriteAllLines(Path.Combine(work, "r-ears.txt"), Synthetic.Subsample(seed, 2, daily, rDaily).Select(n => n.ToString(CultureInfo.InvariantCulture)));
        Console.WriteLine($"generated {weekly:N0} weekly series × {Synthetic.Weeks} weeks and {daily:N0} daily series × {Synthetic.Days} days (seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s: "
            + $"weekly.csv {new FileInfo(Path.Combine(work, "weekly.csv")).Length / 1e6:0.0} MB, daily.csv {new FileInfo(Path.Combine(work, "daily.csv")).Length / 1e6:0.0} MB");
    }

    private static void Measure(string work, int monitoredWeeks, string command, string results, long started)
    {
        var clock = Stopwatch.StartNew();
        var weekly = WideFile.Read(Path.Combine(work, "weekly.csv"));
        var daily = WideFile.Read(Path.Combine(work, "daily.csv"));
        int[] Numbers(string file) => File.ReadAllLines(Path.Combine(work, file)).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var (rWeekly, rDaily) = (Numbers("r-flexible.txt"), Numbers("r-ears.txt"));
        Console.WriteLine($"read {weekly.Counts.Length:N0} weekly and {daily.Counts.Length:N0} daily series in {clock.Elapsed.TotalSeconds:0.0} s");

        // The detectors as `kith insights detect` runs them: farringtonFlexible with R's defaults from the first of the
        // last monitoredWeeks weeks; earsC2 with R's defaults and R's default range (every point with a full baseline).
        // b = 5 is R 1.20.3's default for farringtonFlexible (its formals: b = 5, w = 3, …); Kith's own default is 3
        // (FarringtonOptions.Years), so it is given here as `--option b=5` would give it. R runs with no b at all.
        var flexibleOptions = FarringtonOptions.From(true, [("b", "5")]);
        var first = Synthetic.Weeks - monitoredWeeks;
        var weeklySeries = weekly.Counts.Select(c => new CountSeries(weekly.Dates, c, null)).ToArray();
        var earsOptions = new EarsOptions("C2");

        var flexible = Figures.Of("farringtonFlexible",
            new Timing("farringtonFlexible", weeklySeries.Length, n => Farrington.Run(weeklySeries[n - 1], flexibleOptions, first)),
            rWeekly, warmUp: 200);
        var ears = Figures.Of("earsC2",
            new Timing("earsC2", daily.Counts.Length, n => Ears.Run(daily.Dates, daily.Counts[n - 1], earsOptions)),
            rDaily, warmUp: 2_000);

        var flexibleAgreement = Agreement.Compare(Path.Combine(work, "r-flexible-results.csv"), Path.Combine(work, "r-errors.csv"), "farringtonFlexible", flexible.Kept, compareExpected: true);
        var earsAgreement = Agreement.Compare(Path.Combine(work, "r-ears-results.csv"), Path.Combine(work, "r-errors.csv"), "earsC2", ears.Kept, compareExpected: false);
        var rTiming = File.ReadAllLines(Path.Combine(work, "r-timing.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => new Pass("R " + c[0], 1, int.Parse(c[1], CultureInfo.InvariantCulture), long.Parse(c[2], CultureInfo.InvariantCulture),
                double.Parse(c[3], CultureInfo.InvariantCulture), double.Parse(c[4], CultureInfo.InvariantCulture), 0, 0));
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - started;
        Report.Write(results, command, File.ReadAllText(Path.Combine(work, "machine.txt")) + $"load at end: {Machine.Load()}\nrun.sh took: {seconds / 60} min {seconds % 60} s (build, generation, R, Kith)\n",
            File.ReadAllText(Path.Combine(work, "run.log")),
            new Report.Method("farringtonFlexible", $"{weekly.Counts.Length:N0} weekly series × {Synthetic.Weeks} weeks (10 years); R's defaults (b = 5 years back, w = 3, reweighting, trend test, limit54 = 5 cases in 4 weeks, 2/3-power delta bound, α = 0.05), the last {monitoredWeeks} weeks monitored",
                [rTiming["farringtonFlexible"]], flexible, flexibleAgreement),
            new Report.Method("earsC C2", $"{daily.Counts.Length:N0} daily series × {Synthetic.Days} days (2 years); R's defaults (baseline 7 days, lag 2, α = 0.001, minSigma 0) and R's default range: every day from the 10th, {Synthetic.Days - 9} days monitored",
                [rTiming["earsC2"], rTiming["earsC2-one-call"]], ears, earsAgreement));
        Console.WriteLine($"wrote {results}");
    }
}

/// <summary>Kith's passes for one detector: one thread over every series, one thread over R's subsample (its answers kept), all cores over every series.</summary>
internal sealed record Figures(Pass All, Pass Subsample, Pass Parallel, Dictionary<int, Outcome> Kept)
{
    public static Figures Of(string name, Timing timing, int[] subsample, int warmUp)
    {
        timing.WarmUp(warmUp);
        var everything = Enumerable.Range(1, timing.Count).ToArray();
        var all = timing.Single(everything, "one thread, every series");
        var kept = new Dictionary<int, Outcome>();
        var same = timing.Single(subsample, "one thread, R's subsample", kept, atLeast: 3);
        var parallel = timing.Parallel("all cores, every series");
        if (parallel.Alarms != all.Alarms || parallel.Points != all.Points) throw new InvalidOperationException($"{name}: the parallel pass found other answers than the single-threaded one");
        return new Figures(all, same, parallel, kept);
    }
}
