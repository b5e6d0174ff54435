using Kith.Responders.Escalation;
using Kith.Tests.Platform;

namespace Kith.Tests.Responders;

/// <summary>
/// The Responders migration (20261205T1100_responders_subjects) on a database that already has teams, alerts and a pending acknowledgement deadline: the teams
/// move to Responders' tables, each alert becomes one about a concern, and the deadline still runs (same key).
/// </summary>
[Trait("Category", "Integration")]
public sealed class RespondersMigrationTests
{
    [Fact]
    public async Task Existing_teams_alerts_and_deadlines_become_Responders_own_about_a_concern()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = await MigratorTests.MigratedBeforeAsync(database, "20261205T1100_responders_subjects");
        var (concern, team, alert, message) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        string Id(Guid id) => database.IsPostgres ? $"'{id}'" : $"'{id.ToString().ToUpperInvariant()}'";
        var (at, no) = database.IsPostgres ? ("'2026-11-23 15:00:00+00'", "false") : ("'2026-11-23 15:00:00'", "0");
        await MigratorTests.ExecuteAsync(database,
            "INSERT INTO concerns_reports (id, reference, submitted_at, channel, about, categories, urgency, language, tier, triage_rules, " +
            "anonymous, status, status_changed_at, acknowledge_by, escalation_level, updated_at, revision) VALUES " +
            $"({Id(concern)}, 'C-MIGR-0015', {at}, 'web', 'friend', 'suicide-self-harm', 'danger-now', 'en', 'imminent', '', {no}, 'new', {at}, {at}, 0, {at}, 0);" +
            $"INSERT INTO concerns_teams (id, name, active, created_at) VALUES ({Id(team)}, 'Migrated team', {(database.IsPostgres ? "true" : "1")}, {at});" +
            $"INSERT INTO concerns_team_members (team_id, user_id, email_alerts, sms_alerts) VALUES ({Id(team)}, 'user-1', {(database.IsPostgres ? "true" : "1")}, {no});" +
            $"INSERT INTO concerns_on_call (id, team_id, user_id, starts_at, ends_at) VALUES ({Id(Guid.NewGuid())}, {Id(team)}, 'user-1', {at}, {at});" +
            $"INSERT INTO concerns_routing_rules (id, position, team_id, active) VALUES ({Id(Guid.NewGuid())}, 1, {Id(team)}, {(database.IsPostgres ? "true" : "1")});" +
            $"INSERT INTO concerns_alerts (id, user_id, concern_id, kind, level, created_at) VALUES ({Id(alert)}, 'user-1', {Id(concern)}, 'new', 0, {at});" +
            "INSERT INTO platform_outbox (id, topic, payload, idempotency_key, created_at, due_at, attempts) VALUES " +
            $"({Id(message)}, 'concerns.acknowledge-deadline', '{{\"ConcernId\":\"{concern}\",\"Level\":0}}', 'concern-deadline:{concern:N}:0', {at}, {at}, 0);");

        await migrator.MigrateAsync();

        var alerts = await RowsAsync(database, "SELECT id, user_id, subject_kind, subject_id, subject_reference, subject_link, subject_tier, kind, level FROM responders_alerts");
        var row = Assert.Single(alerts);
        Assert.Equal([alert.ToString(), "user-1", "concern", concern.ToString(), "C-MIGR-0015", $"/staff/concerns/{concern}", "imminent", "new", "0"],
            row.Select((v, i) => i is 0 or 3 ? Guid.Parse(v).ToString() : v));
        var outbox = Assert.Single(await RowsAsync(database, "SELECT topic, payload, idempotency_key FROM platform_outbox"));
        Assert.Equal((AcknowledgeDeadlineHandler.TopicName, $"concern-deadline:{concern:N}:0"), (outbox[0], outbox[2]));
        Assert.Equal(new AcknowledgeDeadline("concern", concern, 0), System.Text.Json.JsonSerializer.Deserialize<AcknowledgeDeadline>(outbox[1]));
        foreach (var table in new[] { "responders_teams", "responders_team_members", "responders_on_call" })
            Assert.Equal("1", Assert.Single(await RowsAsync(database, $"SELECT count(*) FROM {table}"))[0]);
    }

    private static async Task<List<string[]>> RowsAsync(TestDatabase database, string sql)
    {
        await using var connection = MigratorTests.Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }
}
