using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kith.Tests.Platform;

/// <summary>
/// The SQL migrator on empty databases of the provider under test (no app host needed), and the naming
/// convention of docs/migrations.md: numbered scripts first, then timestamped ones, each applied once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MigratorTests
{
    [Fact]
    public async Task An_empty_database_gets_every_script_once_recorded_with_its_checksum()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = MigratorFor(database);

        Assert.Equal(migrator.Scripts.Count, (await migrator.PendingAsync()).Count);
        var applied = await migrator.MigrateAsync();
        var recorded = await RecordedAsync(database);

        Assert.True(migrator.Scripts.Count > 0);
        Assert.Equal(migrator.Scripts.Count, applied);
        Assert.Equal(migrator.Scripts.Select(s => (s.Id, s.Checksum)), recorded);
        Assert.Empty(await migrator.PendingAsync());
        Assert.Equal(0, await migrator.MigrateAsync());
        Assert.Equal(recorded, await RecordedAsync(database));
    }

    [Fact]
    public async Task Several_nodes_migrating_at_once_apply_each_script_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrators = Enumerable.Range(0, 4).Select(_ => MigratorFor(database)).ToList();

        var applied = await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync())));
        var recorded = await RecordedAsync(database);

        Assert.Equal(migrators[0].Scripts.Count, applied.Sum());
        Assert.Equal(migrators[0].Scripts.Select(s => (s.Id, s.Checksum)), recorded);
    }

    [Fact]
    public async Task A_script_changed_after_it_was_applied_is_a_clear_error()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = MigratorFor(database);
        await migrator.MigrateAsync();
        var first = migrator.Scripts[0];
        await ExecuteAsync(database, $"UPDATE platform_migrations SET checksum = 'not-the-shipped-checksum' WHERE id = '{first.Id}'");

        var pending = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.PendingAsync());
        var migrate = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());

        Assert.Contains($"Migration {first.Id} was changed after it was applied", pending.Message);
        Assert.Equal(pending.Message, migrate.Message);
    }

    // Two modules' scripts merged after the numbered ones; the second needs the first, the first needs 0001's platform_jobs.
    private static readonly MigrationScript[] Timestamped =
    [
        new("20991231T1100_tests_second", "INSERT INTO tests_first (name) VALUES ('second')"),
        new("20991231T1030_tests_first", "CREATE TABLE tests_first AS SELECT name FROM platform_jobs WHERE 1 = 0"),
    ];

    [Fact]
    public async Task Timestamped_scripts_apply_once_after_the_numbered_ones_in_name_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = MigratorFor(database, Timestamped);

        var applied = await migrator.MigrateAsync();
        var recorded = await RecordedAsync(database);

        var numbered = Migrator.Load(database.Provider);
        Assert.Equal(numbered.Select(s => s.Id).Concat(["20991231T1030_tests_first", "20991231T1100_tests_second"]), migrator.Scripts.Select(s => s.Id));
        Assert.Equal(numbered.Count + 2, applied);
        Assert.Equal(migrator.Scripts.Select(s => (s.Id, s.Checksum)), recorded);
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync(database, "SELECT count(*) FROM tests_first")));
        Assert.Equal(0, await MigratorFor(database, Timestamped).MigrateAsync());
        Assert.Empty(await migrator.PendingAsync());
    }

    [Fact]
    public async Task A_database_migrated_by_the_old_code_gets_only_the_new_scripts_and_keeps_its_record()
    {
        await using var database = await TestDatabase.CreateAsync();
        // The old code knew only numbered scripts; the shipped timestamped ones are new to such a database too.
        var shipped = Migrator.Load(database.Provider).Where(s => s.Version is not null).ToList();
        var added = Migrator.Load(database.Provider).Where(s => s.Version is null).Select(s => s.Id)
            .Concat(["20991231T1030_tests_first", "20991231T1100_tests_second"]).ToList();
        await MigrateAsTheOldCodeDidAsync(database, shipped);
        var migrator = MigratorFor(database, Timestamped);

        Assert.Equal(added, (await migrator.PendingAsync()).Select(s => s.Id));
        Assert.Equal(added.Count, await migrator.MigrateAsync());

        Assert.Equal(added, (await RecordedAsync(database)).Select(r => r.Item1));
        Assert.Equal(shipped.Count, Convert.ToInt64(await ScalarAsync(database, "SELECT count(*) FROM platform_schema_versions")));
        Assert.Empty(await migrator.PendingAsync());
        Assert.Equal(0, await migrator.MigrateAsync());

        // The old record still guards its scripts' text.
        await ExecuteAsync(database, "UPDATE platform_schema_versions SET checksum = 'changed' WHERE version = 1");
        var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.PendingAsync());
        Assert.Contains($"Migration {shipped[0].Id} was changed after it was applied", changed.Message);
    }

    [Theory]
    [InlineData("0015_responders")]
    [InlineData("20261205T1030_responders_subjects")]
    public void Numbered_and_timestamped_names_are_accepted(string id) =>
        Assert.Equal(id, MigrationScript.Parse(id, "SELECT 1").Id);

    [Theory]
    [InlineData("15_responders")]
    [InlineData("20261205_responders_subjects")]
    [InlineData("20261205T1030_subjects")]
    [InlineData("20261205T1030_Responders_subjects")]
    public void Other_names_are_refused_with_the_convention(string id)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MigrationScript.Parse(id, "SELECT 1"));
        Assert.Contains("yyyyMMddTHHmm_module_name.sql", error.Message);
    }

    [Fact]
    public void Two_numbered_scripts_with_one_number_are_refused_and_both_providers_ship_the_same_names()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=unused.db");
        Assert.Throws<InvalidOperationException>(() => new Migrator(settings, NullLogger<Migrator>.Instance, TimeProvider.System,
            [new("0015_responders", "SELECT 1"), new("0015_risk_language", "SELECT 1")]));
        Assert.Equal(Migrator.Load(DatabaseProvider.Sqlite).Select(s => s.Id), Migrator.Load(DatabaseProvider.Postgres).Select(s => s.Id));
    }

    internal static Migrator MigratorFor(TestDatabase database, IEnumerable<MigrationScript>? extra = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings()).Build();
        var settings = DatabaseSettings.From(configuration, Path.GetTempPath());
        return extra is null
            ? new Migrator(settings, NullLogger<Migrator>.Instance, TimeProvider.System)
            : new Migrator(settings, NullLogger<Migrator>.Instance, TimeProvider.System, [.. Migrator.Load(database.Provider), .. extra]);
    }

    /// <summary>Runs numbered scripts and records them as the migrator before ADR 0022 did (by number, in platform_schema_versions).</summary>
    internal static async Task MigrateAsTheOldCodeDidAsync(TestDatabase database, IEnumerable<MigrationScript> scripts)
    {
        await ExecuteAsync(database, database.IsPostgres
            ? "CREATE TABLE platform_schema_versions (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamp with time zone NOT NULL)"
            : "CREATE TABLE platform_schema_versions (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var script in scripts)
        {
            await ExecuteAsync(database, script.Sql);
            await ExecuteAsync(database, "INSERT INTO platform_schema_versions (version, name, checksum, applied_at) VALUES " +
                $"({script.Version}, '{script.Name}', '{script.Checksum}', '2026-11-01 00:00:00')");
        }
    }

    private static async Task<List<(string, string)>> RecordedAsync(TestDatabase database)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, checksum FROM platform_migrations ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    private static async Task<object?> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// A migrator for a database that holds (and records, as the code of that time did) every migration ordered
    /// before <paramref name="id"/>: add old rows, then migrate. Only numbered scripts can come before, because
    /// the old bookkeeping knew no others.
    /// </summary>
    internal static async Task<Migrator> MigratedBeforeAsync(TestDatabase database, string id)
    {
        var migrator = MigratorFor(database);
        var before = migrator.Scripts.TakeWhile(s => s.Id != id).ToList();
        Assert.True(before.Count < migrator.Scripts.Count, $"no migration {id}");
        Assert.All(before, s => Assert.NotNull(s.Version));
        await MigrateAsTheOldCodeDidAsync(database, before);
        return migrator;
    }

    internal static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    internal static System.Data.Common.DbConnection Open(TestDatabase database) => database.IsPostgres
        ? new Npgsql.NpgsqlConnection(database.ConnectionString)
        : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
}
