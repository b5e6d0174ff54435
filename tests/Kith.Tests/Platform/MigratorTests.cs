using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kith.Tests.Platform;

/// <summary>The SQL migrator on empty databases of the provider under test (no app host needed).</summary>
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
        Assert.Equal(migrator.Scripts.Select(s => (s.Version, s.Name, s.Checksum)), recorded);
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
        Assert.Equal(migrators[0].Scripts.Select(s => (s.Version, s.Name, s.Checksum)), recorded);
    }

    [Fact]
    public async Task A_script_changed_after_it_was_applied_is_a_clear_error()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = MigratorFor(database);
        await migrator.MigrateAsync();
        var first = migrator.Scripts[0];
        await ExecuteAsync(database, $"UPDATE platform_schema_versions SET checksum = 'not-the-shipped-checksum' WHERE version = {first.Version}");

        var pending = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.PendingAsync());
        var migrate = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());

        Assert.Contains($"Migration {first.Version} ({first.Name}) was changed after it was applied", pending.Message);
        Assert.Equal(pending.Message, migrate.Message);
    }

    internal static Migrator MigratorFor(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings()).Build();
        return new Migrator(DatabaseSettings.From(configuration, Path.GetTempPath()), NullLogger<Migrator>.Instance, TimeProvider.System);
    }

    private static async Task<List<(int, string, string)>> RecordedAsync(TestDatabase database)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, checksum FROM platform_schema_versions ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    /// <summary>A migrator for a database that holds (and records) every migration before <paramref name="version"/>: add old rows, then migrate.</summary>
    internal static async Task<Migrator> MigratedBeforeAsync(TestDatabase database, int version)
    {
        var migrator = MigratorFor(database);
        await migrator.PendingAsync(); // creates the versions table
        foreach (var script in migrator.Scripts.Where(s => s.Version < version))
        {
            await ExecuteAsync(database, script.Sql);
            await ExecuteAsync(database, "INSERT INTO platform_schema_versions (version, name, checksum, applied_at) VALUES " +
                $"({script.Version}, '{script.Name}', '{script.Checksum}', '2026-11-01 00:00:00')");
        }
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
