using System.Globalization;
using System.Text.Json;

namespace ConcernsBench;

/// <summary>
/// Steps of bench/concerns/run.sh, each writing JSON into the work directory:
/// <c>raw --provider sqlite|postgres --connection CONN --out DIR</c> — the database's own insert-and-commit rate;
/// <c>organisation --provider P --connection CONN</c> — the responders' organisation in Kith's database (before
/// <c>users add</c>); <c>teams --provider P --connection CONN --team a@x,b@x --probe-email E</c> — teams and routing rules;
/// <c>kith --provider P --connection CONN --url URL --kith-pid PID --probe-email E --password PW --out DIR</c> — Kith over HTTP;
/// <c>report --out DIR --command CMD --results PATH</c> — RESULTS.md.
/// Common: <c>--clients 50 --warmup 5 --duration 30</c>; kith also <c>--probe-seconds 20 --probe-rate 20</c>.
/// </summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var o = Options(args);
        var clients = int.Parse(o.GetValueOrDefault("clients", "50"), CultureInfo.InvariantCulture);
        var warmUp = Seconds(o.GetValueOrDefault("warmup", "5"));
        var duration = Seconds(o.GetValueOrDefault("duration", "30"));
        switch (args.FirstOrDefault())
        {
            case "raw":
                Console.WriteLine($"{o["provider"]}: raw insert-and-commit, {clients} clients for {warmUp.TotalSeconds} + {duration.TotalSeconds} s");
                var raw = await RawInserts.RunAsync(o["provider"], o["connection"], clients, warmUp, duration, ConcernMix.Make(5000, ConcernMix.Seed));
                Save(o, $"raw-{o["provider"]}.json", raw);
                var loop = (LoopResult)raw["loop"];
                Console.WriteLine($"{o["provider"]}: raw {loop.PerSecond:0} rows/s, {loop.Latency}, {loop.Failed} failed (load {loop.LoadBefore} → {loop.LoadAfter})");
                return 0;
            case "organisation":
                await BenchTeams.AddOrganisationAsync(o["provider"], o["connection"]);
                return 0;
            case "teams":
                var settings = await BenchTeams.AddTeamsAsync(o["provider"], o["connection"], o["team"].Split(','), o["probe-email"]);
                Save(o, $"setup-{o["provider"]}.json", settings);
                return 0;
            case "kith":
                var kith = await KithRun.RunAsync(o, clients, warmUp, duration);
                Save(o, $"kith-{o["provider"]}.json", kith);
                var (load, idle, busy) = ((LoopResult)kith["load"], (ProbeResult)kith["probe_idle"], (ProbeResult)kith["probe_under_load"]);
                Console.WriteLine($"{o["provider"]}: Kith {load.PerSecond:0} concerns/s, {load.Latency}, {load.Failed} failed (load {load.LoadBefore} → {load.LoadAfter})");
                Console.WriteLine($"{o["provider"]}: submit → responder's screen, probe alone: {idle.ToScreen}; under load: {busy.ToScreen}");
                return 0;
            case "report":
                Report.Write(o["out"], o["command"], o["results"]);
                return 0;
            default:
                Console.Error.WriteLine("usage: ConcernsBench raw|organisation|teams|kith|report --option value … (see Program.cs)");
                return 2;
        }
    }

    private static void Save(Dictionary<string, string> o, string name, object value)
    {
        var json = JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(o.GetValueOrDefault("out", "."), name), json);
    }

    private static TimeSpan Seconds(string s) => TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture));

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
        return options;
    }
}
