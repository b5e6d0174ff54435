using System.Net.Http.Json;
using System.Text.Json;
using Kith.Tests.Referrals;

namespace Kith.Tests.MultiNode;

/// <summary>
/// A referral's response deadline as a deployment of two nodes runs it (issue 15, "Done when"): both nodes run the
/// job runner on one PostgreSQL, and on top of that both run due work by hand at once, the moment the deadline passes.
/// The intake team's lead is paged exactly once; nothing fires before the deadline.
/// </summary>
[Trait("Category", "PostgresOnly")]
public sealed class ReferralDeadlineOnTwoNodesTests() : TwoNodeDeployment(Friday)
{
    private static readonly DateTimeOffset Friday = new(2027, 3, 5, 21, 0, 0, TimeSpan.Zero); // 3 pm in Chicago

    [Fact]
    public async Task The_deadline_escalates_once_whichever_node_sees_it()
    {
        Assert.True(A.Database.IsPostgres, "PostgresOnly tests run with KITH_TEST_POSTGRES and KITH_TEST_PROVIDER=postgres (./test.sh).");
        var p = await ReferralPartners.CreateAsync(A, "two-nodes");
        var id = await p.SendAsync();
        var due = (await p.Clinic.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")).GetProperty("respondBy").GetDateTime().ToUniversalTime();
        Assert.Equal(new DateTime(2027, 3, 9, 21, 0, 0, DateTimeKind.Utc), due);

        Clock.Advance(due - Friday.UtcDateTime - TimeSpan.FromMinutes(1));
        await Task.WhenAll(RunDueAsync(A), RunDueAsync(B));
        Assert.Equal(0, await EscalatedAsync(id));

        Clock.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(RunDueAsync(A), RunDueAsync(B), RunDueAsync(A), RunDueAsync(B));
        for (var i = 0; i < 50 && await EscalatedAsync(id) == 0; i++) await Task.Delay(100);
        await Task.Delay(500); // both runners poll every 100 ms: a second page would be written by now
        Assert.Equal(1, await EscalatedAsync(id));
        Assert.Equal([p.Lead], await Concerns.ConcernData.ReadAsync(A, db =>
            db.Alerts.Where(x => x.SubjectId == id && x.Kind == "escalated").Select(x => x.UserId).ToListAsync()));
    }

    private Task<int> EscalatedAsync(Guid id) =>
        Concerns.ConcernData.ReadAsync(A, db => db.Alerts.CountAsync(x => x.SubjectId == id && x.Kind == "escalated"));
}
