using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Data;

internal enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Which database Kith runs on. One setting decides: when <c>ConnectionStrings:Postgres</c> is set,
/// PostgreSQL; otherwise the embedded SQLite file (<c>ConnectionStrings:Sqlite</c>, default data/kith.db).
/// </summary>
internal sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static DatabaseSettings From(IConfiguration configuration, string dataRoot)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
            return new(DatabaseProvider.Postgres, postgres);

        var sqlite = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString("Sqlite") ?? "Data Source=data/kith.db");
        if (sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
            sqlite.DataSource = Path.GetFullPath(Path.Combine(dataRoot, sqlite.DataSource));
        if (sqlite.DataSource != ":memory:")
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        sqlite.ForeignKeys = true;
        // Writers queue on SQLite's own lock rather than failing fast.
        sqlite.DefaultTimeout = 30;
        return new(DatabaseProvider.Sqlite, sqlite.ToString());
    }

    public void Apply(DbContextOptionsBuilder options)
    {
        if (IsPostgres)
            options.UseNpgsql(ConnectionString);
        else
            options.UseSqlite(ConnectionString);
    }
}
