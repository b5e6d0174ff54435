using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith;
using Kith.ServiceDirectory.Search;
using Kith.ServiceDirectory.SearchServices;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace DirectoryBench;

/// <summary>
/// <c>serve --n N --pg CONN --port P --out DIR</c>: generate N services, build Kith's index and measure it in
/// process, load the same services into PostgreSQL and measure the baseline in process, write
/// <c>DIR/stats-N.json</c> and <c>DIR/queries.txt</c>, then serve both endpoints over HTTP until stopped.
/// <c>report --out DIR --command "…"</c>: write RESULTS.md from the stats and wrk outputs in DIR.
/// </summary>
internal static class BenchMain
{
    public const int Seed = 20261122;
    public const int QueryCount = 1000, HttpQueryCount = 200;

    public static async Task<int> Main(string[] args)
    {
        var options = Options(args);
        switch (args.FirstOrDefault())
        {
            case "serve": await Serve(options); return 0;
            case "report": Report.Write(options["out"], options["command"], options.GetValueOrDefault("results") ?? "RESULTS.md"); return 0;
            default: Console.Error.WriteLine("usage: DirectoryBench serve --n N --pg CONN --port P --out DIR | report --out DIR --command CMD"); return 2;
        }
    }

    private static async Task Serve(Dictionary<string, string> options)
    {
        var n = int.Parse(options["n"], CultureInfo.InvariantCulture);
        var output = options["out"];
        var stats = new Dictionary<string, object> { ["n"] = n };
        var queries = QueryMix.Make(QueryCount, Seed);
        File.WriteAllLines(Path.Combine(output, "queries.txt"), queries.Take(HttpQueryCount).Select(q => q.ToQueryString()));

        var clock = Stopwatch.StartNew();
        var services = Generator.Generate(n, Seed);
        stats["generate_s"] = clock.Elapsed.TotalSeconds;
        stats["places"] = services.Sum(s => s.Document.Places.Count);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        clock.Restart();
        var documents = services.Select(s => s.Document).ToList();
        var index = DirectoryIndex.Build(documents);
        stats["index_build_s"] = clock.Elapsed.TotalSeconds;
        var snapshot = new DirectorySnapshot(1, index, documents, services.ToDictionary(s => s.Document.ServiceId, s => s.Card), [],
            KithVocabulary.Needs.Select(t => new CategoryFact(t.Id, t.Code, t.Name, null, KithVocabulary.NeedsTaxonomyId)).ToList(), DateTime.UtcNow);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        stats["documents_mb"] = before / 1048576.0;
        stats["index_mb"] = (after - before) / 1048576.0;
        Console.WriteLine($"N={n}: generated in {stats["generate_s"]:0.0} s, index built in {stats["index_build_s"]:0.00} s, +{stats["index_mb"]:0} MB");

        stats["kith"] = KithInProcess(index, queries);
        stats["kith_endpoint"] = EndpointInProcess(snapshot, queries);
        Console.WriteLine($"N={n}: Kith in process {JsonSerializer.Serialize(stats["kith"])}");

        await using var db = new NpgsqlDataSourceBuilder(options["pg"]).Build();
        clock.Restart();
        Baseline.Load(db, services);
        stats["pg_load_s"] = clock.Elapsed.TotalSeconds;
        var baseline = new Baseline(db);
        stats["postgres"] = await BaselineInProcess(baseline, queries.Take(HttpQueryCount).ToList());
        Console.WriteLine($"N={n}: PostgreSQL loaded in {stats["pg_load_s"]:0.0} s, in process {JsonSerializer.Serialize(stats["postgres"])}");

        var snapshots = new SearchSnapshots();
        snapshots.Replace(snapshot);
        services = null;
        GC.Collect();
        stats["process_working_set_mb"] = Environment.WorkingSet / 1048576.0;
        File.WriteAllText(Path.Combine(output, $"stats-{n}.json"), JsonSerializer.Serialize(stats));
        await BenchHost.Run(snapshots, db, baseline, int.Parse(options["port"], CultureInfo.InvariantCulture), Path.Combine(output, "ready"));
    }

    /// <summary>The mix repeated for at least 5 s to warm up (tiered JIT), then twice measured, one query at a time
    /// (server-side latency, no HTTP).</summary>
    private static Dictionary<string, object> KithInProcess(DirectoryIndex index, List<BenchQuery> queries)
    {
        var searches = queries.Select(q => q.ToSearchQuery()).ToList();
        var warmUp = Stopwatch.StartNew();
        do foreach (var q in searches) DirectorySearch.Run(index, q, QueryMix.Now);
        while (warmUp.Elapsed < TimeSpan.FromSeconds(5));
        var samples = new List<double>();
        long hits = 0, totals = 0;
        foreach (var _ in Enumerable.Range(0, 2))
            foreach (var q in searches)
            {
                var start = Stopwatch.GetTimestamp();
                var results = DirectorySearch.Run(index, q, QueryMix.Now);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                hits += results.Hits.Count > 0 ? 1 : 0;
                totals += results.Total;
            }
        var stats = Percentiles(samples, hits, totals);
        foreach (var kind in queries.Select(q => q.Kind).Distinct().Order())
        {
            var ofKind = samples.Where((_, i) => queries[i % queries.Count].Kind == kind).ToList();
            stats["p99_" + kind] = Percentile(ofKind.Order().ToList(), 0.99);
        }
        return stats;
    }

    /// <summary>What the endpoint does for one request besides HTTP: parse the parameters, search, describe the hits in
    /// the reader's language and serialise the JSON, one query at a time after the engine's warm-up. The difference
    /// to <see cref="KithInProcess"/> is the cost of the response, not of the search.</summary>
    private static Dictionary<string, object> EndpointInProcess(DirectorySnapshot snapshot, List<BenchQuery> queries)
    {
        using var provider = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var T = provider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Generator.TimeZone);
        var requests = queries.Select(q => new QueryCollection(QueryHelpers.ParseQuery(q.ToQueryString()))).ToList();
        long bytes = 0;
        var samples = new List<double>();
        foreach (var pass in Enumerable.Range(0, 3))
            foreach (var request in requests)
            {
                var start = Stopwatch.GetTimestamp();
                var (query, _) = SearchRequest.From(request).ToQuery(snapshot, zone, T);
                var results = DirectorySearch.Run(snapshot.Index, query!, QueryMix.Now);
                var body = JsonSerializer.SerializeToUtf8Bytes(new SearchResultsText(snapshot, T).Describe(results, query!), json);
                if (pass == 0) continue; // warm-up
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                bytes += body.Length;
            }
        var stats = Percentiles(samples);
        stats["mean_response_kb"] = bytes / 1024.0 / samples.Count;
        return stats;
    }

    /// <summary>The HTTP mix's queries against PostgreSQL, one at a time after warming up on the first 50 (a whole pass
    /// takes minutes at 1M; the load has just written and indexed every page, so the cache is warm already).</summary>
    private static async Task<Dictionary<string, object>> BaselineInProcess(Baseline baseline, List<BenchQuery> queries)
    {
        foreach (var q in queries.Take(50)) await baseline.SearchAsync(q, QueryMix.Now, CancellationToken.None);
        var samples = new List<double>();
        long hits = 0, totals = 0;
        foreach (var q in queries)
        {
            var start = Stopwatch.GetTimestamp();
            var results = await baseline.SearchAsync(q, QueryMix.Now, CancellationToken.None);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            hits += results.Results.Count > 0 ? 1 : 0;
            totals += results.Total;
        }
        var stats = Percentiles(samples, hits, totals);
        return stats;
    }

    /// <summary>Latency percentiles; with <paramref name="withResults"/> (queries that found something) and
    /// <paramref name="totals"/> (matches summed over queries), how much each engine found.</summary>
    private static Dictionary<string, object> Percentiles(List<double> samples, long? withResults = null, long? totals = null)
    {
        var sorted = samples.Order().ToList();
        var stats = new Dictionary<string, object>
        {
            ["queries"] = sorted.Count, ["p50_ms"] = Percentile(sorted, 0.50), ["p90_ms"] = Percentile(sorted, 0.90),
            ["p99_ms"] = Percentile(sorted, 0.99), ["max_ms"] = sorted[^1], ["mean_ms"] = sorted.Average(),
        };
        if (withResults is { } found) stats["with_results"] = (double)found / sorted.Count;
        if (totals is { } matches) stats["mean_total"] = (double)matches / sorted.Count;
        return stats;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
        return options;
    }
}
