using Npgsql;

namespace Kith.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test class, on the provider this run targets:
/// KITH_TEST_PROVIDER=sqlite (default) or postgres, with KITH_TEST_POSTGRES the admin connection
/// string of the throw-away cluster that ./test.sh starts.
/// </summary>
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

    public static Task<TestDatabase> CreateAsync() =>
        ProviderName == "postgres" ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    public static TestDatabase CreateSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kith-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "kith.db")}", null, null, dir);
    }

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = PostgresAdmin;
        var name = "kith_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new(DatabaseProvider.Postgres, builder.ToString(), admin, name, null);
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
            await using var connection = new NpgsqlConnection(adminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else if (directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
