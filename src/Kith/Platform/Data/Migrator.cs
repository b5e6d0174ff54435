using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Data;

/// <summary>
/// A SQL script shipped inside the executable (db/migrations/&lt;provider&gt;/&lt;id&gt;.sql), identified by its
/// file name without the extension. Two conventions (docs/migrations.md, ADR 0022): the first scripts are
/// numbered (<c>0001_foundation</c>); new ones are <c>yyyyMMddTHHmm_module_name</c> in UTC, so modules built
/// in parallel cannot pick the same name. Ordered by id: numbered scripts first.
/// </summary>
internal sealed partial record MigrationScript(string Id, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The number of a numbered script (its identity in the first bookkeeping table); null for a timestamped one.</summary>
    public int? Version { get; } = NumberOf(Id);

    public string Name => Id[(Id.IndexOf('_') + 1)..];

    public static MigrationScript Parse(string id, string sql) =>
        Numbered().IsMatch(id) || Timestamped().IsMatch(id)
            ? new(id, sql)
            : throw new InvalidOperationException(
                $"Migration '{id}.sql' must be named yyyyMMddTHHmm_module_name.sql (UTC time, module folder in lower case, e.g. 20261205T1030_responders_subjects.sql); see docs/migrations.md.");

    /// <summary>True when this script is the one that record describes: same id, or for a numbered script the same number.</summary>
    public bool IsRecordedAs(AppliedMigration applied) =>
        applied.Id == Id || (Version is { } number && NumberOf(applied.Id) == number);

    private static int? NumberOf(string id) =>
        Numbered().Match(id) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^\d{8}T\d{4}_[a-z][a-z0-9]*_[a-z0-9_]+$")]
    private static partial Regex Timestamped();
}

internal sealed record AppliedMigration(string Id, string Checksum);

/// <summary>
/// Applies the provider's SQL scripts in order, each in its own transaction together with its row in
/// <c>platform_migrations</c> (keyed by the script's id). Databases migrated before ADR 0022 keep their
/// rows in <c>platform_schema_versions</c> (keyed by number); both are read, only the new one is written.
/// On PostgreSQL a session advisory lock makes concurrent starts of several nodes take turns; on SQLite
/// the write lock does the same.
/// </summary>
internal sealed class Migrator(DatabaseSettings database, ILogger<Migrator> log, TimeProvider time, IReadOnlyList<MigrationScript> scripts)
{
    private const long MigrationLock = 0x4B697468_4D696772;
    private const string LegacyTable = "platform_schema_versions";

    public Migrator(DatabaseSettings database, ILogger<Migrator> log, TimeProvider time)
        : this(database, log, time, Load(database.Provider)) { }

    public IReadOnlyList<MigrationScript> Scripts { get; } = Ordered(scripts, database.Provider);

    public static IReadOnlyList<MigrationScript> Load(DatabaseProvider provider)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"migrations/{Folder(provider)}/";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add(MigrationScript.Parse(Path.GetFileNameWithoutExtension(resource[prefix.Length..]), reader.ReadToEnd()));
        }
        return Ordered(scripts, provider);
    }

    /// <summary>By id (ordinal); numbered scripts must sort before timestamped ones and keep distinct numbers.</summary>
    private static IReadOnlyList<MigrationScript> Ordered(IEnumerable<MigrationScript> scripts, DatabaseProvider provider)
    {
        var ordered = scripts.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var numbered = ordered.Where(s => s.Version is not null).ToList();
        if (numbered.Select(s => s.Version).Distinct().Count() != numbered.Count)
            throw new InvalidOperationException($"Two {Folder(provider)} migrations share a number; name new ones yyyyMMddTHHmm_module_name.sql (docs/migrations.md).");
        if (numbered.Count > 0 && ordered.IndexOf(numbered[^1]) != numbered.Count - 1)
            throw new InvalidOperationException($"Numbered {Folder(provider)} migrations must sort before timestamped ones.");
        return ordered;
    }

    private static string Folder(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";

    public async Task<IReadOnlyList<MigrationScript>> PendingAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        var applied = await AppliedAsync(connection, null, ct);
        Verify(applied);
        return Scripts.Where(s => !applied.Any(s.IsRecordedAs)).ToList();
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
                if (applied.Any(script.IsRecordedAs)) continue;
                // A script merged later than one that sorts after it (parallel work): modules own their tables, so it still applies.
                if (applied.Any(a => string.CompareOrdinal(a.Id, script.Id) > 0))
                    log.LogInformation("Migration {Id} sorts before one already applied; applying it now", script.Id);
                log.LogInformation("Applying migration {Id}", script.Id);
                await ExecuteAsync(connection, transaction, script.Sql, ct);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO platform_migrations (id, checksum, applied_at) VALUES (@i, @c, @a)";
                    AddParameter(record, "@i", script.Id);
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
            var script = Scripts.FirstOrDefault(s => s.IsRecordedAs(a));
            if (script is not null && script.Checksum != a.Checksum)
                throw new InvalidOperationException($"Migration {a.Id} was changed after it was applied; add a new migration instead.");
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = database.IsPostgres
            ? new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        var create = database.IsPostgres
            ? "CREATE TABLE IF NOT EXISTS platform_migrations (id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamp with time zone NOT NULL)"
            : "CREATE TABLE IF NOT EXISTS platform_migrations (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";
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

    /// <summary>Every recorded script: this bookkeeping's rows, and a pre-ADR-0022 database's numbered rows.</summary>
    private async Task<IReadOnlyList<AppliedMigration>> AppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var legacy = database.IsPostgres
            ? $"SELECT to_regclass('{LegacyTable}') IS NOT NULL"
            : $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{LegacyTable}')";
        var hasLegacy = Convert.ToBoolean(await ScalarAsync(connection, transaction, legacy, ct), System.Globalization.CultureInfo.InvariantCulture);
        var sql = "SELECT id, checksum FROM platform_migrations";
        // The old table tracked scripts by number; its name column is the rest of the file name.
        if (hasLegacy) sql += database.IsPostgres
            ? $" UNION ALL SELECT lpad(version::text, 4, '0') || '_' || name, checksum FROM {LegacyTable}"
            : $" UNION ALL SELECT printf('%04d_%s', version, name), checksum FROM {LegacyTable}";
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<AppliedMigration>();
        while (await reader.ReadAsync(ct))
            result.Add(new(reader.GetString(0), reader.GetString(1)));
        return result;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
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
