using System.Globalization;
using System.Text;
using System.Text.Json;
using ConcernsBench;

namespace LinesBench;

/// <summary>RESULTS.md from the run's JSON: the machine, the baseline, and each configuration's figures. The reading is written by hand below the marker.</summary>
internal static class Report
{
    private const string Marker = "<!-- reading -->";

    public static void Write(string work, string command, string results)
    {
        var json = new JsonSerializerOptions();
        var raw = JsonSerializer.Deserialize<LoopResult>(File.ReadAllText(Path.Combine(work, "raw.json")), json)!;
        var runs = new[] { "one", "two" }.Select(n => Path.Combine(work, $"kith-{n}.json")).Where(File.Exists)
            .Select(f => JsonSerializer.Deserialize<KithResult>(File.ReadAllText(f), json)!).ToList();
        var md = new StringBuilder();
        md.AppendLine("# Text lines benchmark: results").AppendLine();
        md.AppendLine("```").AppendLine(command).AppendLine("```").AppendLine();
        md.AppendLine("```").Append(File.ReadAllText(Path.Combine(work, "machine.txt"))).AppendLine("```").AppendLine();
        md.AppendLine("## Signed inbound webhooks per second (PostgreSQL, durable)").AppendLine();
        md.AppendLine("| | clients | per second | p50 ms | p99 ms | failed | load before → after |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        Row(md, "raw insert-and-commit of one message-sized row (baseline)", raw);
        foreach (var r in runs)
        {
            Row(md, $"Kith, {Nodes(r)}: webhooks", r.Webhooks);
            Row(md, $"Kith, {Nodes(r)}: webhooks with {r.Consoles} consoles and the probe", r.WebhooksWithConsoles);
        }
        md.AppendLine();
        foreach (var r in runs)
            md.AppendLine(F($"Opening the {r.Conversations:N0} conversations ({Nodes(r)}): {r.SeedSeconds:0.0} s, {r.SeedPerSecond:0}/s (first texts: a new conversation, the greeting, a wait check)."));
        md.AppendLine().AppendLine("## Webhook → console (`line-conversation` event on `/staff/events`)").AppendLine();
        md.AppendLine("| | consoles | probes | arrivals | p50 ms | p99 ms | max ms | same node p99 | other node p99 | missed | load before → after |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in runs)
        {
            Probe(md, $"{Nodes(r)}, probe alone", r.ProbeAlone);
            Probe(md, $"{Nodes(r)}, probe under load", r.ProbeUnderLoad);
        }
        md.AppendLine();
        var reading = File.Exists(results) && File.ReadAllText(results) is var old && old.Contains(Marker) ? old[old.IndexOf(Marker, StringComparison.Ordinal)..] : Marker + "\n";
        md.Append(reading);
        File.WriteAllText(results, md.ToString());
    }

    private static string Nodes(KithResult r) => r.Nodes == 1 ? "one node" : $"{r.Nodes} nodes";

    private static void Row(StringBuilder md, string what, LoopResult r) =>
        md.AppendLine(F($"| {what} | {r.Clients} | {r.PerSecond:0} | {r.Latency.P50:0.0} | {r.Latency.P99:0.0} | {r.Failed} | {r.LoadBefore} → {r.LoadAfter} |"));

    private static void Probe(StringBuilder md, string what, ProbeResult p) =>
        md.AppendLine(F($"| {what} | {p.Consoles} | {p.Probes} | {p.ToConsoles.Count} | {p.ToConsoles.P50:0.0} | {p.ToConsoles.P99:0.0} | {p.ToConsoles.Max:0.0} | {p.SameNode.P99:0.0} | {(p.OtherNode.Count == 0 ? "—" : p.OtherNode.P99.ToString("0.0", CultureInfo.InvariantCulture))} | {p.Missed} | {p.LoadBefore} → {p.LoadAfter} |"));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
