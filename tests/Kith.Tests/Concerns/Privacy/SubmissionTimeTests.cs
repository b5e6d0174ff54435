using System.Net.Http.Json;
using System.Text.Json;
using Kith.Concerns.Domain;
using Kith.Tests.Concerns.CaseWork;

namespace Kith.Tests.Concerns.Privacy;

/// <summary>
/// An anonymous concern keeps its time only to the hour (an exact time could be matched to who was where): the
/// reporter sees a date, the queue orders by arrival, and only the acknowledgement deadline stays exact.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SubmissionTimeTests(SubmissionTimeTests.App app) : IClassFixture<SubmissionTimeTests.App>
{
    public sealed class App : KithApp
    {
        // 10:37 in Chicago, the default deployment time zone.
        public ManualTime Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 16, 37, 12, TimeSpan.Zero).AddTicks(3_456_780)); // whole microseconds, as PostgreSQL keeps them

        public App() => Time = Clock;
    }

    [Fact]
    public async Task An_anonymous_concern_is_stored_to_the_hour_and_its_deadline_stays_exact()
    {
        var exact = app.Clock.GetUtcNow().UtcDateTime;
        var (receipt, tier) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Imminent());

        var stored = await ConcernData.ByReceiptAsync(app, receipt);
        var history = await ConcernData.ReadAsync(app, db => db.ConcernStatusChanges.AsNoTracking().Where(s => s.ConcernId == stored.Id).ToListAsync());

        Assert.Equal("imminent", tier);
        Assert.Equal(0, stored.SubmittedAt.Ticks % TimeSpan.TicksPerHour);
        Assert.Equal(new DateTime(2026, 11, 24, 16, 0, 0), stored.SubmittedAt);
        Assert.Equal(stored.SubmittedAt, stored.StatusChangedAt);
        Assert.Equal(stored.SubmittedAt, stored.UpdatedAt);
        Assert.All(history, s => Assert.Equal(0, s.At.Ticks % TimeSpan.TicksPerHour));
        Assert.Equal(exact + TimeSpan.FromMinutes(5), stored.AcknowledgeBy); // imminent: five minutes from the exact time
    }

    [Fact]
    public async Task The_reporter_sees_the_day_it_was_sent_and_no_time()
    {
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine("Marker-day-only"));

        var (response, _, page) = await ConcernPages.OpenAsync(app.Browser(), receipt);
        var sent = page.QuerySelectorAll("p.muted").Select(p => p.TextContent.Trim()).Single(t => t.StartsWith("You sent it on", StringComparison.Ordinal));
        var api = await app.CreateClient().PostAsJsonAsync("/api/concerns/follow-up", new { receipt });
        var json = await api.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You sent it on Tuesday, November 24, 2026.", sent);
        Assert.Equal("2026-11-24", json.GetProperty("submittedOn").GetString());
        Assert.False(json.TryGetProperty("submittedAt", out _));
    }

    [Fact]
    public async Task The_queue_orders_concerns_of_the_same_hour_by_arrival()
    {
        var desk = await CaseDesk.OpenAsync(app, "arrival-order");
        // A second node whose clock runs behind takes the later ones: arrival, not a clock, decides the order.
        var (_, first) = await desk.ReportAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(-20));
        var (_, second) = await desk.ReportAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(-10));
        var (_, third) = await desk.ReportAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(30));

        var html = await desk.Responder.GetStringAsync("/staff/concerns");
        var rows = System.Text.RegularExpressions.Regex.Matches(html, @"<tr class=""queue-row[^""]*"" data-concern-id=""([0-9a-f-]{36})""")
            .Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

        Assert.Equal([first.Id, second.Id, third.Id], rows);
        Assert.True(first.Arrival < second.Arrival && second.Arrival < third.Arrival);
        Assert.Single(new[] { first.SubmittedAt, second.SubmittedAt, third.SubmittedAt }.Distinct());
    }
}
