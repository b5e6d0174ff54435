using System.Globalization;
using System.Text;

namespace InsightsBench;

/// <summary>bench/insights/RESULTS.md: the machine, the summary table (per-series times, the ratios, the agreement), then each detector's figures.</summary>
internal static class Report
{
    public const double Goal = 50;

    /// <summary>A detector's figures: R's passes (the fastest is R's figure), Kith's, and the comparison on R's series.</summary>
    public sealed record Method(string Name, string Data, IReadOnlyList<Pass> R, Figures Kith, Agreement Agreement)
    {
        public Pass BestR => R.MinBy(p => p.WallPerSeries)!;
        public double Ratio => BestR.WallPerSeries / Kith.Subsample.WallPerSeries;
        public double CpuRatio => BestR.CpuPerSeries / Kith.Subsample.CpuPerSeries;
        public double AllCoresRatio => BestR.WallPerSeries / Kith.Parallel.WallPerSeries;
        public bool Identical => Agreement.Mismatches.Count == 0 && Agreement.SeriesIdentical == Agreement.Series;
        public bool Met => Ratio >= Goal && Identical;
    }

    public static void Write(string path, string command, string machine, string log, params Method[] methods)
    {
        var s = new StringBuilder();
        s.AppendLine("# Spike detection: Kith's detectors against R surveillance on the same series");
        s.AppendLine();
        s.AppendLine("Written by `bench/insights/run.sh` (the figures are the script's; see `bench/insights/README.md` for the method).");
        s.AppendLine();
        s.AppendLine($"```\n{command}\n```");
        s.AppendLine();
        s.AppendLine($"## Machine\n\n```\n{machine.TrimEnd()}\n```");
        s.AppendLine();
        s.AppendLine("## Summary");
        s.AppendLine();
        s.AppendLine("Per-series times are the detector calls alone (wall clock, one thread unless said): inside R, `proc.time()` around the loop of");
        s.AppendLine("`farringtonFlexible`/`earsC` calls on the seeded subsample (R's start-up, reading the file and building the `sts` objects are outside the");
        s.AppendLine("clock); in Kith, a `Stopwatch` around the loop of detector calls after a warm-up (reading the file and building the series outside it).");
        s.AppendLine("The ratio compares the same series: R's subsample run by R and by Kith, each on one thread.");
        s.AppendLine();
        s.AppendLine($"| detection | R surveillance, one thread | Kith, one thread, R's series | Kith, one thread, every series | Kith, all {Environment.ProcessorCount} cores, every series | R ÷ Kith, one thread (goal ≥ {Goal:0}×) | R ÷ Kith, CPU time | R (one thread) ÷ Kith (all cores) | alarms identical with R |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var m in methods)
        {
            var (r, k, a) = (m.BestR, m.Kith, m.Agreement);
            s.AppendLine($"| {m.Name} | {Time(r.WallPerSeries)} per series ({r.Series:N0} series in {r.Wall:0.0} s) | {Time(k.Subsample.WallPerSeries)} | "
                + $"{Time(k.All.WallPerSeries)} ({k.All.Series:N0} series in {k.All.Wall:0.0} s) | {Time(k.Parallel.WallPerSeries)} ({k.Parallel.SeriesPerSecond:N0} series/s) | "
                + $"**{m.Ratio:N0}×** {(m.Ratio >= Goal ? "met" : "**missed**")} | {m.CpuRatio:N0}× | {m.AllCoresRatio:N0}× | "
                + $"{(m.Identical ? "yes" : "**no**")}: {a.SeriesIdentical:N0} of {a.Series:N0} series, {a.AlarmsIdentical:N0} of {a.Points:N0} points |");
        }
        s.AppendLine();
        var all = methods.All(m => m.Met);
        s.AppendLine($"**Goal (≥ {Goal:0}× R's speed with identical alarms): {(all ? "met" : "not met")}** for "
            + string.Join(" and ", methods.Select(m => $"{m.Name} ({(m.Met ? "met" : m.Ratio < Goal ? $"{m.Ratio:0}×, missed" : "alarms differ")})")) + ".");
        foreach (var m in methods) Details(s, m);
        s.AppendLine();
        s.AppendLine($"## Output of the run\n\n```\n{log.TrimEnd()}\n```");
        File.WriteAllText(path, s.ToString());
    }

    private static void Details(StringBuilder s, Method m)
    {
        var (k, a) = (m.Kith, m.Agreement);
        s.AppendLine();
        s.AppendLine($"## {m.Name}");
        s.AppendLine();
        s.AppendLine($"Data: {m.Data}.");
        s.AppendLine();
        foreach (var r in m.R)
            s.AppendLine($"- **R** `{r.Name[2..]}`: {r.Series:N0} series, {r.Points:N0} monitored points in {r.Wall:0.00} s ({r.Cpu:0.00} CPU s): {Time(r.WallPerSeries)} per series"
                + (r == m.BestR && m.R.Count > 1 ? " — the faster way, R's figure" : "")
                + $"; all {k.All.Series:N0} series would take R about {Duration(r.WallPerSeries * k.All.Series)} (extrapolated, not run).");
        foreach (var p in new[] { k.Subsample, k.All, k.Parallel })
            s.AppendLine($"- **Kith** {p.Name}: {p.Series:N0} series, {p.Points:N0} monitored points{(p.Repeats > 1 ? " a round" : "")} in {p.Wall:0.00} s ({p.Cpu:0.00} CPU s, {p.Threads} thread(s)): "
                + $"{Time(p.WallPerSeries)} per series, {p.SeriesPerSecond:N0} series/s; {p.Alarms:N0} alarms; {p.Stopped} series stopped.");
        s.AppendLine($"- **Agreement on R's {a.Series:N0} series**: alarms identical on {a.SeriesIdentical:N0} of {a.Series:N0} series and {a.AlarmsIdentical:N0} of {a.Points:N0} points "
            + $"({a.RAlarms:N0} alarms in R, {a.KithAlarms:N0} in Kith); upper bounds within 1e-6 × max(1, |R's|) on {a.BoundsAgree:N0} of {a.Points:N0} points "
            + $"(NA in R on {a.BoundsNa:N0}{(a.BoundsNa > 0 ? ", the weeks with fewer than 5 cases in 4 weeks (limit54), where R gives no bound" : "")})"
            + (a.CompareExpected ? $"; expected values within the same tolerance on {a.ExpectedAgree:N0} of {a.Points:N0}" : "")
            + (a.StoppedBoth > 0 ? $"; {a.StoppedBoth} series stopped with an error in both" : "") + ".");
        s.AppendLine($"- **Counts within the tolerance of R's bound but not equal to it** (where a last-bit difference could flip an alarm): {a.NearThreshold.Count}"
            + (a.NearThreshold.Count > 0 ? ":" : ".") + $" (Counts exactly equal to R's bound, as a count of 0 on a baseline of zeros: {a.AtBound:N0}; an alarm needs a count strictly above the bound.)");
        foreach (var near in a.NearThreshold.Take(20)) s.AppendLine($"  - {near}");
        s.AppendLine($"- **Mismatches**: {(a.Mismatches.Count == 0 ? "none." : a.Mismatches.Count + (a.Mismatches.Count > 30 ? ", the first 30:" : ":"))}");
        foreach (var mismatch in a.Mismatches.Take(30)) s.AppendLine($"  - {mismatch}");
    }

    private static string Time(double seconds) => seconds switch
    {
        >= 1 => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 1e-3 => (seconds * 1e3).ToString(seconds >= 0.1 ? "0" : "0.00", CultureInfo.InvariantCulture) + " ms",
        _ => (seconds * 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " µs",
    };

    private static string Duration(double seconds) =>
        seconds >= 3600 ? $"{seconds / 3600:0.0} h" : seconds >= 60 ? $"{seconds / 60:0} min" : $"{seconds:0} s";
}
