using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConcernsBench;

/// <summary>
/// What a deployment would have configured before concerns arrive, written straight into Kith's tables (there is no
/// admin API for teams yet): an organisation for the responders' accounts; a crisis team of responders that takes
/// everything, every member paged in-app and by email (nobody on the rota, so all are paged); and a one-person probe
/// team that takes the concerns marked Somali, so the probe responder's live stream carries only the probe's own
/// concerns while 50 clients submit.
/// </summary>
internal static class BenchTeams
{
    public const string Organisation = "Bench County Crisis Line";

    /// <summary>Before <c>users add --org</c>: responders must belong to an organisation.</summary>
    public static async Task AddOrganisationAsync(string provider, string connectionString)
    {
        await using var sql = await Sql.OpenAsync(provider, connectionString);
        var now = DateTime.UtcNow;
        await sql.ExecuteAsync("INSERT INTO community_organisations (id, name, type, active, created_at, updated_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p4)",
            sql.Id(Guid.NewGuid()), Organisation, "Government", sql.Flag(true), now);
    }

    /// <summary>After the accounts exist. Returns the durability settings Kith's own connections get.</summary>
    public static async Task<Dictionary<string, string>> AddTeamsAsync(string provider, string connectionString, IReadOnlyList<string> teamEmails, string probeEmail)
    {
        await using var sql = await Sql.OpenAsync(provider, connectionString);
        var members = new List<string>();
        foreach (var email in teamEmails) members.Add(await sql.UserAsync(email));
        var probe = await sql.UserAsync(probeEmail);
        var now = DateTime.UtcNow;
        var crisisTeam = Guid.NewGuid();
        var probeTeam = Guid.NewGuid();
        const string team = "INSERT INTO concerns_teams (id, name, organisation_id, lead_user_id, backup_team_id, active, created_at) VALUES (@p0, @p1, NULL, @p2, NULL, @p3, @p4)";
        await sql.ExecuteAsync(team, sql.Id(crisisTeam), "County crisis team", members[0], sql.Flag(true), now);
        await sql.ExecuteAsync(team, sql.Id(probeTeam), "Probe team", null, sql.Flag(true), now);
        const string member = "INSERT INTO concerns_team_members (team_id, user_id, email_alerts, sms_alerts) VALUES (@p0, @p1, @p2, @p3)";
        foreach (var m in members) await sql.ExecuteAsync(member, sql.Id(crisisTeam), m, sql.Flag(true), sql.Flag(false));
        await sql.ExecuteAsync(member, sql.Id(probeTeam), probe, sql.Flag(true), sql.Flag(false));
        const string rule = "INSERT INTO concerns_routing_rules (id, position, organisation_id, area_id, category, language, tier, team_id, active) VALUES (@p0, @p1, NULL, NULL, NULL, @p2, NULL, @p3, @p4)";
        await sql.ExecuteAsync(rule, sql.Id(Guid.NewGuid()), 1, "so", sql.Id(probeTeam), sql.Flag(true));
        await sql.ExecuteAsync(rule, sql.Id(Guid.NewGuid()), 2, null, sql.Id(crisisTeam), sql.Flag(true));
        // Kith sets no pragma besides WAL (at migration), so a fresh connection shows what its connections get.
        return provider == "postgres"
            ? await RawInserts.SettingsAsync(sql.Connection, "SHOW fsync", "SHOW synchronous_commit")
            : await RawInserts.SettingsAsync(sql.Connection, "PRAGMA journal_mode", "PRAGMA synchronous");
    }

    /// <summary>Parameterised statements on either database, with values in the form Kith's EF model stores them.</summary>
    private sealed class Sql(DbConnection connection, bool postgres) : IAsyncDisposable
    {
        public DbConnection Connection => connection;

        public static async Task<Sql> OpenAsync(string provider, string connectionString)
        {
            var postgres = provider == "postgres";
            DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
            await connection.OpenAsync();
            return new Sql(connection, postgres);
        }

        // EF stores Guids in SQLite as upper-case text and booleans as integers; Kith's queries compare with those forms.
        public object Id(Guid g) => postgres ? g : g.ToString().ToUpperInvariant();
        public object Flag(bool b) => postgres ? b : b ? 1 : 0;

        public async Task<string> UserAsync(string email) =>
            Convert.ToString(await ScalarAsync("SELECT id FROM community_staff WHERE normalized_email = @p0", email.ToUpperInvariant()))
            ?? throw new InvalidOperationException($"No staff account {email}: run `Kith.dll users add` first.");

        public async Task ExecuteAsync(string sql, params object?[] values)
        {
            await using var command = Command(sql, values);
            await command.ExecuteNonQueryAsync();
        }

        private async Task<object?> ScalarAsync(string sql, params object?[] values)
        {
            await using var command = Command(sql, values);
            return await command.ExecuteScalarAsync();
        }

        private DbCommand Command(string sql, object?[] values)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = "p" + i;
                p.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(p);
            }
            return command;
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
