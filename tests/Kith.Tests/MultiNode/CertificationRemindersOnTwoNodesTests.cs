using System.Net.Http.Json;
using System.Text.Json;

namespace Kith.Tests.MultiNode;

/// <summary>
/// Certificate reminders as a deployment of two nodes sends them (issue 15, "Done when"): both nodes run the job runner
/// on one PostgreSQL and, on top of that, both run due work by hand at once. The renewal reminder goes once, on the day the
/// renewal window opens (from 9 am where the deployment is), the lapse notice once, the day after the last day — each to
/// the person and to their supervisor — and nothing before its time.
/// </summary>
[Trait("Category", "PostgresOnly")]
public sealed class CertificationRemindersOnTwoNodesTests() : TwoNodeDeployment(Monday)
{
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 16, 0, 0, TimeSpan.Zero); // 10 am in Chicago

    [Fact]
    public async Task The_renewal_reminder_and_the_lapse_notice_go_once_each_on_their_day_whichever_node_sees_them()
    {
        Assert.True(A.Database.IsPostgres, "PostgresOnly tests run with KITH_TEST_POSTGRES and KITH_TEST_PROVIDER=postgres (./test.sh).");
        var centre = await Staff.AddOrganisationAsync(A, "Two-node centre (volunteers)");
        var (coordinator, supervisorId) = await Staff.SignedInAsync(A, "kim@two-nodes-volunteers.test", "coordinator", centre);
        var training = await coordinator.PostAsJsonAsync("/api/volunteers/trainings", new { name = "Two-node refresher", kind = "custom", validMonths = 12, renewalDays = 10 });
        var trainingId = (await training.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var person = await coordinator.PostAsJsonAsync("/api/volunteers", new { name = "Nia", role = "volunteer", contactRoute = "sms", contact = "+15075550188", supervisorId });
        var id = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Completed 1 April 2026: good until 31 March 2027; the window opens on 22 March; lapsed from 1 April.
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"/api/volunteers/{id}/certifications", new { trainingId, completedOn = "2026-04-01" })).StatusCode);

        await RunBothAsync(); // 1 March: nothing
        Clock.Advance(new DateTime(2027, 3, 22, 13, 59, 0, DateTimeKind.Utc) - Monday.UtcDateTime); // 8:59 am on the day the window opens
        await RunBothAsync();
        Assert.Equal((0, 0), await NoticesAsync());

        Clock.Advance(TimeSpan.FromMinutes(17)); // 9:16 am: the job, every quarter hour, has come round after 9
        await RunBothAsync();
        await SettleAsync(() => NoticesAsync(), (2, 0));
        Clock.Advance(TimeSpan.FromDays(5));
        await RunBothAsync();
        Assert.Equal((2, 0), await NoticesAsync()); // once, however many runs

        Clock.Advance(TimeSpan.FromDays(3)); // past a week since it went: the outbox has forgotten the key, the certificate has not
        await RunBothAsync();
        Assert.Equal(0, (await NoticesAsync()).Lapsed);
        Assert.True((await NoticesAsync()).Renew is 0 or 2); // purged, or still the same two: never sent again
        Assert.Equal(1, await Concerns.ConcernData.ReadAsync(A, db => db.Certifications.CountAsync(c => c.VolunteerId == id && c.RenewalNoticeAt != null)));

        Clock.Advance(new DateTime(2027, 4, 1, 14, 30, 0, DateTimeKind.Utc) - Clock.GetUtcNow().UtcDateTime); // the day after the last day, 9:30 am
        await RunBothAsync();
        await SettleAsync(async () => (0, (await NoticesAsync()).Lapsed), (0, 2));
        Clock.Advance(TimeSpan.FromDays(1));
        await RunBothAsync();
        Assert.Equal(2, (await NoticesAsync()).Lapsed);
        Assert.True((await NoticesAsync()).Renew is 0 or 2); // no renewal reminder again, though the window lasted ten days
    }

    /// <summary>Renewal reminders and lapse notices written, the person's and the supervisor's together.</summary>
    private async Task<(int Renew, int Lapsed)> NoticesAsync()
    {
        var keys = await Concerns.ConcernData.ReadAsync(A, db => db.Outbox.Where(o => o.IdempotencyKey!.StartsWith("message:volunteers:cert:")).Select(o => o.IdempotencyKey!).ToListAsync());
        return (keys.Count(k => k.Contains(":renew")), keys.Count(k => k.Contains(":lapsed")));
    }
}
