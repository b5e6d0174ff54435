using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kith.Tests.Platform.Startup;

/// <summary>
/// The built app started as a service manager would: from a working directory of its own, or as a
/// damaged copy. It has its settings, crisis lines and assets wherever it is started from, and it
/// refuses to start (exit code 1, one line saying why) rather than run without them or with a key ring
/// that cannot serve what the database holds.
/// </summary>
[Trait("Category", "Integration")]
[RunsLong]
public sealed partial class FailSafeStartTests : IAsyncLifetime
{
    /// <summary>A hang guard, not an expectation: a refusal takes seconds, but this machine may be busy.</summary>
    private static readonly TimeSpan RefusalLimit = TimeSpan.FromMinutes(3);
    private readonly string root = Path.Combine(Path.GetTempPath(), "kith-tests", "fail-safe-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> copies = [];
    private TestDatabase database = default!;
    private string KeyRing => Path.Combine(root, "keys");
    private string WorkingDirectory => Path.Combine(root, "service");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkingDirectory);
        database = await TestDatabase.CreateAsync();
    }

    private Dictionary<string, string> Environment(string keyRing, params (string Key, string Value)[] extra) => Environment(database, keyRing, extra);

    private static Dictionary<string, string> Environment(TestDatabase database, string keyRing, params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["Kith__KeyRingPath"] = keyRing,
            ["Kith__MigrateOnStart"] = "true",
            ["Kith__DemoOnFirstStart"] = "false",
            ["Kith__Jobs__Enabled"] = "false",
        };
        foreach (var (key, value) in database.Settings()) environment[key.Replace(":", "__")] = value ?? "";
        foreach (var (key, value) in extra) environment[key] = value;
        return environment;
    }

    [Fact]
    public async Task From_a_foreign_working_directory_it_has_settings_crisis_lines_and_assets_logs_no_request_data_and_holds_the_key_ring_to_the_database()
    {
        var trace = Environment(KeyRing, ("Logging__LogLevel__Default", "Trace"), ("Logging__Console__LogLevel__Default", "Trace"));
        string output;
        await using (var node = await KithProcess.StartNodeAsync(trace, WorkingDirectory, null))
        {
            using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = node.Address };
            var lines = await client.GetFromJsonAsync<JsonElement>("/api/crisis-lines");
            Assert.True(lines.GetArrayLength() >= 3, lines.ToString());

            var home = await client.GetStringAsync("/");
            var assets = Asset().Matches(home).Select(m => m.Groups[1].Value).ToList();
            Assert.Contains(assets, a => a.EndsWith(".css"));
            Assert.Contains(assets, a => a.EndsWith(".js"));
            foreach (var asset in assets)
                Assert.True((await client.GetStringAsync(asset)).Length > 100, asset);

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/help?q=zanzibarquokka&lat=44.918273&lon=-93.827364")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
            await Task.Delay(300); // let the console logger drain its queue
            output = node.Output;
        }
        Assert.DoesNotContain("zanzibarquokka", output);
        Assert.DoesNotContain("44.918273", output);
        Assert.DoesNotContain("SELECT ", output);

        // The start recorded a check value for each named secret (HMAC of the constant) and for the Data Protection key.
        var checks = await CheckValuesAsync();
        foreach (var secret in new[] { "audit-chain", "concern-receipts", "safety-plans" })
        {
            var key = Convert.FromBase64String(await File.ReadAllTextAsync(Path.Combine(KeyRing, $"secret-{secret}.key")));
            Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("Kith key check v1"))), checks[$"secret:{secret}"]);
        }
        var dataProtectionKey = Assert.Single(Directory.GetFiles(KeyRing, "key-*.xml"));
        Assert.Contains("data-protection:" + Path.GetFileNameWithoutExtension(dataProtectionKey)["key-".Length..], checks.Keys);

        // A command from the same foreign directory, at Trace, prints no SQL either.
        var check = await KithProcess.RunFromAsync(trace, WorkingDirectory, null, RefusalLimit, "keys", "check");
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("Key ring matches the database", check.Output);
        Assert.DoesNotContain("SELECT ", check.Output);
        Assert.Empty(Directory.GetFileSystemEntries(WorkingDirectory));

        await RefusesAKeyRingThatLostOrChangedAKeyTheDatabaseUsedAsync();
    }

    [Fact]
    [Trait("Provider", "Independent")] // each refuses before it opens a database
    public async Task Refuses_to_start_without_its_settings_file_crisis_lines_or_static_assets()
    {
        var noSettings = CopyOfTheApp();
        File.Delete(Path.Combine(noSettings, "appsettings.json"));
        var noCrisisLines = CopyOfTheApp();
        var settings = JsonNodeOf(Path.Combine(noCrisisLines, "appsettings.json"));
        settings["Kith"]!["CrisisLines"] = new System.Text.Json.Nodes.JsonArray();
        File.Delete(Path.Combine(noCrisisLines, "appsettings.json")); // a hard link: never write through it
        await File.WriteAllTextAsync(Path.Combine(noCrisisLines, "appsettings.json"), settings.ToJsonString());
        var noAssets = CopyOfTheApp();
        File.Delete(Path.Combine(noAssets, "Kith.staticwebassets.runtime.json")); // a build's map to wwwroot
        foreach (var wwwroot in Directory.GetDirectories(noAssets, "wwwroot")) Directory.Delete(wwwroot, recursive: true); // a published build's

        var environment = Environment(KeyRing);
        var runs = await Task.WhenAll(new[] { noSettings, noCrisisLines, noAssets }.Select(app =>
            KithProcess.RunFromAsync(environment, WorkingDirectory, Path.Combine(app, "Kith.dll"), RefusalLimit)));

        Refused(runs[0], "settings file");
        Refused(runs[1], "no crisis lines are configured");
        Refused(runs[2], "static asset");
    }

    /// <summary>Against the database and key ring the start above recorded check values for (one node start saved).</summary>
    private async Task RefusesAKeyRingThatLostOrChangedAKeyTheDatabaseUsedAsync()
    {
        var environment = Environment(KeyRing);

        var noReceiptKey = CopyOfKeyRing();
        File.Delete(Path.Combine(noReceiptKey, "secret-concern-receipts.key"));
        var damaged = CopyOfKeyRing();
        await File.WriteAllTextAsync(Path.Combine(damaged, "secret-audit-chain.key"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await File.WriteAllTextAsync(Path.Combine(damaged, "secret-safety-plans.key"), "");
        var fresh = Path.Combine(root, "fresh-keys");
        Directory.CreateDirectory(fresh);

        var runs = await Task.WhenAll(
            KithProcess.RunFromAsync(Environment(noReceiptKey), WorkingDirectory, null, RefusalLimit),
            KithProcess.RunFromAsync(Environment(damaged), WorkingDirectory, null, RefusalLimit),
            KithProcess.RunFromAsync(Environment(fresh), WorkingDirectory, null, RefusalLimit),
            KithProcess.RunFromAsync(Environment(noReceiptKey), WorkingDirectory, null, RefusalLimit, "keys", "check"),
            KithProcess.RunFromAsync(environment, WorkingDirectory, null, RefusalLimit, "keys", "check"));

        Refused(runs[0], "Secret 'concern-receipts'");
        Refused(runs[1], "Secret 'audit-chain'");
        Assert.Contains("is not the one the database was made with", runs[1].Output);
        Assert.Contains("Secret 'safety-plans'", runs[1].Output); // truncated
        Refused(runs[2], "Data Protection key");
        Assert.False(File.Exists(Path.Combine(noReceiptKey, "secret-concern-receipts.key")), "a lost key must not be silently re-made");
        Assert.Equal(1, runs[3].ExitCode);
        Assert.Contains("Secret 'concern-receipts'", runs[3].Output);
        Assert.True(runs[4].ExitCode == 0, runs[4].Output);
    }

    [Fact]
    public async Task Nodes_started_together_on_an_empty_key_ring_agree_on_one_Data_Protection_key()
    {
        await using var shared = await TestDatabase.CreateAsync();
        var keys = Path.Combine(root, "shared-keys");
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            KithProcess.RunFromAsync(Environment(shared, keys), WorkingDirectory, null, RefusalLimit, "migrate")));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Output));
        var key = Assert.Single(Directory.GetFiles(keys, "key-*.xml"));
        var recorded = Assert.Single((await CheckValuesAsync(shared)).Keys, k => k.StartsWith("data-protection:", StringComparison.Ordinal));
        Assert.EndsWith(Path.GetFileNameWithoutExtension(key)["key-".Length..], recorded);
    }

    private static void Refused(KithProcess.Result run, string reason)
    {
        Assert.True(run.ExitCode == 1, $"expected a refusal ({reason}), got exit code {run.ExitCode}:\n{run.Output}");
        var line = Assert.Single(run.StdErr.Split('\n'), l => l.StartsWith("Kith refused to start: ", StringComparison.Ordinal));
        Assert.Contains(reason, line);
    }

    /// <summary>The build output hard-linked into a folder of its own (instant; the app finds itself there, not in the build).</summary>
    private string CopyOfTheApp()
    {
        var copy = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(KithProcess.Executable))!, "copy-" + Guid.NewGuid().ToString("N"));
        copies.Add(copy);
        using var cp = Process.Start("cp", ["-al", Path.GetDirectoryName(KithProcess.Executable)!, copy])!;
        cp.WaitForExit();
        Assert.Equal(0, cp.ExitCode);
        return copy;
    }

    private string CopyOfKeyRing()
    {
        var copy = Path.Combine(root, "keys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(KeyRing)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    private static System.Text.Json.Nodes.JsonNode JsonNodeOf(string path) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;

    private Task<Dictionary<string, string>> CheckValuesAsync() => CheckValuesAsync(database);

    private static async Task<Dictionary<string, string>> CheckValuesAsync(TestDatabase database)
    {
        var values = new Dictionary<string, string>();
        await using var connection = database.IsPostgres ? (System.Data.Common.DbConnection)new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, check_value FROM platform_key_checks";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values[reader.GetString(0)] = reader.GetString(1);
        return values;
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex Asset();

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        foreach (var dir in copies.Append(root))
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}
