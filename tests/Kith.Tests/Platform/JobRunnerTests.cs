using System.Collections.Concurrent;
using Kith.Platform.Jobs;
using Kith.Platform.Outbox;

namespace Kith.Tests.Platform;

/// <summary>The app for <see cref="JobRunnerTests"/>: a hand-moved clock, three attempts, and two test-only topics.</summary>
public sealed class JobRunnerApp : KithApp
{
    public JobRunnerApp()
    {
        Time = Clock;
        ConfigureTestServices = services =>
        {
            services.AddSingleton(Deliveries);
            services.AddScoped<IOutboxHandler, RecordingHandler>();
            services.AddScoped<IOutboxHandler, FailingHandler>();
        };
        Set("Kith:Jobs:MaxAttempts", "3");
        Set("Kith:Jobs:BatchSize", "20");
    }

    public ManualTime Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));
    internal DeliveryLog Deliveries { get; } = new();
}

internal sealed class DeliveryLog
{
    public ConcurrentDictionary<Guid, int> Count { get; } = new();
    public void Add(Guid id) => Count.AddOrUpdate(id, 1, (_, n) => n + 1);
    public int Of(Guid id) => Count.GetValueOrDefault(id);
}

internal sealed class RecordingHandler(DeliveryLog log) : IOutboxHandler
{
    public const string TopicName = "test.record";
    public string Topic => TopicName;
    public Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        log.Add(delivery.MessageId);
        return Task.CompletedTask;
    }
}

internal sealed class FailingHandler(DeliveryLog log) : IOutboxHandler
{
    public const string TopicName = "test.fail";
    public string Topic => TopicName;
    public Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        log.Add(delivery.MessageId);
        throw new InvalidOperationException("the SMS gateway said no");
    }
}

/// <summary>The outbox and the leased job runner, driven one poll at a time with a manual clock.</summary>
[Trait("Category", "Integration")]
public sealed class JobRunnerTests(JobRunnerApp app) : IClassFixture<JobRunnerApp>
{
    private JobRunner Runner => app.Services.GetRequiredService<JobRunner>();
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_message_written_in_a_transaction_that_rolls_back_is_never_delivered()
    {
        var message = OutboxMessage.Create(RecordingHandler.TopicName, new { n = 1 }, Now);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await DrainAsync();

        Assert.Equal(0, app.Deliveries.Of(message.Id));
        Assert.Null(await FindAsync(message.Id));
    }

    [Fact]
    public async Task A_due_message_is_delivered_once()
    {
        var message = await EnqueueAsync(OutboxMessage.Create(RecordingHandler.TopicName, new { n = 2 }, Now));

        await DrainAsync();
        await DrainAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await DrainAsync();

        Assert.Equal(1, app.Deliveries.Of(message.Id));
        var row = await FindAsync(message.Id);
        Assert.NotNull(row!.CompletedAt);
        Assert.Null(row.FailedAt);
        Assert.Equal(1, row.Attempts);
        var metrics = await (await app.MetricsAsync()).Content.ReadAsStringAsync();
        Assert.Matches($"kith_outbox_delivered_total\\{{outcome=\"delivered\",topic=\"{RecordingHandler.TopicName}\"\\}} \\d+", metrics);
    }

    [Fact]
    public async Task A_message_due_later_waits_until_the_clock_passes_its_due_time()
    {
        var message = await EnqueueAsync(OutboxMessage.Create(RecordingHandler.TopicName, new { n = 3 }, Now, dueAt: Now.AddMinutes(10)));

        await DrainAsync();
        Assert.Equal(0, app.Deliveries.Of(message.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(9));
        await DrainAsync();
        Assert.Equal(0, app.Deliveries.Of(message.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await DrainAsync();

        Assert.Equal(1, app.Deliveries.Of(message.Id));
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_backoff_then_marked_failed_after_max_attempts()
    {
        var message = await EnqueueAsync(OutboxMessage.Create(FailingHandler.TopicName, new { n = 4 }, Now));

        await DrainAsync();
        var first = (await FindAsync(message.Id))!;
        Assert.Equal(1, app.Deliveries.Of(message.Id));
        Assert.Equal(1, first.Attempts);
        Assert.Null(first.FailedAt);
        Assert.Equal(Now + JobRunner.Backoff(1), first.DueAt);
        Assert.Equal("InvalidOperationException: the SMS gateway said no", first.LastError);

        await DrainAsync(); // backoff not yet over
        Assert.Equal(1, app.Deliveries.Of(message.Id));

        app.Clock.Advance(JobRunner.Backoff(1));
        await DrainAsync();
        Assert.Equal(2, app.Deliveries.Of(message.Id));
        Assert.Equal(Now + JobRunner.Backoff(2), (await FindAsync(message.Id))!.DueAt);
        Assert.True(JobRunner.Backoff(2) > JobRunner.Backoff(1));

        app.Clock.Advance(JobRunner.Backoff(2));
        await DrainAsync();
        var failed = (await FindAsync(message.Id))!;
        Assert.Equal(3, app.Deliveries.Of(message.Id));
        Assert.Equal(3, failed.Attempts);
        Assert.NotNull(failed.FailedAt);
        Assert.Null(failed.CompletedAt);

        app.Clock.Advance(TimeSpan.FromHours(2));
        await DrainAsync();
        Assert.Equal(3, app.Deliveries.Of(message.Id));
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_node_is_reclaimed_once_it_expires()
    {
        var message = await EnqueueAsync(OutboxMessage.Create(RecordingHandler.TopicName, new { n = 5 }, Now));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var leases = scope.ServiceProvider.GetRequiredService<Leases>();
            var claimed = await leases.ClaimOutboxAsync("dead-node", Guid.NewGuid(), Now, Now.AddMinutes(2), 1000, CancellationToken.None);
            Assert.Contains(message.Id, claimed);
        }

        await DrainAsync();
        Assert.Equal(0, app.Deliveries.Of(message.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await DrainAsync();

        Assert.Equal(1, app.Deliveries.Of(message.Id));
        var row = (await FindAsync(message.Id))!;
        Assert.Equal(2, row.Attempts);
        Assert.NotNull(row.CompletedAt);
        Assert.NotEqual("dead-node", row.LockedBy);
    }

    [Fact]
    public async Task The_idempotency_key_prevents_a_second_enqueue()
    {
        var key = "escalation:" + Guid.NewGuid();
        var first = await EnqueueAsync(OutboxMessage.Create(RecordingHandler.TopicName, new { n = 6 }, Now, idempotencyKey: key));

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            EnqueueAsync(OutboxMessage.Create(RecordingHandler.TopicName, new { n = 7 }, Now, idempotencyKey: key)));
        await DrainAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        Assert.Equal(first.Id, await db.Outbox.Where(m => m.IdempotencyKey == key).Select(m => m.Id).SingleAsync());
        Assert.Equal(1, app.Deliveries.Of(first.Id));
    }

    [Fact]
    public async Task Two_runners_racing_on_one_database_run_each_of_200_probes_exactly_once()
    {
        // A second runner in this host: its own node identity, same database (JobRunner is a singleton, so build another).
        var second = ActivatorUtilities.CreateInstance<JobRunner>(app.Services, new NodeIdentity());
        await RaceAsync(Runner, second);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_run_each_of_200_probes_exactly_once()
    {
        var nodeB = new KithApp { SameDataAs = app, Time = app.Clock, ConfigureTestServices = app.ConfigureTestServices };
        nodeB.Set("Kith:Jobs:MaxAttempts", "3");
        await ((IAsyncLifetime)nodeB).InitializeAsync();
        try
        {
            var runnerB = nodeB.Services.GetRequiredService<JobRunner>();
            Assert.NotEqual(app.Services.GetRequiredService<NodeIdentity>().Id, nodeB.Services.GetRequiredService<NodeIdentity>().Id);
            await RaceAsync(Runner, runnerB);
        }
        finally
        {
            await ((IAsyncLifetime)nodeB).DisposeAsync();
        }
    }

    private async Task RaceAsync(params JobRunner[] runners)
    {
        var ids = new List<Guid>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            for (var i = 0; i < 200; i++)
            {
                var m = OutboxMessage.Create(Probe.TopicName, new { }, Now);
                ids.Add(m.Id);
                db.Outbox.Add(m);
            }
            await db.SaveChangesAsync();
        }

        await Task.WhenAll(runners.Select(r => Task.Run(async () =>
        {
            for (var round = 0; round < 500 && await IncompleteAsync(ids) > 0; round++)
                await r.RunDueAsync(CancellationToken.None);
        })));

        await using var check = app.Services.CreateAsyncScope();
        var runs = await check.ServiceProvider.GetRequiredService<KithDb>().ProbeRuns
            .Where(r => ids.Contains(r.MessageId)).GroupBy(r => r.MessageId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(0, await IncompleteAsync(ids));
        Assert.Equal(200, runs.Count);
        Assert.All(runs, r => Assert.Equal(1, r.Count));
    }

    [Fact]
    public async Task Outbox_cleanup_runs_on_its_schedule_and_removes_only_old_completed_messages()
    {
        await Runner.RegisterRecurringJobsAsync(CancellationToken.None);
        var oldDone = Message(completedAgo: TimeSpan.FromDays(8));
        var recentDone = Message(completedAgo: TimeSpan.FromDays(1));
        var oldPending = Message(completedAgo: null, createdAgo: TimeSpan.FromDays(30));
        var oldFailed = Message(completedAgo: null, createdAgo: TimeSpan.FromDays(30));
        oldFailed.FailedAt = Now.AddDays(-20);
        oldPending.DueAt = Now.AddDays(30); // not due: stays untouched by the runner
        foreach (var m in new[] { oldDone, recentDone, oldPending, oldFailed }) await EnqueueAsync(m);

        await Runner.RunDueAsync(CancellationToken.None);

        Assert.Null(await FindAsync(oldDone.Id));
        Assert.NotNull(await FindAsync(recentDone.Id));
        Assert.NotNull(await FindAsync(oldPending.Id));
        Assert.NotNull(await FindAsync(oldFailed.Id));
        var job = await JobAsync("platform.outbox-cleanup");
        Assert.Equal(Now, job.LastRunAt);
        Assert.Equal(Now.AddHours(1), job.NextRunAt);
        Assert.Null(job.LastError);

        // Not due again for an hour: a newly old message waits for the next run.
        var laterOld = await EnqueueAsync(Message(completedAgo: TimeSpan.FromDays(9)));
        await Runner.RunDueAsync(CancellationToken.None);
        Assert.NotNull(await FindAsync(laterOld.Id));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await Runner.RunDueAsync(CancellationToken.None);
        Assert.Null(await FindAsync(laterOld.Id));
        Assert.NotNull(await FindAsync(recentDone.Id));
    }

    private OutboxMessage Message(TimeSpan? completedAgo, TimeSpan? createdAgo = null)
    {
        var created = Now - (createdAgo ?? completedAgo ?? TimeSpan.Zero) - TimeSpan.FromMinutes(1);
        var m = OutboxMessage.Create(RecordingHandler.TopicName, new { }, created);
        m.Attempts = completedAgo is null ? 0 : 1;
        m.CompletedAt = completedAgo is null ? null : Now - completedAgo;
        return m;
    }

    private async Task<OutboxMessage> EnqueueAsync(OutboxMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    private async Task<OutboxMessage?> FindAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KithDb>().Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
    }

    private async Task<ScheduledJob> JobAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KithDb>().ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == name);
    }

    private async Task<int> IncompleteAsync(List<Guid> ids)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KithDb>().Outbox.CountAsync(m => ids.Contains(m.Id) && m.CompletedAt == null);
    }

    /// <summary>Polls until a poll finds nothing to do (bounded, so a runaway loop fails rather than hangs).</summary>
    private async Task DrainAsync()
    {
        for (var i = 0; i < 100; i++)
            if (await Runner.RunDueAsync(CancellationToken.None) == 0) return;
        Assert.Fail("The runner kept finding work for 100 polls.");
    }
}

/// <summary>A node that starts before `kith migrate` has run keeps serving (readiness says 503) and starts its jobs once migrated.</summary>
[Trait("Category", "Integration")]
public sealed class JobRunnerStartupTests
{
    [Fact]
    public async Task A_node_started_on_an_unmigrated_database_stays_up_and_registers_its_jobs_after_migration()
    {
        var app = new KithApp { MigrateDatabase = false, RunJobs = true };
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var client = app.Browser();
            // Let the runner make its first attempts against the empty database (bounded by polls, not time).
            for (var i = 0; i < 50 && !app.Logs.Lines.Any(l => l.Contains("Job runner poll failed", StringComparison.Ordinal)); i++)
                await Task.Delay(100);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);

            await app.Services.GetRequiredService<Migrator>().MigrateAsync();

            var registered = false;
            for (var i = 0; i < 300 && !registered; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                registered = await scope.ServiceProvider.GetRequiredService<KithDb>().ScheduledJobs.AnyAsync(j => j.Name == "platform.outbox-cleanup");
                if (!registered) await Task.Delay(100);
            }
            Assert.True(registered, "the job runner never registered its recurring jobs after the migration");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
