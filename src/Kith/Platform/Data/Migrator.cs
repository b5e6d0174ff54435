using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Data;

/// <summary>A versioned SQL script shipped inside the executable (db/migrations/&lt;provider&gt;/NNNN_name.sql).</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

internal sealed record AppliedMigration(int Version, string Name, string Checksum);

/// <summary>
/// Applies the provider's SQL scripts in order, each in its own transaction together with its row in
/// <c>platform_schema_versions</c>. On PostgreSQL a session advisory lock makes concurrent starts of
/// several nodes take turns; on SQLite the write lock does the same.
/// </summary>
internal sealed class Migrator(DatabaseSettings database, ILogger<Migrator> log, TimeProvider time)
{
    private const long MigrationLock = 0x4B697468_4D696772;

    public IReadOnlyList<MigrationScript> Scripts { get; } = Load(database.Provider);

    public static IReadOnlyList<MigrationScript> Load(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"migrations/{folder}/";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            var underscore = file.IndexOf('_');
            if (underscore < 1 || !int.TryParse(file[..underscore], out var version))
                throw new InvalidOperationException($"Migration '{file}' must be named NNNN_name.sql.");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add(new(version, Path.GetFileNameWithoutExtension(file)[(underscore + 1)..], reader.ReadToEnd()));
        }
        var ordered = scripts.OrderBy(s => s.Version).ToList();
        if (ordered.Select(s => s.Version).Distinct().Count() != ordered.Count)
            throw new InvalidOperationException($"Two {folder} migrations share a version number.");
        return ordered;
    }

    public async Task<IReadOnlyList<MigrationScript>> PendingAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        var applied = await AppliedAsync(connection, null, ct);
        Verify(applied);
        return Scripts.Where(s => applied.All(a => a.Version != s.Version)).ToList();
    }

    /// <summary>Applies every pending script; returns how many it applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        if (database.IsPostgres) await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({MigrationLock})", ct);
        else await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
        try
        {
            var count = 0;
            foreach (var script in Scripts)
            {
                await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, ct);
                var applied = await AppliedAsync(connection, transaction, ct);
                Verify(applied);
                if (applied.Any(a => a.Version == script.Version)) continue;
                log.LogInformation("Applying migration {Version} {Name}", script.Version, script.Name);
                await ExecuteAsync(connection, transaction, script.Sql, ct);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO platform_schema_versions (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a)";
                    AddParameter(record, "@v", script.Version);
                    AddParameter(record, "@n", script.Name);
                    AddParameter(record, "@c", script.Checksum);
                    AddParameter(record, "@a", time.GetUtcNow().UtcDateTime);
                    await record.ExecuteNonQueryAsync(ct);
                }
                await transaction.CommitAsync(ct);
                count++;
            }
            return count;
        }
        finally
        {
            if (database.IsPostgres) await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
        }
    }

    /// <summary>An applied script whose text changed since is a deployment error, not something to paper over.</summary>
    private void Verify(IReadOnlyList<AppliedMigration> applied)
    {
        foreach (var a in applied)
        {
            var script = Scripts.FirstOrDefault(s => s.Version == a.Version);
            if (script is not null && script.Checksum != a.Checksum)
                throw new InvalidOperationException($"Migration {a.Version} ({a.Name}) was changed after it was applied; add a new migration instead.");
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = database.IsPostgres
            ? new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        var create = database.IsPostgres
            ? "CREATE TABLE IF NOT EXISTS platform_schema_versions (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamp with time zone NOT NULL)"
            : "CREATE TABLE IF NOT EXISTS platform_schema_versions (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";
        try
        {
            await ExecuteAsync(connection, null, create, ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is "23505" or "42P07" or "42710")
        {
            // Two nodes created the table at the same instant; it exists now.
        }
        return connection;
    }

    private static async Task<IReadOnlyList<AppliedMigration>> AppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, name, checksum FROM platform_schema_versions ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<AppliedMigration>();
        while (await reader.ReadAsync(ct))
            result.Add(new(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        return result;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
