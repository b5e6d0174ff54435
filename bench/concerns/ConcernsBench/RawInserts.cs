using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConcernsBench;

/// <summary>
/// The baseline: what the database itself sustains for one-row insert-and-commit transactions from 50 clients, into
/// a table as wide as <c>concerns_reports</c> (same columns and types, primary key only), each row as big as a stored
/// concern (the narrative column holds as many bytes as Kith's encrypted narrative). SQLite: a WAL-mode file with
/// <c>synchronous=FULL</c>, through Microsoft.Data.Sqlite with Kith's 30 s busy timeout. PostgreSQL: one connection
/// per client through Npgsql, fsync and synchronous_commit on.
/// </summary>
internal static class RawInserts
{
    // (column, PostgreSQL type, SQLite type): the columns of concerns_reports that a new concern fills.
    private static readonly (string Name, string Pg, string Sqlite)[] Columns =
    [
        ("id", "uuid NOT NULL PRIMARY KEY", "TEXT NOT NULL PRIMARY KEY"), ("reference", "varchar(16) NOT NULL", "TEXT NOT NULL"),
        ("receipt_hash", "varchar(64)", "TEXT"), ("submitted_at", "timestamptz NOT NULL", "TEXT NOT NULL"),
        ("channel", "varchar(10) NOT NULL", "TEXT NOT NULL"), ("filed_by", "varchar(100)", "TEXT"),
        ("about", "varchar(20) NOT NULL", "TEXT NOT NULL"), ("categories", "varchar(200) NOT NULL", "TEXT NOT NULL"),
        ("urgency", "varchar(20) NOT NULL", "TEXT NOT NULL"), ("narrative", "text", "TEXT"),
        ("language", "varchar(10) NOT NULL", "TEXT NOT NULL"), ("organisation_id", "uuid", "TEXT"), ("area_id", "uuid", "TEXT"),
        ("tier", "varchar(10) NOT NULL", "TEXT NOT NULL"), ("triage_rules", "varchar(2000) NOT NULL", "TEXT NOT NULL"),
        ("anonymous", "boolean NOT NULL", "INTEGER NOT NULL"), ("contact_name", "text", "TEXT"), ("contact_phone", "text", "TEXT"),
        ("contact_email", "text", "TEXT"), ("team_id", "uuid", "TEXT"), ("routing_rule_id", "uuid", "TEXT"),
        ("assigned_to", "varchar(100)", "TEXT"), ("status", "varchar(40) NOT NULL", "TEXT NOT NULL"),
        ("status_changed_at", "timestamptz NOT NULL", "TEXT NOT NULL"), ("acknowledge_by", "timestamptz NOT NULL", "TEXT NOT NULL"),
        ("acknowledged_at", "timestamptz", "TEXT"), ("acknowledged_by", "varchar(100)", "TEXT"),
        ("escalation_level", "integer NOT NULL", "INTEGER NOT NULL"), ("closed_at", "timestamptz", "TEXT"),
        ("outcome", "varchar(60)", "TEXT"), ("flag", "varchar(20)", "TEXT"), ("last_reporter_activity_at", "timestamptz", "TEXT"),
        ("purged_at", "timestamptz", "TEXT"), ("updated_at", "timestamptz NOT NULL", "TEXT NOT NULL"), ("revision", "integer NOT NULL", "INTEGER NOT NULL"),
    ];

    // What the insert sets; the rest stay null as on a new concern.
    private static readonly string[] Filled =
    [
        "id", "reference", "receipt_hash", "submitted_at", "channel", "about", "categories", "urgency", "narrative", "language",
        "tier", "triage_rules", "anonymous", "team_id", "routing_rule_id", "status", "status_changed_at", "acknowledge_by",
        "escalation_level", "updated_at", "revision",
    ];

    public static async Task<Dictionary<string, object>> RunAsync(string provider, string connectionString, int clients,
        TimeSpan warmUp, TimeSpan duration, IReadOnlyList<ConcernBody> mix)
    {
        var postgres = provider == "postgres";
        var ciphertexts = mix.Select(b => Ciphertext(b.NarrativeLength)).ToList();
        var stats = new Dictionary<string, object> { ["provider"] = provider };
        NpgsqlDataSource? source = postgres
            ? new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = clients + 10 }.ConnectionString).Build()
            : null;
        var sqlite = postgres ? "" : new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 }.ToString();

        await using (var setup = await OpenAsync())
        {
            var ddl = $"CREATE TABLE bench_reports ({string.Join(", ", Columns.Select(c => $"{c.Name} {(postgres ? c.Pg : c.Sqlite)}"))})";
            if (!postgres) await ExecuteAsync(setup, "PRAGMA journal_mode=WAL");
            await ExecuteAsync(setup, ddl);
            stats["settings"] = postgres
                ? await SettingsAsync(setup, "SHOW fsync", "SHOW synchronous_commit", "SHOW wal_sync_method", "SHOW full_page_writes", "SHOW shared_buffers", "SHOW server_version")
                : await SettingsAsync(setup, "PRAGMA journal_mode", "PRAGMA synchronous", "SELECT sqlite_version()");
        }

        // Each client keeps its connection and its command (statement reused) for the run.
        var connections = new DbConnection[clients];
        var commands = new DbCommand[clients];
        for (var i = 0; i < clients; i++)
        {
            connections[i] = await OpenAsync();
            if (!postgres) await ExecuteAsync(connections[i], "PRAGMA synchronous=FULL");
            commands[i] = connections[i].CreateCommand();
            commands[i].CommandText = $"INSERT INTO bench_reports ({string.Join(", ", Filled)}) VALUES ({string.Join(", ", Filled.Select(f => "@" + f))})";
            foreach (var f in Filled)
            {
                var p = commands[i].CreateParameter();
                p.ParameterName = f;
                commands[i].Parameters.Add(p);
            }
        }
        var next = 0;
        var result = await ClosedLoop.RunAsync(clients, warmUp, duration, async client =>
        {
            var n = Interlocked.Increment(ref next);
            var command = commands[client];
            Fill(command, mix[n % mix.Count], ciphertexts[n % mix.Count], postgres);
            await using var transaction = await connections[client].BeginTransactionAsync();
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            return (true, null);
        });
        foreach (var c in connections) await c.DisposeAsync();

        await using (var check = await OpenAsync())
        {
            stats["rows"] = Convert.ToInt64(await ScalarAsync(check, "SELECT count(*) FROM bench_reports"));
            stats["mean_narrative_chars"] = Convert.ToDouble(await ScalarAsync(check, "SELECT avg(length(narrative)) FROM bench_reports"));
        }
        if (source is not null) await source.DisposeAsync();
        stats["loop"] = result;
        return stats;

        async Task<DbConnection> OpenAsync()
        {
            if (source is not null) return await source.OpenConnectionAsync();
            var c = new SqliteConnection(sqlite);
            await c.OpenAsync();
            return c;
        }
    }

    private static void Fill(DbCommand command, ConcernBody body, string narrative, bool postgres)
    {
        var now = DateTime.UtcNow;
        var values = new Dictionary<string, object>
        {
            ["id"] = Guid.CreateVersion7(), ["reference"] = "C-" + Convert.ToHexString(Guid.NewGuid().ToByteArray(), 0, 4),
            ["receipt_hash"] = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray()),
            ["submitted_at"] = now, ["channel"] = "api", ["about"] = "friend", ["categories"] = "bullying grief",
            ["urgency"] = body.Urgency, ["narrative"] = narrative, ["language"] = "en",
            ["tier"] = body.Urgency == "danger-now" ? "imminent" : body.Urgency == "soon" ? "urgent" : "routine",
            ["triage_rules"] = body.Urgency == "can-wait" ? "" : "urgency." + body.Urgency, ["anonymous"] = true,
            ["team_id"] = Guid.NewGuid(), ["routing_rule_id"] = Guid.NewGuid(), ["status"] = "new", ["status_changed_at"] = now,
            ["acknowledge_by"] = now.AddHours(1), ["escalation_level"] = 0, ["updated_at"] = now, ["revision"] = 0,
        };
        // As EF stores them: SQLite gets Guids as upper-case text (the driver alone would bind a 16-byte blob).
        foreach (DbParameter p in command.Parameters)
            p.Value = values[p.ParameterName] is Guid g && !postgres ? g.ToString().ToUpperInvariant() : values[p.ParameterName];
    }

    /// <summary>A stand-in as long as Data Protection's output for a narrative of this length (header, key id, IV,
    /// padded AES-CBC, HMAC-SHA256; base64url).</summary>
    private static string Ciphertext(int narrativeChars)
    {
        var bytes = new byte[4 + 16 + 16 + (narrativeChars / 16 + 1) * 16 + 32];
        Random.Shared.NextBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    internal static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    internal static async Task<Dictionary<string, string>> SettingsAsync(DbConnection connection, params string[] queries)
    {
        var settings = new Dictionary<string, string>();
        foreach (var q in queries) settings[q] = Convert.ToString(await ScalarAsync(connection, q)) ?? "";
        return settings;
    }
}
