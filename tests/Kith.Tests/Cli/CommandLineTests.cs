using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kith.Tests.Cli;

/// <summary>The operator commands, run as the built executable against a database of this class's own.</summary>
[Trait("Category", "Integration")]
[RunsLong]
public sealed class CommandLineTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private readonly string keyRing = Path.Combine(Path.GetTempPath(), "kith-tests", "cli-" + Guid.NewGuid().ToString("N"));
    private Dictionary<string, string> environment = default!;

    public Task InitializeAsync() => UseDatabaseAsync(TestDatabase.CreateAsync());

    /// <summary>
    /// Tests of commands other than <c>migrate</c> start from a clone of the run's migrated template, as an operator's
    /// database is after `kith migrate`: a full migration in a child process costs seconds, more on PostgreSQL.
    /// </summary>
    private async Task MigratedAsync()
    {
        await database.DisposeAsync();
        await UseDatabaseAsync(TestDatabase.CreateMigratedAsync());
    }

    private async Task UseDatabaseAsync(Task<TestDatabase> create)
    {
        database = await create;
        environment = new() { ["Kith__KeyRingPath"] = keyRing };
        foreach (var (key, value) in database.Settings()) environment[key.Replace(":", "__")] = value ?? "";
    }

    [Fact]
    public async Task Migrate_applies_the_scripts_once()
    {
        var first = await KithProcess.RunCommandAsync(environment, "migrate");
        var second = await KithProcess.RunCommandAsync(environment, "migrate");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Matches("Applied [1-9][0-9]* migration", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Output);
    }

    [Fact]
    public async Task Seed_demo_builds_Riverbend_and_its_printed_sign_ins_work()
    {
        var seed = await KithProcess.RunCommandAsync(environment, "seed-demo");
        var again = await KithProcess.RunCommandAsync(environment, "seed-demo");

        Assert.True(seed.ExitCode == 0, seed.Output);
        var credentials = KithProcess.DemoSignIns(seed.Output);
        Assert.Equal(["admin", "coordinator", "leader", "responder"], credentials.Keys.Order());
        Assert.Contains("nothing new", again.Output);
        Assert.Equal(8L, await CountAsync("community_areas"));
        Assert.True(await CountAsync("community_organisations") >= 11);
        Assert.Equal(4L, await CountAsync("community_staff"));

        await using var node = await KithProcess.StartNodeAsync(environment);
        foreach (var (role, (email, password)) in credentials)
        {
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = node.Address };
            var signIn = await Staff.SignInAsync(client, email, password);
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{role} could not sign in");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);
        }
    }

    [Fact]
    public async Task Users_add_checks_its_arguments_and_prints_a_temporary_password()
    {
        await MigratedAsync();

        var noRole = await KithProcess.RunCommandAsync(environment, "users", "add", "--email", "a@cli.test");
        var badRole = await KithProcess.RunCommandAsync(environment, "users", "add", "--email", "a@cli.test", "--role", "superuser");
        var noOrg = await KithProcess.RunCommandAsync(environment, "users", "add", "--email", "a@cli.test", "--role", "responder", "--org", "Nowhere High");
        var admin = await KithProcess.RunCommandAsync(environment, "users", "add", "--email", "admin@cli.test", "--name", "Ada Admin", "--role", "admin");
        var duplicate = await KithProcess.RunCommandAsync(environment, "users", "add", "--email", "admin@cli.test", "--role", "admin");

        Assert.Equal(2, noRole.ExitCode);
        Assert.Equal(2, badRole.ExitCode);
        Assert.Contains("Unknown role", badRole.Output);
        Assert.Equal(2, noOrg.ExitCode);
        Assert.Contains("No organisation 'Nowhere High'", noOrg.Output);
        Assert.True(admin.ExitCode == 0, admin.Output);
        Assert.Matches("Temporary password \\(must be changed at first sign-in\\): [a-z0-9]{4}(-[a-z0-9]{4}){4}", admin.Output);
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Equal(1L, await CountAsync("community_staff"));

        // The app as deployed hashes with ASP.NET Core Identity's full cost (in-process test apps use a cheap
        // count, see KithApp). The v3 hash is 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), …
        var hash = Convert.FromBase64String(await ScalarAsync<string>("SELECT password_hash FROM community_staff"));
        Assert.Equal(1, hash[0]);
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(5, 4)) >= 100_000);
    }

    [Fact]
    public async Task Areas_import_is_all_or_nothing_and_names_every_problem()
    {
        await MigratedAsync();
        var dir = Directory.CreateDirectory(Path.Combine(keyRing, "..", "cli-areas-" + Guid.NewGuid().ToString("N"))).FullName;
        var bad = Path.Combine(dir, "bad.geojson");
        await File.WriteAllTextAsync(bad, """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"code":"ok-one","name":"Fine","population":100},
               "geometry":{"type":"Polygon","coordinates":[[[-93,44],[-92.9,44],[-92.9,44.1],[-93,44]]]}},
              {"type":"Feature","properties":{"code":"open ring","name":"","population":-5},
               "geometry":{"type":"Polygon","coordinates":[[[-93,44],[-92.9,44],[-92.9,44.1],[-93,44.2]]]}}
            ]}
            """);
        var good = Path.Combine(dir, "good.geojson");
        await File.WriteAllTextAsync(good, """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"code":"ok-one","name":"Fine","population":100},
               "geometry":{"type":"Polygon","coordinates":[[[-93,44],[-92.9,44],[-92.9,44.1],[-93,44]]]}}
            ]}
            """);

        var refused = await KithProcess.RunCommandAsync(environment, "areas", "import", bad);
        Assert.Equal(0L, await CountAsync("community_areas"));
        var imported = await KithProcess.RunCommandAsync(environment, "areas", "import", good);
        var reimported = await KithProcess.RunCommandAsync(environment, "areas", "import", good);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("feature 2 (open ring): properties.code", refused.Output);
        Assert.Contains("properties.name is required", refused.Output);
        Assert.Contains("properties.population", refused.Output);
        Assert.Contains("ring 1 must be a closed list", refused.Output);
        Assert.True(imported.ExitCode == 0, imported.Output);
        Assert.Contains("1 created, 0 updated", imported.Output);
        Assert.Contains("0 created, 1 updated", reimported.Output);
        Assert.Equal(1L, await CountAsync("community_areas"));
    }

    [Fact]
    public async Task Commands_print_only_their_own_progress_and_result_never_sql_or_log_lines()
    {
        var service = Path.Combine(KithProcess.RepositoryRoot, "tests", "conformance", "hsds-3.0", "examples", "service_full.json");

        var migrate = await KithProcess.RunCommandAsync(environment, "migrate");
        var import = await KithProcess.RunCommandAsync(environment, "directory", "import", service);

        Assert.True(migrate.ExitCode == 0, migrate.Output);
        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Matches("^Applied [1-9][0-9]* migration\\(s\\)\\.$", migrate.StdOut.Trim());
        Assert.Contains("Imported: 20 inserted", import.StdOut);
        foreach (var run in new[] { migrate, import })
        {
            Assert.DoesNotContain("Microsoft.EntityFrameworkCore", run.Output);
            foreach (var sql in new[] { "SELECT ", "INSERT INTO", "CREATE TABLE", "PRAGMA", "Executed DbCommand" })
                Assert.DoesNotContain(sql, run.Output);
            // The app's log (JSON on the web console) stays off standard output: it holds only what the command says.
            Assert.All(run.StdOut.Split('\n'), line => Assert.False(line.TrimStart().StartsWith('{'), line));
        }
    }

    [Fact]
    [Trait("Provider", "Independent")] // the demo seeds itself only into an embedded database, whichever stage runs it
    public async Task First_start_prints_the_demo_sign_ins_once_as_a_framed_block_outside_the_json_log()
    {
        // The demo seeds itself only into a new embedded database, so this start uses one of its own.
        var folder = Directory.CreateTempSubdirectory("kith-first-start-").FullName;
        var embedded = new Dictionary<string, string>(environment)
        {
            ["ConnectionStrings__Postgres"] = "",
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder, "kith.db")}",
            ["Kith__KeyRingPath"] = Path.Combine(folder, "keys"),
            ["Kith__Jobs__Enabled"] = "false",
        };
        try
        {
            await using var node = await KithProcess.StartNodeAsync(embedded);
            for (var i = 0; i < 100 && KithProcess.DemoSignIns(node.Output).Count < 4; i++) await Task.Delay(100);

            var lines = node.Output.Split('\n');
            var frames = lines.Select((line, index) => (line, index)).Where(l => l.line.StartsWith("=====", StringComparison.Ordinal)).Select(l => l.index).ToList();
            Assert.Equal(2, frames.Count);
            var block = string.Join('\n', lines[frames[0]..(frames[1] + 1)]);
            Assert.Equal(["admin", "coordinator", "leader", "responder"], KithProcess.DemoSignIns(block).Keys.Order());
            Assert.Contains($"Sign in at {node.Address!.ToString().TrimEnd('/')}/staff/sign-in", block);
            Assert.All(lines[frames[0]..frames[1]], line => Assert.False(line.TrimStart().StartsWith('{'), "a log line inside the block: " + line));
            // Printed once, and never into the structured log.
            var passwords = KithProcess.DemoSignIns(block).Values.Select(v => v.Password).ToList();
            Assert.All(passwords, p => Assert.Single(lines, l => l.Contains(p, StringComparison.Ordinal)));
            Assert.DoesNotContain(lines, l => l.StartsWith('{') && l.Contains("riverbend.example", StringComparison.Ordinal));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    [Trait("Provider", "Independent")] // no database
    public async Task Help_lists_the_commands_and_an_unknown_subcommand_fails()
    {
        var help = await KithProcess.RunCommandAsync(environment, "help");
        var unknown = await KithProcess.RunCommandAsync(environment, "audit", "shred");

        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "migrate", "seed-demo", "audit verify", "organisations add", "users add", "areas import", "jobs probe" })
            Assert.Contains(command, help.Output);
        Assert.Equal(2, unknown.ExitCode);
    }

    private Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT count(*) FROM {table}");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        if (database.IsPostgres)
        {
            await using var pg = new NpgsqlConnection(database.ConnectionString);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(sql, pg);
            return (T)(await command.ExecuteScalarAsync())!;
        }
        await using var sqlite = new SqliteConnection(database.ConnectionString);
        await sqlite.OpenAsync();
        await using var query = sqlite.CreateCommand();
        query.CommandText = sql;
        return (T)(await query.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        try { Directory.Delete(keyRing, recursive: true); } catch (IOException) { }
    }
}
