using System.Text.Json;
using Npgsql;

namespace LinesBench;

/// <summary>
/// What a deployment would have configured before texts arrive, written straight into Kith's tables: the responders'
/// organisation, a team, a 24/7 load line and a 24/7 probe line (so the probe's events can be told from the load's by
/// their line id alone).
/// </summary>
internal static class Setup
{
    public static async Task OrganisationAsync(string connectionString)
    {
        await using var sql = new NpgsqlConnection(connectionString);
        await sql.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO community_organisations (id, name, type, active, created_at, updated_at) VALUES (@id, 'Bench Text Line', 'Government', true, now(), now())", sql);
        insert.Parameters.AddWithValue("id", Guid.NewGuid());
        await insert.ExecuteNonQueryAsync();
    }

    public static async Task<Dictionary<string, string>> LinesAsync(string connectionString)
    {
        await using var sql = new NpgsqlConnection(connectionString);
        await sql.OpenAsync();
        var team = Guid.NewGuid();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO responders_teams (id, name, organisation_id, lead_user_id, backup_team_id, active, created_at) VALUES (@id, 'Bench line team', NULL, NULL, NULL, true, now())", sql))
        {
            insert.Parameters.AddWithValue("id", team);
            await insert.ExecuteNonQueryAsync();
        }
        var hours = JsonSerializer.Serialize(new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .ToDictionary(d => d, _ => new[] { "00:00-24:00" }));
        var texts = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["en"] = new { greeting = "Thanks for texting. A person will answer soon.", closed = "Closed", busy = "Busy", optOut = "You will get no more texts.", help = "Help" },
        });
        var load = await LineAsync(sql, "bench-load", BenchMain.LoadNumber, team, hours, texts);
        var probe = await LineAsync(sql, "bench-probe", BenchMain.ProbeNumber, team, hours, texts);
        return new() { ["team"] = team.ToString(), ["load_line"] = load.ToString(), ["probe_line"] = probe.ToString() };
    }

    private static async Task<Guid> LineAsync(NpgsqlConnection sql, string slug, string number, Guid team, string hours, string texts)
    {
        var id = Guid.NewGuid();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO lines_lines (id, slug, name, audience, languages, sms_number, short_code, keyword, time_zone, hours, holidays, texts, teams,
                backup_line_id, max_wait_imminent_seconds, max_wait_urgent_seconds, max_wait_routine_seconds, active, created_at, updated_at)
            VALUES (@id, @slug, @slug, NULL, 'en', @number, NULL, NULL, 'America/Chicago', @hours, '', @texts, @team, NULL, 3600, 3600, 86400, true, now(), now())
            """, sql);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("slug", slug);
        insert.Parameters.AddWithValue("number", number);
        insert.Parameters.AddWithValue("hours", hours);
        insert.Parameters.AddWithValue("texts", texts);
        insert.Parameters.AddWithValue("team", team.ToString());
        await insert.ExecuteNonQueryAsync();
        return id;
    }
}
