using System.Net.Http.Json;
using System.Text.Json;
using Kith.Platform.Jobs;

namespace Kith.Tests.Concerns.Privacy;

/// <summary>Guessing receipts: one client is stopped after a few wrong ones; wrong, malformed and purged receipts look alike.</summary>
[Trait("Category", "Integration")]
public sealed class ReceiptGuessingTests : IClassFixture<ReceiptGuessingTests.App>
{
    private static readonly ManualTime Clock = new(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
    private readonly App app;

    public ReceiptGuessingTests(App app) => this.app = app;

    public sealed class App : KithApp
    {
        public App()
        {
            Time = Clock;
            Set("Kith:Concerns:ReceiptFailuresPerClient", "5").Set("Kith:Concerns:ReceiptFailuresPerMinute", "1000");
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

/// <summary>A guesser spread over many addresses meets the deployment-wide brake (a per-minute count shared by every node).</summary>
[Trait("Category", "Integration")]
public sealed class DistributedReceiptGuessingTests : IClassFixture<DistributedReceiptGuessingTests.App>
{
    private static readonly ManualTime Clock = new(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
    private readonly App app;

    public DistributedReceiptGuessingTests(App app) => this.app = app;

    public sealed class App : KithApp
    {
        public App()
        {
            Time = Clock;
            Set("Kith:Concerns:ReceiptFailuresPerClient", "1000").Set("Kith:Concerns:ReceiptFailuresPerMinute", "10");
        }
    }

    [Fact]
    public async Task Many_addresses_guessing_stop_everyone_for_the_rest_of_the_minute()
    {
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        for (var i = 1; i <= 10; i++)
        {
            using var bot = StoredBytes.ClientFrom($"127.0.2.{i}", app.Address);
            Assert.Equal(HttpStatusCode.NotFound, (await bot.PostAsJsonAsync("/api/concerns/follow-up",
                new { receipt = Kith.Concerns.Receipts.ReceiptCode.Grouped(Kith.Concerns.Receipts.ReceiptCode.Generate()) })).StatusCode);
        }
        using var reporter = StoredBytes.ClientFrom("127.0.3.1", app.Address);

        var during = await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt });
        Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await reporter.PostAsJsonAsync("/api/concerns/follow-up", new { receipt });

        Assert.Equal(HttpStatusCode.TooManyRequests, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        // The shared count holds a number per minute and nothing about who guessed.
        Assert.Equal(10, await ConcernData.ReadAsync(app, db => db.ReceiptFailures.SumAsync(w => w.Failures)));
    }
}
