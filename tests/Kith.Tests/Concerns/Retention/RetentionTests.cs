using Microsoft.Extensions.Time.Testing;
using System.Net.Http.Json;
using Kith.Concerns.CaseWork;
using Kith.Concerns.Contracts;
using Kith.Concerns.Domain;
using Kith.Platform.Jobs;

namespace Kith.Tests.Concerns.Retention;

/// <summary>Automatic transitions, the purge of closed anonymous concerns, and the counts that outlive them.</summary>
[Trait("Category", "Integration")]
public sealed class RetentionTests : IClassFixture<RetentionTests.App>
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
    private readonly App app;

    public RetentionTests(App app) => this.app = app;

    public sealed class App : KithApp
    {
        public App() => Time = Clock;
    }

    [Fact]
    public async Task A_concern_waiting_for_the_reporter_too_long_is_closed_by_the_rule_and_others_stay()
    {
        var stale = await SubmitInStatusAsync("waiting_for_reporter");
        Clock.Advance(TimeSpan.FromDays(10));
        var recent = await SubmitInStatusAsync("waiting_for_reporter");
        var working = await SubmitInStatusAsync("in_progress");
        Clock.Advance(TimeSpan.FromDays(5)); // stale: 15 days waiting; recent: 5; working is not waiting at all

        await RunJobAsync("concerns.automatic-transitions");

        var closed = await ConcernData.ReadAsync(app, db => db.Concerns.AsNoTracking().SingleAsync(c => c.Id == stale));
        Assert.Equal(("closed", "no-response"), (closed.Status, closed.Outcome));
        Assert.NotNull(closed.ClosedAt);
        var change = await ConcernData.ReadAsync(app, db => db.ConcernStatusChanges.AsNoTracking()
            .Where(s => s.ConcernId == stale).OrderByDescending(s => s.At).FirstAsync());
        Assert.Equal(("waiting_for_reporter", "closed", (string?)null), (change.PreviousStatus, change.Status, change.ById));
        Assert.StartsWith("Automatic: 14 days", change.Reason);
        Assert.Equal("waiting_for_reporter", await StatusAsync(recent));
        Assert.Equal("in_progress", await StatusAsync(working));
    }

    [Fact]
    public async Task Closed_anonymous_concerns_lose_their_content_after_the_retention_period_and_the_counts_remain()
    {
        var (oldReceipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine("Marker-old-anon"));
        var (namedReceipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), new
        {
            about = "self", categories = new[] { "grief" }, urgency = "can-wait", narrative = "Marker-named", contactEmail = "me@example.org",
        });
        await app.CreateClient().PostAsJsonAsync("/api/concerns/follow-up/messages", new { receipt = oldReceipt, text = "Marker-old-reply" });
        var old = (await ConcernData.ByReceiptAsync(app, oldReceipt)).Id;
        var named = (await ConcernData.ByReceiptAsync(app, namedReceipt)).Id;
        await CloseAsync(old);
        await CloseAsync(named);
        Clock.Advance(TimeSpan.FromDays(89));
        var (youngReceipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine("Marker-young-anon"));
        var young = (await ConcernData.ByReceiptAsync(app, youngReceipt)).Id;
        await CloseAsync(young);
        Clock.Advance(TimeSpan.FromDays(2)); // old: closed 91 days ago; young: 2 days

        await RunJobAsync("concerns.purge-closed-anonymous");

        var purged = await ConcernData.ReadAsync(app, db => db.Concerns.AsNoTracking().SingleAsync(c => c.Id == old));
        Assert.Equal((null, null), (purged.Narrative, purged.ReceiptHash));
        Assert.NotNull(purged.PurgedAt);
        Assert.Equal(("grief", "routine", "closed"), (purged.Categories, purged.Tier, purged.Status));
        Assert.Equal(0, await ConcernData.ReadAsync(app, db => db.ConcernMessages.CountAsync(m => m.ConcernId == old)));
        Assert.Equal("Marker-named", (await ConcernData.ReadAsync(app, db => db.Concerns.AsNoTracking().SingleAsync(c => c.Id == named))).Narrative);
        Assert.Equal("Marker-young-anon", (await ConcernData.ReadAsync(app, db => db.Concerns.AsNoTracking().SingleAsync(c => c.Id == young))).Narrative);
        // The facts dashboards count still include the purged concern.
        await using var scope = app.Services.CreateAsyncScope();
        var facts = await scope.ServiceProvider.GetRequiredService<IConcernFacts>()
            .BetweenAsync(new DateOnly(2026, 3, 1), DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), default);
        Assert.True(facts.Count(f => f.Closed && f.Categories.Contains("grief")) >= 3);
    }

    [Fact]
    public async Task Facts_carry_the_local_day_area_tier_and_time_to_acknowledge_and_nothing_written()
    {
        var area = await AddAreaAsync();
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Imminent("Marker-facts", area));
        var id = (await ConcernData.ByReceiptAsync(app, receipt)).Id;
        var submitted = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromMinutes(3));
        await MoveAsync(id, "acknowledged");

        await using var scope = app.Services.CreateAsyncScope();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(submitted, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        var facts = await scope.ServiceProvider.GetRequiredService<IConcernFacts>().BetweenAsync(day, day, default);

        var fact = Assert.Single(facts, f => f.AreaId == area);
        Assert.Equal(("imminent", "api", TimeSpan.FromMinutes(3), false), (fact.Tier, fact.Channel, fact.TimeToAcknowledge, fact.Closed));
        Assert.Equal(day, fact.Day);
        Assert.DoesNotContain(typeof(ConcernFact).GetProperties(), p => p.Name is "Narrative" or "Id" or "Reference" or "ContactName");
    }

    private async Task<Guid> SubmitInStatusAsync(string status)
    {
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        var id = (await ConcernData.ByReceiptAsync(app, receipt)).Id;
        await MoveAsync(id, "acknowledged");
        if (status != "acknowledged") await MoveAsync(id, status);
        return id;
    }

    private async Task CloseAsync(Guid id)
    {
        await MoveAsync(id, "acknowledged");
        await MoveAsync(id, "closed");
    }

    private async Task MoveAsync(Guid id, string to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var statuses = scope.ServiceProvider.GetRequiredService<StatusChanges>();
        var concern = await db.Concerns.SingleAsync(c => c.Id == id);
        Assert.Null(statuses.Move(await statuses.TableAsync(default), concern, to, "staff-test", "test", Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    private Task<string> StatusAsync(Guid id) => ConcernData.ReadAsync(app, db => db.Concerns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    private async Task RunJobAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == name).RunAsync(default);
    }

    private async Task<Guid> AddAreaAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var area = new Kith.Community.Domain.Area
        {
            Id = Guid.NewGuid(), Code = "FACTS", Name = "Facts Flats", Population = 1000, UpdatedAt = DateTime.UtcNow,
            BoundaryGeoJson = """{"type":"Polygon","coordinates":[[[-93.1,44.0],[-93.0,44.0],[-93.0,44.1],[-93.1,44.0]]]}""",
            CentroidLatitude = 44.03, CentroidLongitude = -93.03,
        };
        db.Areas.Add(area);
        await db.SaveChangesAsync();
        return area.Id;
    }
}
