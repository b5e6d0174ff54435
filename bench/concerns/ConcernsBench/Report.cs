using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ConcernsBench;

/// <summary>Writes RESULTS.md from one run's work directory: machine.txt and run.log (run.sh), raw-P.json, setup-P.json
/// and kith-P.json for each provider P.</summary>
internal static class Report
{
    private static readonly string[] Providers = ["sqlite", "postgres"];

    public static void Write(string dir, string command, string resultsPath)
    {
        JsonElement? Read(string name) => File.Exists(Path.Combine(dir, name))
            ? JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name))).RootElement : null;
        var md = new StringBuilder();
        md.AppendLine("# Concern submissions: Kith against the database's raw insert-and-commit rate");
        md.AppendLine();
        md.AppendLine("Written by `bench/concerns/run.sh` (the figures are the script's; see `bench/concerns/README.md` for the method).");
        md.AppendLine();
        md.AppendLine($"```\n{command}\n```");
        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine($"```\n{File.ReadAllText(Path.Combine(dir, "machine.txt")).TrimEnd()}\n```");
        md.AppendLine();
        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine("| database | raw insert-and-commit, 50 clients | Kith durable submissions, 50 clients | Kith ÷ raw (goal ≥ 50%) | Kith p99 (goal < 100 ms) | submit → responder's screen, 20/s alone | … under the 50-client load (goal p99 < 1 s) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var p in Providers)
        {
            if (Read($"raw-{p}.json") is not { } raw || Read($"kith-{p}.json") is not { } kith) continue;
            var r = raw.GetProperty("loop");
            var k = kith.GetProperty("load");
            md.AppendLine($"| {Name(p)} | {Rate(r)} rows/s (p50 {Ms(r, "P50")}, p99 {Ms(r, "P99")}) | {Rate(k)} /s (p50 {Ms(k, "P50")}) | "
                + $"{Percent(k, r)} {Verdict(Ratio(k, r) >= 0.5)} | {Ms(k, "P99")} {Verdict(P(k.GetProperty("Latency"), "P99") < 100)} | "
                + $"p50 {Screen(kith, "probe_idle", "P50")}, p99 {Screen(kith, "probe_idle", "P99")} | "
                + $"p50 {Screen(kith, "probe_under_load", "P50")}, p99 {Screen(kith, "probe_under_load", "P99")} {Verdict(P(kith.GetProperty("probe_under_load").GetProperty("ToScreen"), "P99") < 1000)} |");
        }
        md.AppendLine();
        foreach (var p in Providers)
        {
            if (Read($"raw-{p}.json") is not { } raw || Read($"kith-{p}.json") is not { } kith) continue;
            Details(md, p, raw, Read($"setup-{p}.json"), kith);
        }
        var log = Path.Combine(dir, "run.log");
        if (File.Exists(log))
        {
            md.AppendLine("## Output of the run");
            md.AppendLine();
            md.AppendLine($"```\n{File.ReadAllText(log).TrimEnd()}\n```");
            md.AppendLine();
        }
        var kept = Observations(resultsPath);
        if (kept is not null) md.Append(kept);
        File.WriteAllText(resultsPath, md.ToString());
    }

    private static void Details(StringBuilder md, string p, JsonElement raw, JsonElement? setup, JsonElement kith)
    {
        var r = raw.GetProperty("loop");
        var k = kith.GetProperty("load");
        md.AppendLine($"## {Name(p)}");
        md.AppendLine();
        md.AppendLine($"- **Raw baseline**: {Rate(r)} rows/s over {r.GetProperty("Seconds").GetDouble():0} s, {Lat(r.GetProperty("Latency"))}; "
            + $"{r.GetProperty("Failed").GetInt32()} failed; {raw.GetProperty("rows").GetInt64():N0} rows in the table afterwards (warm-up included), "
            + $"stored narrative {raw.GetProperty("mean_narrative_chars").GetDouble():0} characters on average; settings: {Settings(raw.GetProperty("settings"))}; load {r.GetProperty("LoadBefore")} → {r.GetProperty("LoadAfter")}.");
        md.AppendLine($"- **Kith** `POST /api/concerns`: {Rate(k)} durable submissions/s over {k.GetProperty("Seconds").GetDouble():0} s, {Lat(k.GetProperty("Latency"))}; "
            + $"{k.GetProperty("Failed").GetInt32()} failed{Failures(k)}; load {k.GetProperty("LoadBefore")} → {k.GetProperty("LoadAfter")}"
            + (setup is { } s ? $"; Kith's own connections: {Settings(s)}." : "."));
        var accepted = kith.GetProperty("accepted_total").GetInt32();
        var rows = kith.GetProperty("rows_concerns").GetInt64();
        md.AppendLine($"- **Durable**: {accepted:N0} submissions answered 201 in the whole run (warm-ups and probes included); the database holds {rows:N0} concerns "
            + $"({(rows >= accepted ? "every receipt handed out has its concern" : "MISSING CONCERNS")}); {kith.GetProperty("rows_imminent").GetInt64():N0} imminent and "
            + $"{kith.GetProperty("rows_urgent").GetInt64():N0} urgent. Each submission wrote the concern, {Per(kith, "rows_status_changes", rows)} status change, "
            + $"{Per(kith, "rows_alerts", rows)} alerts and {Per(kith, "rows_outbox", rows)} outbox rows (acknowledgement deadline and emails; the job runner sends the emails "
            + $"to the development sink meanwhile); stored narrative {kith.GetProperty("mean_narrative_chars").GetDouble():0} characters on average (encrypted).");
        var cpu = kith.GetProperty("cpu");
        md.AppendLine($"- **CPU during the loaded window** ({cpu.GetProperty("Seconds").GetDouble():0} s, {cpu.GetProperty("Cores").GetInt32()} cores): machine {cpu.GetProperty("MachineBusyPercent").GetDouble():0}% busy; "
            + $"Kith process {cpu.GetProperty("KithCpuSeconds").GetDouble():0.0} CPU s = **{cpu.GetProperty("KithCpuMsPerConcern").GetDouble():0.0} ms of CPU per concern**; load generator {cpu.GetProperty("BenchCpuSeconds").GetDouble():0.0} CPU s; "
            + $"the job runner delivered {kith.GetProperty("outbox_delivered_load").GetInt64():N0} outbox messages meanwhile, and {kith.GetProperty("rows_outbox_undelivered").GetInt64():N0} due ones were still waiting at the end.");
        var alone = kith.GetProperty("cpu_probe_alone");
        md.AppendLine($"- **CPU with the probe alone** (one concern at a time): Kith {alone.GetProperty("KithCpuMsPerConcern").GetDouble():0.0} ms of CPU per concern, "
            + $"which includes the job runner delivering {kith.GetProperty("outbox_delivered_probe_alone").GetInt64():N0} outbox messages (mostly the warm-up's emails); machine {alone.GetProperty("MachineBusyPercent").GetDouble():0}% busy.");
        foreach (var (key, title) in new[] { ("probe_idle", "Submit → screen, probe alone"), ("probe_under_load", "Submit → screen, under the 50-client load") })
        {
            var probe = kith.GetProperty(key);
            md.AppendLine($"- **{title}** ({probe.GetProperty("Probes").GetInt32()} probes in {probe.GetProperty("Seconds").GetDouble():0} s, at most {probe.GetProperty("TargetPerSecond").GetDouble():0}/s, one at a time): "
                + $"{Lat(probe.GetProperty("ToScreen"))}; the POST alone {Lat(probe.GetProperty("Post"))}; the event after the POST's answer p50 {Ms2(probe.GetProperty("AfterResponse"), "P50")}, "
                + $"p99 {Ms2(probe.GetProperty("AfterResponse"), "P99")}; {probe.GetProperty("Missed").GetInt32()} events missing after 10 s, {probe.GetProperty("Failed").GetInt32()} POSTs failed; load {probe.GetProperty("LoadBefore")} → {probe.GetProperty("LoadAfter")}.");
        }
        if (kith.TryGetProperty("statements", out var statements))
        {
            md.AppendLine();
            md.AppendLine("Statements PostgreSQL ran for Kith during the loaded window (pg_stat_statements; per concern accepted in the window, probes included):");
            md.AppendLine();
            md.AppendLine("| statement | per concern | mean ms | total s |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var st in statements.EnumerateArray().Take(20))
                md.AppendLine($"| `{st.GetProperty("Query").GetString()!.Replace("|", "\\|")}` | {st.GetProperty("CallsPerConcern").GetDouble():0.00} | "
                    + $"{st.GetProperty("MeanMs").GetDouble():0.000} | {st.GetProperty("TotalMs").GetDouble() / 1000:0.0} |");
            md.AppendLine($"| all statements | {statements.EnumerateArray().Sum(s => s.GetProperty("CallsPerConcern").GetDouble()):0.0} | | {statements.EnumerateArray().Sum(s => s.GetProperty("TotalMs").GetDouble()) / 1000:0.0} |");
        }
        md.AppendLine();
    }

    /// <summary>Hand-written observations below the generated part survive a new run (they start at this heading).</summary>
    private static string? Observations(string resultsPath)
    {
        if (!File.Exists(resultsPath)) return null;
        var text = File.ReadAllText(resultsPath);
        var at = text.IndexOf("## Observations", StringComparison.Ordinal);
        return at < 0 ? null : text[at..];
    }

    private static string Name(string p) => p == "postgres" ? "PostgreSQL" : "SQLite";
    private static double P(JsonElement latency, string p) => latency.GetProperty(p).GetDouble();
    private static double Ratio(JsonElement kith, JsonElement raw) => kith.GetProperty("PerSecond").GetDouble() / Math.Max(1e-9, raw.GetProperty("PerSecond").GetDouble());
    private static string Percent(JsonElement kith, JsonElement raw) => (100 * Ratio(kith, raw)).ToString("0", CultureInfo.InvariantCulture) + "%";
    private static string Rate(JsonElement loop) => loop.GetProperty("PerSecond").GetDouble().ToString("N0", CultureInfo.InvariantCulture);
    private static string Ms(JsonElement loop, string p) => Ms2(loop.GetProperty("Latency"), p);
    private static string Ms2(JsonElement latency, string p) => latency.GetProperty(p).GetDouble().ToString("0.0", CultureInfo.InvariantCulture) + " ms";
    private static string Screen(JsonElement kith, string key, string p) => Ms2(kith.GetProperty(key).GetProperty("ToScreen"), p);
    private static string Lat(JsonElement l) => $"p50 {Ms2(l, "P50")}, p90 {Ms2(l, "P90")}, p99 {Ms2(l, "P99")}, max {Ms2(l, "Max")}";
    private static string Verdict(bool met) => met ? "met" : "**missed**";
    private static string Per(JsonElement kith, string key, long concerns) =>
        (kith.GetProperty(key).GetInt64() / (double)Math.Max(1, concerns)).ToString("0.0", CultureInfo.InvariantCulture);
    private static string Settings(JsonElement settings) => string.Join(", ", settings.EnumerateObject().Select(s => $"`{s.Name}` = {s.Value.GetString()}"));

    private static string Failures(JsonElement loop)
    {
        var failures = loop.GetProperty("Failures").EnumerateObject().Select(f => $"{f.Name} ×{f.Value.GetInt32()}").ToList();
        return failures.Count == 0 ? "" : $" ({string.Join(", ", failures)})";
    }
}
