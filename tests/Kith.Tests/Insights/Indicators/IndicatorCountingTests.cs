using Kith.Community.Demo;
using Kith.Insights.Indicators;
using Kith.Platform.Jobs;
using Kith.Tests.Concerns;
using Kith.Tests.Concerns.CaseWork;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Insights.Indicators;

/// <summary>The app on a clock twelve days in the past, so the counting job can be run day by day up to today.</summary>
public sealed class IndicatorsApp : KithApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddDays(-12));

    public IndicatorsApp() => Time = Clock;
}

/// <summary>
/// Issue 16, item 1: indicators counted incrementally by the job (the recount window, day after day, while concerns
/// arrive and are acknowledged later) are exactly what a rebuild from every fact gives — in process and through
/// <c>kith insights rebuild</c> — on the Riverbend demo's facts from every module.
/// </summary>
[Trait("Category", "Integration")]
[RunsLong]
public sealed class IndicatorCountingTests(IndicatorsApp app) : IClassFixture<IndicatorsApp>
{
    [Fact]
    public async Task Counting_day_by_day_gives_the_same_aggregates_as_a_rebuild_and_as_kith_insights_rebuild()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        await app.Services.GetRequiredService<JobRunner>().RegisterRecurringJobsAsync(CancellationToken.None);
        var desk = await CaseDesk.OpenAsync(app, "insights");
        var areas = await ConcernData.ReadAsync(app, db => db.Areas.Select(a => a.Id).OrderBy(a => a).ToListAsync());
        Guid? waiting = null;
        for (var day = 0; day < 12; day++)
        {
            for (var i = 0; i <= day % 3; i++)
                await ConcernData.SubmitAsync(app.CreateClient(), i == 2 ? ConcernData.Imminent(area: areas[day % areas.Count]) : ConcernData.Routine(area: areas[(day + i) % areas.Count]));
            // Yesterday's concern at the desk is acknowledged today: its day's "time to acknowledge" changes after that day was counted.
            if (waiting is { } id)
            {
                using var responder = app.Browser();
                await Staff.SignInAsync(responder, "responder@insights.test");
                Assert.Equal(HttpStatusCode.OK, (await CaseDesk.ActAsync(responder, id, "acknowledge", new { })).StatusCode);
            }
            waiting = (await desk.ReportAsync(category: day % 2 == 0 ? "grief" : "bullying")).Concern.Id;
            await RunJobsAsync();
            app.Clock.Advance(TimeSpan.FromDays(1));
        }
        app.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        await RunJobsAsync();
        // Other jobs of that poll (check-ins found silent…) may have run after the counting job: its next run counts them.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IndicatorsJob>().RunAsync(CancellationToken.None);
        var incremental = await StoredAsync();
        Assert.Null(await ConcernData.ReadAsync(app, db => db.ScheduledJobs.Where(j => j.Name == "insights.indicators").Select(j => j.LastError).SingleAsync()));

        // Every module's facts were counted, and the late acknowledgements too.
        var families = incremental.Select(v => IndicatorCatalogue.Describe(v.Indicator)?.Source).ToHashSet();
        Assert.Superset(new HashSet<string?> { "concerns", "screening", "referrals", "groups", "lines" }, families);
        Assert.True(incremental.Where(v => v.Indicator == IndicatorCatalogue.Concerns).Select(v => v.Day).Distinct().Count() >= 12);
        Assert.True(incremental.Count(v => v.Indicator == IndicatorCatalogue.ConcernsAcknowledge) >= 11);

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IndicatorCounting>().RebuildAsync(all: true, CancellationToken.None);
        Assert.Equal(incremental, await StoredAsync());

        await ConcernData.ReadAsync(app, db => db.IndicatorDays.ExecuteDeleteAsync());
        var command = await KithProcess.RunAsync(app, "insights", "rebuild", "--all");
        Assert.True(command.ExitCode == 0, command.Output);
        Assert.Contains($"Counted {incremental.Count} indicator values", command.StdOut);
        Assert.Equal(incremental, await StoredAsync());
    }

    private async Task RunJobsAsync()
    {
        while (await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None) > 0) { }
    }

    private Task<List<(string Indicator, Guid AreaId, DateOnly Day, int Count, double Sum)>> StoredAsync() =>
        ConcernData.ReadAsync(app, async db => (await db.IndicatorDays.AsNoTracking().ToListAsync())
            .Select(v => (v.Indicator, v.AreaId, v.Day, v.Count, Math.Round(v.Sum, 6)))
            .OrderBy(v => v.Indicator, StringComparer.Ordinal).ThenBy(v => v.AreaId).ThenBy(v => v.Day).ToList());
}
