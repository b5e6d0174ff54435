using Microsoft.Extensions.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kith.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test class, on the provider this run targets:
/// KITH_TEST_PROVIDER=sqlite (default) or postgres, with KITH_TEST_POSTGRES the admin connection
/// string of the throw-away cluster that ./test.sh starts.
/// </summary>
/// <remarks>
/// Migrating costs far more than copying (every script, one transaction each), and a run makes a hundred
/// databases. So the scripts run once per provider per test process into a template
/// (<see cref="MigratedTemplate"/>), and <see cref="CreateMigratedAsync"/> clones it: PostgreSQL's
/// <c>CREATE DATABASE … TEMPLATE</c>, or a copy of the SQLite file. Tests about migrating use
/// <see cref="CreateAsync"/>, which stays empty.
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? adminConnection;
    private readonly string? databaseName;
    private readonly string? directory;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? adminConnection, string? databaseName, string? directory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.adminConnection = adminConnection;
        this.databaseName = databaseName;
        this.directory = directory;
    }

    internal DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static string ProviderName => Environment.GetEnvironmentVariable("KITH_TEST_PROVIDER") ?? "sqlite";

    public static string PostgresAdmin => Environment.GetEnvironmentVariable("KITH_TEST_POSTGRES")
        ?? throw new InvalidOperationException("KITH_TEST_POSTGRES is not set: run the suite with ./test.sh, which starts a PostgreSQL cluster.");

    /// <summary>An empty database (no tables at all), for tests about migrating or a first start.</summary>
    public static Task<TestDatabase> CreateAsync() =>
        ProviderName == "postgres" ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    /// <summary>A database with every migration applied: a clone of this run's migrated template.</summary>
    public static Task<TestDatabase> CreateMigratedAsync() =>
        ProviderName == "postgres" ? ClonePostgresAsync() : CloneSqliteAsync();

    public static TestDatabase CreateSqlite()
    {
        var dir = NewSqliteDirectory();
        return new(DatabaseProvider.Sqlite, SqliteConnectionString(dir), null, null, dir);
    }

    public static Task<TestDatabase> CreatePostgresAsync() => CreatePostgresAsync(template: null);

    private static async Task<TestDatabase> CreatePostgresAsync(string? template)
    {
        var admin = PostgresAdmin;
        var name = "kith_test_" + Guid.NewGuid().ToString("N")[..16];
        // FILE_COPY copies the template's files instead of writing every block to the WAL (PostgreSQL 15's default):
        // about half the time per clone, measured on this ~10 MB template; its checkpoint is cheap with fsync off.
        await ExecuteAdminAsync(admin, template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new(DatabaseProvider.Postgres, builder.ToString(), admin, name, null);
    }

    private static async Task<TestDatabase> ClonePostgresAsync()
    {
        var template = await MigratedTemplate.Value;
        // CREATE DATABASE refuses a template another session is connected to (55006); only the brief moment
        // of migrating it ever holds one, so a retry is a guard, not an expected path.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CreatePostgresAsync(template.databaseName);
            }
            catch (PostgresException e) when (e.SqlState == "55006" && attempt < 20)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }

    private static async Task<TestDatabase> CloneSqliteAsync()
    {
        var template = await MigratedTemplate.Value;
        var dir = NewSqliteDirectory();
        File.Copy(new SqliteConnectionStringBuilder(template.ConnectionString).DataSource, Path.Combine(dir, "kith.db"));
        return new(DatabaseProvider.Sqlite, SqliteConnectionString(dir), null, null, dir);
    }

    /// <summary>
    /// This process's migrated database, made on first use and never handed to a test: nothing but
    /// <see cref="CreateMigratedAsync"/> touches it, so no connection to it is open when it is cloned.
    /// Its name is this process's own (other runs may share the PostgreSQL cluster with other scripts);
    /// it is dropped when the process exits.
    /// </summary>
    private static readonly Lazy<Task<TestDatabase>> MigratedTemplate = new(async () =>
    {
        var template = await CreateAsync();
        var settings = new DatabaseSettings(template.Provider, template.ConnectionString);
        await new Migrator(settings, NullLogger<Migrator>.Instance, TimeProvider.System).MigrateAsync();
        if (template.IsPostgres)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(template.ConnectionString));
        }
        else
        {
            await using (var connection = new SqliteConnection(template.ConnectionString))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await checkpoint.ExecuteNonQueryAsync();
            }
            SqliteConnection.ClearPool(new SqliteConnection(template.ConnectionString));
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        return template;
    });

    private static string NewSqliteDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kith-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }

    private static string SqliteConnectionString(string dir) => $"Data Source={Path.Combine(dir, "kith.db")}";

    private static async Task ExecuteAdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Configuration keys that point the app at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() => IsPostgres
        ? [new("ConnectionStrings:Postgres", ConnectionString)]
        : [new("ConnectionStrings:Sqlite", ConnectionString), new("ConnectionStrings:Postgres", "")];

    public async ValueTask DisposeAsync()
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdminAsync(adminConnection!, $"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)");
        }
        else if (directory is not null)
        {
            // Only this database's pools, the test's and the app's (which adds its own keywords): clearing every pool
            // raced with other classes opening connections from theirs — a clean run once answered a 500 when a pooled
            // connection was disposed under a request of another class (ObjectDisposedException: SQLitePCL.sqlite3).
            var app = Kith.Platform.Data.DatabaseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build(), directory);
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            SqliteConnection.ClearPool(new SqliteConnection(app.ConnectionString));
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
