using Microsoft.Extensions.Time.Testing;
using System.Net.Http.Json;
using System.Text.Json;
using Kith.Platform.Jobs;

namespace Kith.Tests.Screening.SafetyPlans;

/// <summary>A plan nobody opens or saves for 24 months is deleted; opening it keeps it.</summary>
[Trait("Category", "Integration")]
public sealed class PlanRetentionTests(PlanRetentionTests.App app) : IClassFixture<PlanRetentionTests.App>
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));

    public sealed class App : PlanApp
    {
        public App() => Time = Clock;
    }

    [Fact]
    public async Task Plans_unused_for_24_months_are_deleted_and_used_ones_stay()
    {
        var api = app.CreateClient();
        var forgotten = await CreateAsync(api, "Forgotten");
        var used = await CreateAsync(api, "Used");
        Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/safety-plans/open", new { code = used })).StatusCode);
        Clock.Advance(TimeSpan.FromDays(366)); // forgotten: 731 days untouched; used: opened 366 days ago

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == "screening.safety-plan-retention").RunAsync(default);

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/safety-plans/open", new { code = forgotten })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/safety-plans/open", new { code = used })).StatusCode);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<KithDb>().SafetyPlans.CountAsync());
    }

    private static async Task<string> CreateAsync(HttpClient api, string reason)
    {
        var response = await api.PostAsJsonAsync("/api/safety-plans", new { sections = new { reasons = new[] { new { text = reason } } } });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}
