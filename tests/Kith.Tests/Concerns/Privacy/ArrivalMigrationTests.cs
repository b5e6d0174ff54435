using Kith.Tests.Platform;

namespace Kith.Tests.Concerns.Privacy;

/// <summary>Migration 0014 on a database that already holds concerns: numbered in the order they came in, anonymous ones' times cut to the hour.</summary>
[Trait("Category", "Integration")]
public sealed class ArrivalMigrationTests
{
    [Fact]
    public async Task Existing_concerns_are_numbered_in_submission_order_and_anonymous_times_cut_to_the_hour()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = await MigratorTests.MigratedBeforeAsync(database, "0014_receipt_buckets_and_arrival_order");
        var late = Guid.NewGuid();
        var early = Guid.NewGuid();
        var middle = Guid.NewGuid();
        await InsertAsync(database, late, new DateTime(2026, 11, 24, 16, 37, 12, 345), anonymous: true);
        await InsertAsync(database, early, new DateTime(2026, 11, 23, 9, 5, 0), anonymous: true);
        await InsertAsync(database, middle, new DateTime(2026, 11, 24, 8, 15, 30), anonymous: false);

        await migrator.MigrateAsync();
        var rows = await ReadAsync(database);

        Assert.Equal([early, middle, late], rows.Select(r => r.Id));
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Arrival));
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0), rows[0].SubmittedAt);
        Assert.Equal(new DateTime(2026, 11, 24, 8, 15, 30), rows[1].SubmittedAt); // gave contact: exact, as before
        Assert.Equal(new DateTime(2026, 11, 24, 16, 0, 0), rows[2].SubmittedAt);
    }

    private static Task InsertAsync(TestDatabase database, Guid id, DateTime at, bool anonymous)
    {
        var (key, time, flag) = database.IsPostgres
            ? ($"'{id}'", $"'{at:yyyy-MM-dd HH:mm:ss.ffffff}+00'", anonymous ? "true" : "false")
            : ($"'{id.ToString().ToUpperInvariant()}'", $"'{at:yyyy-MM-dd HH:mm:ss.FFFFFFF}'", anonymous ? "1" : "0");
        return MigratorTests.ExecuteAsync(database,
            "INSERT INTO concerns_reports (id, reference, submitted_at, channel, about, categories, urgency, language, tier, triage_rules, " +
            "anonymous, status, status_changed_at, acknowledge_by, escalation_level, updated_at, revision) VALUES " +
            $"({key}, 'C-{id.ToString()[..8]}', {time}, 'web', 'friend', 'grief', 'can-wait', 'en', 'routine', '', {flag}, 'new', {time}, {time}, 0, {time}, 0)");
    }

    private static async Task<List<(Guid Id, DateTime SubmittedAt, long Arrival)>> ReadAsync(TestDatabase database)
    {
        await using var connection = MigratorTests.Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, submitted_at, arrival FROM concerns_reports ORDER BY arrival";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(Guid, DateTime, long)>();
        while (await reader.ReadAsync())
        {
            var at = reader.GetValue(1) is DateTime d ? d.ToUniversalTime() : DateTime.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add((Guid.Parse(reader.GetValue(0).ToString()!), DateTime.SpecifyKind(at, DateTimeKind.Unspecified), reader.GetInt64(2)));
        }
        return rows;
    }
}
