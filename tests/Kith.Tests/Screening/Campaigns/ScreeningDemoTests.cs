using Kith.Community.Demo;
using Kith.Platform.Data;
using Kith.Screening.Campaigns.Aggregates;
using Kith.Screening.Demo;

namespace Kith.Tests.Screening.Campaigns;

/// <summary>The demo campaign, seeded twice through the community seeder: one campaign, and aggregates with counts both shown and hidden.</summary>
[Trait("Category", "Integration")]
public sealed class ScreeningDemoTests : IAsyncLifetime
{
    private readonly KithApp app = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)app).InitializeAsync();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task The_spring_check_is_open_with_some_counts_shown_and_grade_12_hidden()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var campaign = await db.ScreeningCampaigns.SingleAsync(c => c.Name == RiverbendScreeningDemo.CampaignName);
        Assert.Equal(["phq-a", "gad-7"], campaign.InstrumentIds);
        Assert.Equal(2 * (46 + 33 + 24 + 6), await db.ScreeningResponses.CountAsync(r => r.CampaignId == campaign.Id));
        Assert.True(await db.ScreeningResponses.AllAsync(r => r.CampaignId != campaign.Id || r.Answers == null));

        var report = await scope.ServiceProvider.GetRequiredService<CampaignAggregates>().CountAsync(campaign, CancellationToken.None);
        foreach (var instrument in report.Instruments)
        {
            var counts = instrument.Groups.SelectMany(g => g.Bands).ToList();
            Assert.Contains(counts, c => c >= 11);
            Assert.Contains(counts, c => c is null);
            var grade12 = instrument.Groups.Single(g => g.Group == "Grade 12");
            Assert.True(grade12.Responses is null && grade12.MeanScore is null && grade12.Bands.All(b => b is null));
            Assert.Equal(46, instrument.Groups.Single(g => g.Group == "Grade 9").Responses);
        }
    }
}
