using Kith.Insights.Indicators;
using Kith.Platform.Jobs;
using Kith.Tests.Insights;

namespace Kith.Tests.MultiNode;

/// <summary>
/// The spike alert job as a deployment of two nodes runs it (issue 16, "Done when"): both nodes run the job runner on one
/// PostgreSQL and, on top of that, both run the alert job by hand at the same moment. The spike is raised once and its
/// area's leader paged once.
/// </summary>
[Trait("Category", "PostgresOnly")]
public sealed class SpikeAlertsOnTwoNodesTests() : TwoNodeDeployment(SpikeHistory.Start)
{
    [Fact]
    public async Task A_spike_is_raised_and_paged_once_whichever_node_finds_it()
    {
        Assert.True(A.Database.IsPostgres, "PostgresOnly tests run with KITH_TEST_POSTGRES and KITH_TEST_PROVIDER=postgres (./test.sh).");
        var history = await SpikeHistory.SeedAsync(A, Clock.Advance);
        var leader = await Staff.AddAsync(A, "leader@two-nodes.spike.test", Roles.Leader, await Staff.AddOrganisationAsync(A, "Two Nodes Coalition"));
        await Concerns.ConcernData.ReadAsync(A, async db =>
        {
            db.AreaWatches.Add(new Kith.Insights.Alerts.AreaWatch { AreaId = history.BusyId, UserId = leader, AssignedAt = DateTime.UtcNow, AssignedBy = "test" });
            return await db.SaveChangesAsync();
        });
        await using (var scope = A.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IndicatorCounting>().CountRecentAsync(CancellationToken.None);

        Clock.Advance(TimeSpan.FromHours(2));
        await Task.WhenAll(RunBothAsync(), RunAlertsAsync(A), RunAlertsAsync(B), RunAlertsAsync(A), RunAlertsAsync(B));
        await SettleAsync(() => Concerns.ConcernData.ReadAsync(A, db => db.InsightAlerts.CountAsync(a => a.Indicator == "concerns")), 1);
        var id = await Concerns.ConcernData.ReadAsync(A, db => db.InsightAlerts.Where(a => a.Indicator == "concerns").Select(a => a.Id).SingleAsync());
        await SettleAsync(() => Concerns.ConcernData.ReadAsync(A, db => db.Alerts.Where(x => x.SubjectId == id).Select(x => x.UserId).ToListAsync()).ContinueWith(t => string.Join(",", t.Result)), leader);
    }

    private static async Task RunAlertsAsync(KithApp node)
    {
        try
        {
            await using var scope = node.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == "insights.spike-alerts").RunAsync(CancellationToken.None);
        }
        catch (DbUpdateException)
        {
            // the other node's commit won: the refusal the design relies on
        }
    }
}
