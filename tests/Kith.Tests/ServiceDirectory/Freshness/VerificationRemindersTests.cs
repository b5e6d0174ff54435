using Microsoft.Extensions.Time.Testing;
using Kith.Platform.Time;
using Kith.Platform.Jobs;
using Kith.Platform.Outbox;
using Kith.Platform.Realtime;
using Kith.ServiceDirectory.Freshness;
using Kith.Tests.ServiceDirectory.Editing;

namespace Kith.Tests.ServiceDirectory.Freshness;

/// <summary>The app for <see cref="VerificationRemindersTests"/>: a hand-moved clock and a five-day verification period.</summary>
public sealed class FreshnessApp : KithApp
{
    public FreshnessApp()
    {
        Time = Clock;
        Set("Kith:Directory:VerifyEveryDays", "5");
    }

    /// <summary>Mid-morning in Chicago, so "today" is the same date there and in UTC.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero));
}

/// <summary>Stale records get one reminder per 14 days, through the outbox, on one node only, and reach the owners' screens.</summary>
[Trait("Category", "Integration")]
public sealed class VerificationRemindersTests(FreshnessApp app) : IClassFixture<FreshnessApp>
{
    private DateOnly Today => app.Services.GetRequiredService<DeploymentCalendar>().Today;

    [Fact]
    public async Task A_stale_service_gets_exactly_one_message_per_fourteen_days_and_fresh_or_inactive_ones_none()
    {
        var (_, org) = await DirectoryData.AddOwnerAsync(app, "Freshness Window");
        var stale = await DirectoryData.AddServiceAsync(app, org, "Stale", assured: Today.AddDays(-6));
        var never = await DirectoryData.AddServiceAsync(app, org, "Never verified");
        var fresh = await DirectoryData.AddServiceAsync(app, org, "Fresh", assured: Today.AddDays(-5));
        var inactive = await DirectoryData.AddServiceAsync(app, org, "Closed", status: "inactive");

        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal(1, await MessagesAsync(stale));
        Assert.Equal(1, await MessagesAsync(never));
        Assert.Equal(0, await MessagesAsync(fresh));
        Assert.Equal(0, await MessagesAsync(inactive));
        Assert.NotNull(await DirectoryData.ReadAsync(app, db => db.Services.Where(s => s.Id == stale).Select(s => s.VerificationReminderSentAt).SingleAsync()));

        app.Clock.Advance(TimeSpan.FromDays(13));
        await RunJobAsync();
        Assert.Equal(1, await MessagesAsync(stale));
        Assert.Equal(1, await MessagesAsync(fresh)); // now six days old: its first reminder

        app.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync();
        Assert.Equal(2, await MessagesAsync(stale));
        Assert.Equal(2, await MessagesAsync(never));
        Assert.Equal(0, await MessagesAsync(inactive));
    }

    [Fact]
    public async Task Verifying_after_a_reminder_resets_it_so_the_next_staleness_is_reminded_again()
    {
        var (kithOrg, org) = await DirectoryData.AddOwnerAsync(app, "Freshness Reset");
        var id = await DirectoryData.AddServiceAsync(app, org, "Reset me", assured: Today.AddDays(-30));
        await RunJobAsync();
        Assert.Equal(1, await MessagesAsync(id));

        var (coordinator, _) = await Staff.SignedInAsync(app, "coord@freshness.test", Roles.Coordinator, kithOrg);
        var token = await Staff.AntiforgeryTokenAsync(coordinator, "/staff/directory/services");
        var verified = await coordinator.PostAsync($"/staff/directory/services/{id}/verify", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Null(await DirectoryData.ReadAsync(app, db => db.Services.Where(s => s.Id == id).Select(s => s.VerificationReminderSentAt).SingleAsync()));

        await RunJobAsync();
        Assert.Equal(1, await MessagesAsync(id));
        app.Clock.Advance(TimeSpan.FromDays(6)); // stale again, well inside the first reminder's 14 days
        await RunJobAsync();
        Assert.Equal(2, await MessagesAsync(id));
    }

    [Fact]
    public async Task The_message_reaches_the_owning_organisations_live_channel()
    {
        var (kithOrg, org) = await DirectoryData.AddOwnerAsync(app, "Freshness Live");
        var id = await DirectoryData.AddServiceAsync(app, org, "Tell the owners");
        var live = app.Services.GetRequiredService<ILiveEvents>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var events = live.SubscribeAsync(new HashSet<string> { "org:" + kithOrg }, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = events.MoveNextAsync().AsTask();

        await RunJobAsync();
        var runner = app.Services.GetRequiredService<JobRunner>();
        for (var i = 0; i < 50 && await runner.RunDueAsync(CancellationToken.None) > 0; i++) { }

        Assert.True(await next);
        Assert.Equal(VerificationDueHandler.EventType, events.Current.Type);
        Assert.Contains(id, events.Current.Data);
        Assert.NotNull(await DirectoryData.ReadAsync(app, db => db.Outbox.Where(m => m.IdempotencyKey!.Contains(id)).Select(m => m.CompletedAt).SingleAsync()));
    }

    [Fact]
    public async Task Two_runners_racing_on_one_database_send_each_reminder_once()
    {
        var (_, org) = await DirectoryData.AddOwnerAsync(app, "Freshness Race");
        var ids = new List<string>();
        for (var i = 0; i < 30; i++) ids.Add(await DirectoryData.AddServiceAsync(app, org, $"Race {i}"));
        var first = app.Services.GetRequiredService<JobRunner>();
        var second = ActivatorUtilities.CreateInstance<JobRunner>(app.Services, new NodeIdentity());
        await first.RegisterRecurringJobsAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromDays(2)); // the daily job is due whatever earlier tests ran

        await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => new[] { first, second })
            .Select(r => Task.Run(() => r.RunDueAsync(CancellationToken.None))));

        foreach (var id in ids) Assert.Equal(1, await MessagesAsync(id));
        var job = await DirectoryData.ReadAsync(app, db => db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == "directory.verification-reminders"));
        Assert.Null(job.LastError);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(1), job.NextRunAt);
    }

    private async Task RunJobAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j is VerificationReminders);
        await job.RunAsync(CancellationToken.None);
    }

    private Task<int> MessagesAsync(string serviceId) =>
        DirectoryData.ReadAsync(app, db => db.Outbox.CountAsync(m => m.Topic == VerificationReminders.Topic && m.IdempotencyKey!.Contains(serviceId)));
}
