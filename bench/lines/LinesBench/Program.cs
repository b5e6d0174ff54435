using System.Globalization;
using System.Text.Json;

namespace LinesBench;

/// <summary>
/// Steps of bench/lines/run.sh, each writing JSON into the work directory:
/// <c>raw --connection CONN</c> — PostgreSQL's own insert-and-commit rate for a row shaped like a stored text;
/// <c>organisation --connection CONN</c> — the responders' organisation (before <c>users add</c>);
/// <c>setup --connection CONN</c> — a team, the load line and the probe line in Kith's tables;
/// <c>kith --name one|two --nodes URL[,URL] --connection CONN --email E --password PW</c> — Kith over HTTP;
/// <c>report --command CMD --results PATH</c> — RESULTS.md.
/// Common: <c>--out DIR --clients 32 --warmup 3 --duration 10</c>; kith also <c>--conversations 1000 --consoles 200 --probe-rate 10</c>.
/// </summary>
internal static class BenchMain
{
    public const string AuthToken = "bench-lines-auth-token";
    public const string PublicBaseUrl = "https://lines.bench.example";
    public const string LoadNumber = "+15075550700";
    public const string ProbeNumber = "+15075550701";

    public static async Task<int> Main(string[] args)
    {
        var o = Options(args);
        var clients = Int(o, "clients", 32);
        var warmUp = TimeSpan.FromSeconds(Int(o, "warmup", 3));
        var duration = TimeSpan.FromSeconds(Int(o, "duration", 10));
        switch (args.FirstOrDefault())
        {
            case "raw":
                var raw = await RawInserts.RunAsync(o["connection"], clients, warmUp, duration);
                Save(o, "raw.json", raw);
                Console.WriteLine($"raw insert-and-commit: {raw.PerSecond:0} rows/s, {raw.Latency}, {raw.Failed} failed (load {raw.LoadBefore} → {raw.LoadAfter})");
                return 0;
            case "organisation":
                await Setup.OrganisationAsync(o["connection"]);
                return 0;
            case "setup":
                Save(o, "setup.json", await Setup.LinesAsync(o["connection"]));
                return 0;
            case "kith":
                var setup = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(o["out"], "setup.json")))!;
                var result = await KithRun.RunAsync(o["name"], o["nodes"].Split(',').Select(u => new Uri(u)).ToList(), o["email"], o["password"],
                    Guid.Parse(setup["probe_line"]), clients, warmUp, duration, Int(o, "conversations", 1000), Int(o, "consoles", 200), Int(o, "probe-rate", 10));
                Save(o, $"kith-{o["name"]}.json", result);
                return 0;
            case "report":
                Report.Write(o["out"], o["command"], o["results"]);
                return 0;
            default:
                Console.Error.WriteLine("usage: LinesBench raw|organisation|setup|kith|report --option value … (see Program.cs)");
                return 2;
        }
    }

    public static void Save(Dictionary<string, string> o, string name, object value) =>
        File.WriteAllText(Path.Combine(o.GetValueOrDefault("out", "."), name), JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }));

    private static int Int(Dictionary<string, string> o, string name, int fallback) =>
        o.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
        return options;
    }
}
