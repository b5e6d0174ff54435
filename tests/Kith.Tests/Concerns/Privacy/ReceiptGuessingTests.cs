using Microsoft.Extensions.Time.Testing;
using System.Net.Http.Json;
using System.Text.Json;
using Kith.Platform.Jobs;

namespace Kith.Tests.Concerns.Privacy;

/// <summary>Guessing receipts: one client is stopped after a few wrong ones; wrong, malformed and purged receipts look alike.</summary>
[Trait("Category", "Integration")]
public sealed class ReceiptGuessingTests : IClassFixture<ReceiptGuessingTests.App>
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
    private readonly App app;

    public ReceiptGuessingTests(App app) => this.app = app;

    public sealed class App : KithApp
    {
        public App()
        {
            Time = Clock;
            Set("Kith:Concerns:ReceiptFailuresPerClient", "5").Set("Kith:Concerns:ReceiptFailuresPerBucketPerMinute", "1000");
        }
    }

    [Fact]
    public async Task A_client_that_guesses_is_stopped_even_for_a_right_receipt_and_others_are_not()
    {
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        using var guesser = StoredBytes.ClientFrom("127.0.0.11", app.Address);
        using var reporter = StoredBytes.ClientFrom("127.0.0.12", app.Address);

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            guesses.Add((await guesser.PostAsJsonAsync("/api/concerns/follow-up", new { receipt = RandomReceipt() })).StatusCode);
        var blocked = await guesser.PostAsJsonAsync("/api/concerns/follow-up", new { receipt });
        var other = await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt });

        Assert.All(guesses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        Clock.Advance(TimeSpan.FromMinutes(16)); // the window passes
        Assert.Equal(HttpStatusCode.OK, (await guesser.PostAsJsonAsync("/api/concerns/follow-up", new { receipt })).StatusCode);
    }

    [Fact]
    public async Task Wrong_malformed_and_purged_receipts_get_the_same_answer()
    {
        var client = app.CreateClient();
        var (purged, _) = await ConcernData.SubmitAsync(client, ConcernData.Routine("Marker-purge"));
        await CloseAndPurgeAsync(purged);

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var typed in new[] { RandomReceipt(), "hello", "", new string('Z', 60), purged })
        {
            using var fresh = StoredBytes.ClientFrom($"127.0.1.{answers.Count + 1}", app.Address); // each its own client: no brake in play
            var response = await fresh.PostAsJsonAsync("/api/concerns/follow-up", new { receipt = typed });
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            answers.Add((response.StatusCode, $"{problem.GetProperty("title")}|{problem.GetProperty("detail")}"));
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(HttpStatusCode.NotFound, answers[0].Item1);
    }

    private async Task CloseAndPurgeAsync(string receipt)
    {
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            var statuses = scope.ServiceProvider.GetRequiredService<Kith.Concerns.CaseWork.StatusChanges>();
            var table = await statuses.TableAsync(default);
            var tracked = await db.Concerns.SingleAsync(c => c.Id == concern.Id);
            Assert.Null(statuses.Move(table, tracked, "closed", "staff", "done", Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }
        Clock.Advance(TimeSpan.FromDays(91));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var purge = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == "concerns.purge-closed-anonymous");
            await purge.RunAsync(default);
        }
        var after = await ConcernData.ReadAsync(app, db => db.Concerns.AsNoTracking().SingleAsync(c => c.Id == concern.Id));
        Assert.Equal((null, null, "closed"), (after.Narrative, after.ReceiptHash, after.Status)); // content gone, the count remains
        Assert.NotNull(after.PurgedAt);
    }

    private static string RandomReceipt() => Kith.Concerns.Receipts.ReceiptCode.Grouped(Kith.Concerns.Receipts.ReceiptCode.Generate());
}

/// <summary>
/// A guesser spread over many addresses meets the deployment-wide brake of its guesses' buckets (ADR 16) — and
/// cannot stop every reporter: the right receipt of another bucket still opens.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DistributedReceiptGuessingTests : IClassFixture<DistributedReceiptGuessingTests.App>
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
    private readonly App app;

    public DistributedReceiptGuessingTests(App app) => this.app = app;

    /// <summary>The deployment's defaults: 10 wrong per client per 15 minutes, 10 per bucket per minute.</summary>
    public sealed class App : KithApp
    {
        public App() => Time = Clock;
    }

    [Fact]
    public async Task Thirty_five_addresses_times_ten_wrong_receipts_do_not_stop_a_reporter()
    {
        Clock.Advance(TimeSpan.FromMinutes(1)); // a minute of its own
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        for (var address = 1; address <= 35; address++)
        {
            using var bot = StoredBytes.ClientFrom($"127.0.5.{address}", app.Address);
            for (var i = 0; i < 10; i++)
                Assert.Equal(HttpStatusCode.NotFound, (await bot.PostAsJsonAsync("/api/concerns/follow-up", new { receipt = RandomReceipt() })).StatusCode);
        }
        using var reporter = StoredBytes.ClientFrom("127.0.5.200", app.Address);

        var opened = await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt });

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        // The shared counts hold numbers per minute and bucket, nothing about who guessed or what.
        var minute = Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(350, await ConcernData.ReadAsync(app, db => db.ReceiptFailures.Where(w => w.Minute == minute).SumAsync(w => w.Failures)));
    }

    [Fact]
    public async Task Wrong_receipts_brake_their_own_bucket_for_the_rest_of_the_minute_and_no_other()
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (braked, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        var (other, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        var bucket = BucketOf(braked);
        Assert.NotEqual(bucket, BucketOf(other)); // 1 in 4,096 that they share one; then rerun
        // Ten guesses aimed at the braked receipt's bucket — possible here only because the test holds the key.
        var aimed = Enumerable.Range(0, int.MaxValue).Select(_ => RandomReceipt()).Where(r => BucketOf(r) == bucket).Take(10).ToList();
        for (var i = 0; i < aimed.Count; i++)
        {
            using var bot = StoredBytes.ClientFrom($"127.0.6.{i + 1}", app.Address);
            Assert.Equal(HttpStatusCode.NotFound, (await bot.PostAsJsonAsync("/api/concerns/follow-up", new { receipt = aimed[i] })).StatusCode);
        }
        using var reporter = StoredBytes.ClientFrom("127.0.6.200", app.Address);

        var during = await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt = braked });
        var otherBucket = await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt = other });
        Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt = braked });

        Assert.Equal(HttpStatusCode.TooManyRequests, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherBucket.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private int BucketOf(string receipt) =>
        Kith.Concerns.Receipts.ReceiptGuard.BucketOf(app.Services.GetRequiredService<Kith.Concerns.Receipts.ReceiptCode>()
            .Hash(Kith.Concerns.Receipts.ReceiptCode.Normalize(receipt)!));

    private static string RandomReceipt() => Kith.Concerns.Receipts.ReceiptCode.Grouped(Kith.Concerns.Receipts.ReceiptCode.Generate());
}
