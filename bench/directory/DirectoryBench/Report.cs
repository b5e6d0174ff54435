using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DirectoryBench;

/// <summary>Writes RESULTS.md from what one run left in its work directory: stats-N.json (in-process figures),
/// wrk-kith-N.txt and wrk-pg-N.txt (wrk --latency output) and machine.txt (written by run.sh).</summary>
internal static class Report
{
    public static void Write(string dir, string command, string resultsPath)
    {
        var sizes = Directory.GetFiles(dir, "stats-*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .OrderBy(s => s.GetProperty("n").GetInt32()).ToList();
        var md = new StringBuilder();
        md.AppendLine("# Directory search benchmark: Kith's in-memory engine vs PostgreSQL alone");
        md.AppendLine();
        md.AppendLine("Written by `bench/directory/run.sh` (figures are never edited by hand; see `bench/directory/README.md` for the method).");
        md.AppendLine();
        md.AppendLine("```");
        md.AppendLine(command);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine("```");
        md.Append(File.ReadAllText(Path.Combine(dir, "machine.txt")));
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine("| services | Kith in-process p50 / p99 | PostgreSQL in-process p50 / p99 | Kith HTTP req/s | PostgreSQL HTTP req/s | throughput ratio | Kith HTTP p50 / p99 | PostgreSQL HTTP p50 / p99 |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in sizes)
        {
            var n = s.GetProperty("n").GetInt32();
            var kith = s.GetProperty("kith");
            var pg = s.GetProperty("postgres");
            var wk = Wrk.Read(Path.Combine(dir, $"wrk-kith-{n}.txt"));
            var wp = Wrk.Read(Path.Combine(dir, $"wrk-pg-{n}.txt"));
            md.AppendLine($"| {n:N0} | {Ms(kith, "p50_ms")} / {Ms(kith, "p99_ms")} | {Ms(pg, "p50_ms")} / {Ms(pg, "p99_ms")} | {wk?.RequestsPerSecond:N0} | {wp?.RequestsPerSecond:N0} | "
                + $"{(wk is null || wp is null || wp.RequestsPerSecond == 0 ? "–" : (wk.RequestsPerSecond / wp.RequestsPerSecond).ToString("0.0", CultureInfo.InvariantCulture) + "×")} | "
                + $"{wk?.P50:0.0} / {wk?.P99:0.0} ms | {wp?.P50:0.0} / {wp?.P99:0.0} ms |");
        }
        md.AppendLine();
        Growth(md, dir, sizes);
        foreach (var s in sizes)
        {
            var n = s.GetProperty("n").GetInt32();
            var kith = s.GetProperty("kith");
            var pg = s.GetProperty("postgres");
            md.AppendLine($"## {n:N0} services ({s.GetProperty("places").GetInt32():N0} places)");
            md.AppendLine();
            md.AppendLine($"- Generated in {D(s, "generate_s"):0.0} s; documents and cards {D(s, "documents_mb"):N0} MB managed.");
            md.AppendLine($"- Kith index built in {D(s, "index_build_s"):0.00} s, {D(s, "index_mb"):N0} MB managed on top of the documents; process working set {D(s, "process_working_set_mb"):N0} MB.");
            md.AppendLine($"- PostgreSQL loaded (binary COPY, indexes, VACUUM ANALYZE) in {D(s, "pg_load_s"):0.0} s.");
            md.AppendLine($"- Kith search engine in process (`DirectorySearch.Run`), {kith.GetProperty("queries").GetInt32()} queries: p50 {Ms(kith, "p50_ms")}, p90 {Ms(kith, "p90_ms")}, p99 {Ms(kith, "p99_ms")}, max {Ms(kith, "max_ms")}; "
                + $"p99 by kind: {string.Join(", ", kith.EnumerateObject().Where(p => p.Name.StartsWith("p99_", StringComparison.Ordinal) && p.Name != "p99_ms").Select(p => $"{p.Name[4..]} {p.Value.GetDouble():0.00} ms"))}; "
                + $"{kith.GetProperty("with_results").GetDouble():P0} of queries found something, {kith.GetProperty("mean_total").GetDouble():N0} matches on average.");
            if (s.TryGetProperty("kith_endpoint", out var endpoint))
                md.AppendLine($"- Kith endpoint work in process (parse, search, describe in the reader's language, serialise JSON; no HTTP), {endpoint.GetProperty("queries").GetInt32()} queries: "
                    + $"p50 {Ms(endpoint, "p50_ms")}, p90 {Ms(endpoint, "p90_ms")}, p99 {Ms(endpoint, "p99_ms")}, mean {Ms(endpoint, "mean_ms")} (search alone: mean {Ms(kith, "mean_ms")}); {endpoint.GetProperty("mean_response_kb").GetDouble():0.0} KB of JSON per response.");
            md.AppendLine($"- PostgreSQL in process, {pg.GetProperty("queries").GetInt32()} queries (the HTTP mix): p50 {Ms(pg, "p50_ms")}, p90 {Ms(pg, "p90_ms")}, p99 {Ms(pg, "p99_ms")}, max {Ms(pg, "max_ms")}; "
                + $"{pg.GetProperty("with_results").GetDouble():P0} of queries found something, {pg.GetProperty("mean_total").GetDouble():N0} matches on average.");
            foreach (var (label, file) in new[] { ("Kith `GET /api/directory/search`", $"wrk-kith-{n}.txt"), ("PostgreSQL `GET /baseline/search`", $"wrk-pg-{n}.txt") })
                if (Wrk.Read(Path.Combine(dir, file)) is { } w)
                    md.AppendLine($"- HTTP, {label}: {w.RequestsPerSecond:N0} req/s, latency p50 {w.P50:0.00} ms, p90 {w.P90:0.00} ms, p99 {w.P99:0.00} ms, {w.Transfer}/s ({w.Volume}), {w.Errors}; `{w.Command}`");
            md.AppendLine();
        }
        File.WriteAllText(resultsPath, md.ToString());
    }

    /// <summary>How each cost grew from one size to the next, beside how N and the number of matches grew: the mix asks
    /// the same questions at every size, so a fixed share of the directory matches and the matches grow with N.</summary>
    private static void Growth(StringBuilder md, string dir, List<JsonElement> sizes)
    {
        if (sizes.Count < 2) return;
        md.AppendLine("## How cost grows with N");
        md.AppendLine();
        md.AppendLine("| from → to | N | Kith matches per query | Kith search mean | Kith search p99 | Kith index build | Kith HTTP req/s | PostgreSQL mean | PostgreSQL p99 | PostgreSQL HTTP req/s |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 1; i < sizes.Count; i++)
        {
            JsonElement a = sizes[i - 1], b = sizes[i];
            string X(double from, double to) => from > 0 && to > 0 ? "×" + (to / from).ToString("0.0", CultureInfo.InvariantCulture) : "–";
            string P(string engine, string name) => X(a.GetProperty(engine).GetProperty(name).GetDouble(), b.GetProperty(engine).GetProperty(name).GetDouble());
            double Rps(JsonElement e, string engine) => Wrk.Read(Path.Combine(dir, $"wrk-{engine}-{e.GetProperty("n").GetInt32()}.txt"))?.RequestsPerSecond ?? 0;
            md.AppendLine($"| {a.GetProperty("n").GetInt32():N0} → {b.GetProperty("n").GetInt32():N0} | {X(a.GetProperty("n").GetInt32(), b.GetProperty("n").GetInt32())} | "
                + $"{P("kith", "mean_total")} | {P("kith", "mean_ms")} | {P("kith", "p99_ms")} | {X(D(a, "index_build_s"), D(b, "index_build_s"))} | {X(Rps(a, "kith"), Rps(b, "kith"))} | "
                + $"{P("postgres", "mean_ms")} | {P("postgres", "p99_ms")} | {X(Rps(a, "pg"), Rps(b, "pg"))} |");
        }
        md.AppendLine();
    }

    private static double D(JsonElement e, string name) => e.GetProperty(name).GetDouble();

    private static string Ms(JsonElement e, string name) => e.GetProperty(name).GetDouble().ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private sealed record Wrk(string Command, double RequestsPerSecond, double P50, double P90, double P99, string Transfer, string Volume, string Errors)
    {
        public static Wrk? Read(string path)
        {
            if (!File.Exists(path)) return null;
            var text = File.ReadAllText(path);
            var distribution = text[Math.Max(0, text.IndexOf("Latency Distribution", StringComparison.Ordinal))..];
            double Latency(string pct) => Regex.Match(distribution, $@"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline) is { Success: true } m
                    ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * m.Groups[2].Value switch { "us" => 0.001, "ms" => 1, "s" => 1000, _ => 60000 }
                    : double.NaN;
            var rps = Regex.Match(text, @"Requests/sec:\s+([\d.]+)");
            var transfer = Regex.Match(text, @"Transfer/sec:\s+(\S+)");
            var non2xx = Regex.Match(text, @"Non-2xx or 3xx responses: (\d+)");
            var socket = Regex.Match(text, @"Socket errors: [^\n]*");
            var command = text.Split('\n')[0].TrimStart('#', ' ');
            var volume = Regex.Match(text, @"(\d+) requests in [\d.]+\w+, ([\d.]+)(KB|MB|GB) read");
            var perResponse = volume.Success
                ? $"{double.Parse(volume.Groups[2].Value, CultureInfo.InvariantCulture) * volume.Groups[3].Value switch { "KB" => 1, "MB" => 1024, _ => 1048576 } / double.Parse(volume.Groups[1].Value, CultureInfo.InvariantCulture):0.0} KB per response"
                : "?";
            return new Wrk(command, rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                Latency("50"), Latency("90"), Latency("99"), transfer.Success ? transfer.Groups[1].Value : "?", perResponse,
                (non2xx.Success ? $"{non2xx.Groups[1].Value} non-2xx responses" : "no non-2xx responses") + (socket.Success ? $", {socket.Value}" : ""));
        }
    }
}
