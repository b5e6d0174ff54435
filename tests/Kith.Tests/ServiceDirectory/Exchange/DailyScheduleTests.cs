using System.Text.Json.Nodes;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Exchange;
using Kith.Tests.ServiceDirectory.HsdsApi;
using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>
/// HSDS 3.0 has no DAILY frequency (ADR 24): an import that brings one is accepted and stored in the valid form,
/// the HSDS API serves it valid, "every N days" (which has no valid form) is refused naming the row, and
/// the schedules migration (20261205T1101_directory_schedules_without_daily) rewrites the DAILY rows an existing database holds.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DailyScheduleTests(KithApp app) : IClassFixture<KithApp>
{
    private const string ServiceId = "ac148810-d857-441c-9679-408f346de14b"; // the HSDS example service_full.json

    [Fact]
    public async Task Daily_schedules_are_stored_and_served_as_weekly_or_monthly_and_validate()
    {
        var file = ServiceWith(
            Schedule("5d7c4d2a-0d61-4d1c-9a43-0b8e1a6f0001", "DAILY", null, null, null, null),                // 24 hours
            Schedule("5d7c4d2a-0d61-4d1c-9a43-0b8e1a6f0002", "DAILY", null, null, "08:00:00", "22:00:00"),    // every day
            Schedule("5d7c4d2a-0d61-4d1c-9a43-0b8e1a6f0003", "daily", null, "1,15", "10:00:00", "12:00:00"),  // month days
            Schedule("5d7c4d2a-0d61-4d1c-9a43-0b8e1a6f0004", "DAILY", "SA,SU", null, "09:00:00", "13:00:00"), // weekends
            Schedule("5d7c4d2a-0d61-4d1c-9a43-0b8e1a6f0005", "weekly", "MO", null, "09:00:00", "17:00:00"));

        var result = await ImportAsync(app, file);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems.Listed));
        var stored = await ReadSchedulesAsync();
        Assert.Equal(("WEEKLY", "MO,TU,WE,TH,FR,SA,SU", new TimeOnly(0, 0), new TimeOnly(23, 59)), stored["0001"]);
        Assert.Equal(("WEEKLY", "MO,TU,WE,TH,FR,SA,SU", new TimeOnly(8, 0), new TimeOnly(22, 0)), stored["0002"]);
        Assert.Equal(("MONTHLY", null, new TimeOnly(10, 0), new TimeOnly(12, 0)), stored["0003"]);
        Assert.Equal(("WEEKLY", "SA,SU", new TimeOnly(9, 0), new TimeOnly(13, 0)), stored["0004"]);
        Assert.Equal(("WEEKLY", "MO", new TimeOnly(9, 0), new TimeOnly(17, 0)), stored["0005"]);

        var served = await app.Browser().GetStringAsync($"/api/hsds/services/{ServiceId}");
        var freqs = JsonNode.Parse(served)!["schedules"]!.AsArray().Select(s => (string?)s!["freq"]).ToList();
        Assert.All(freqs, f => Assert.True(f is "WEEKLY" or "MONTHLY", f));
        var folder = Directory.CreateTempSubdirectory("kith-daily-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"service__{ServiceId}.json"), served);
            var validation = await HsdsValidator.RunAsync(folder);
            Assert.True(validation.ExitCode == 0, validation.Output);
            Assert.Equal(1, validation.Validated);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public async Task Every_few_days_and_frequencies_hsds_does_not_know_are_refused_naming_the_row_and_nothing_changes()
    {
        var file = ServiceWith(
            Schedule("5d7c4d2a-0d61-4d1c-9a43-0b8e1a6f0101", "DAILY", null, null, "09:00:00", "10:00:00", interval: 3),
            Schedule("5d7c4d2a-0d61-4d1c-9a43-0b8e1a6f0102", "YEARLY", null, null, "09:00:00", "10:00:00"));
        var before = await DumpAsync(app);

        var result = await ImportAsync(app, file);

        Assert.False(result.Succeeded);
        var problems = result.Problems.Listed.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.Contains("schedules/0", StringComparison.Ordinal) && p.Contains("column freq: DAILY every 3 days has no HSDS 3.0 form", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("schedules/1", StringComparison.Ordinal) && p.Contains("column freq: 'YEARLY' is not an HSDS 3.0 frequency", StringComparison.Ordinal));
        Assert.Equal(before, await DumpAsync(app));
    }

    [Fact]
    public async Task The_schedules_migration_rewrites_the_daily_rows_a_database_already_holds()
    {
        var script = MigrationScript(app.Database.IsPostgres ? "postgres" : "sqlite");
        await WithDbAsync(app, async db =>
        {
            db.Schedules.AddRange(
                new Schedule { Id = "m-allday", Freq = "DAILY", Wkst = "MO" },
                new Schedule { Id = "m-hours", Freq = "DAILY", Interval = 1, OpensAt = new(8, 0), ClosesAt = new(20, 0) },
                new Schedule { Id = "m-monthdays", Freq = "DAILY", Bymonthday = "1,-1", OpensAt = new(9, 0), ClosesAt = new(10, 0) },
                new Schedule { Id = "m-every3", Freq = "DAILY", Interval = 3, Dtstart = new DateOnly(2026, 1, 1), OpensAt = new(9, 0), ClosesAt = new(10, 0) },
                new Schedule { Id = "m-lower", Freq = "monthly", Byday = "1MO", OpensAt = new(9, 0), ClosesAt = new(10, 0) });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(script);
        });

        var rows = await ReadSchedulesAsync("m-");
        Assert.Equal(("WEEKLY", "MO,TU,WE,TH,FR,SA,SU", new TimeOnly(0, 0), new TimeOnly(23, 59)), rows["allday"]);
        Assert.Equal(("WEEKLY", "MO,TU,WE,TH,FR,SA,SU", new TimeOnly(8, 0), new TimeOnly(20, 0)), rows["hours"]);
        Assert.Equal(("MONTHLY", null, new TimeOnly(9, 0), new TimeOnly(10, 0)), rows["monthdays"]);
        Assert.Equal((null, null, new TimeOnly(9, 0), new TimeOnly(10, 0)), rows["every3"]);
        Assert.Equal(("MONTHLY", "1MO", new TimeOnly(9, 0), new TimeOnly(10, 0)), rows["lower"]);
    }

    private static string MigrationScript(string provider)
    {
        // Found by its name, not its number: migration numbers are assigned when branches merge.
        var assembly = typeof(KithDb).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.StartsWith($"migrations/{provider}/", StringComparison.Ordinal)
                                                                   && n.EndsWith("_schedules_without_daily.sql", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private async Task<Dictionary<string, (string? Freq, string? ByDay, TimeOnly? Opens, TimeOnly? Closes)>> ReadSchedulesAsync(string prefix = "5d7c4d2a-0d61-4d1c-9a43-0b8e1a6f")
    {
        var rows = new Dictionary<string, (string?, string?, TimeOnly?, TimeOnly?)>();
        await WithDbAsync(app, async db =>
        {
            // Keyed by what follows the prefix: the imported ids' last four digits, the migrated ids' names.
            foreach (var s in await db.Schedules.AsNoTracking().Where(s => s.Id.StartsWith(prefix)).ToListAsync())
                rows[s.Id[prefix.Length..]] = (s.Freq, s.Byday, s.OpensAt, s.ClosesAt);
        });
        return rows;
    }

    private static JsonObject Schedule(string id, string freq, string? byDay, string? byMonthDay, string? opens, string? closes, int? interval = null)
    {
        var s = new JsonObject { ["id"] = id, ["freq"] = freq };
        if (interval is not null) s["interval"] = interval;
        if (byDay is not null) s["byday"] = byDay;
        if (byMonthDay is not null) s["bymonthday"] = byMonthDay;
        if (opens is not null) s["opens_at"] = opens;
        if (closes is not null) s["closes_at"] = closes;
        return s;
    }

    /// <summary>The HSDS example service (one service) with the given schedules instead of its own.</summary>
    private static string ServiceWith(params JsonObject[] schedules)
    {
        var service = JsonNode.Parse(File.ReadAllText(Path.Combine(Examples, "service_full.json")))!.AsObject();
        service["schedules"] = new JsonArray(schedules.Cast<JsonNode>().ToArray());
        var file = Path.Combine(TemporaryDirectory(), "service.json");
        File.WriteAllText(file, service.ToJsonString());
        return file;
    }
}
