using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;

namespace Kith.Tests.ServiceDirectory.SearchServices;

/// <summary>The node's snapshot follows the database: a directory change or an area change rebuilds it, nothing else does.</summary>
[Trait("Category", "Integration")]
public sealed class IndexRefreshTests : IAsyncLifetime
{
    private readonly KithApp app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task A_directory_change_or_an_area_change_rebuilds_the_snapshot_and_an_unchanged_database_does_not()
    {
        var refresher = app.Services.GetRequiredService<DirectoryIndexRefresher>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        await scope.ServiceProvider.GetRequiredService<Kith.Community.Demo.RiverbendDemo>().SeedAsync(CancellationToken.None);

        var seeded = await refresher.RefreshAsync(CancellationToken.None);
        Assert.True(seeded.ServiceCount >= 60);
        Assert.Same(seeded, await refresher.RefreshAsync(CancellationToken.None));

        var area = await db.Areas.SingleAsync(a => a.Code == "hillcrest");
        area.Population += 100;
        area.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        var afterArea = await refresher.RefreshAsync(CancellationToken.None);
        Assert.NotSame(seeded, afterArea);
        Assert.Equal(area.Population, afterArea.Areas.Single(a => a.Code == "hillcrest").Population);

        var service = await db.Services.FirstAsync(s => s.Status == "active");
        service.Status = "inactive";
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.SaveChangesAsync();
            await db.BumpRevisionAsync(DateTime.UtcNow, CancellationToken.None);
            await tx.CommitAsync();
        }
        var afterService = await refresher.RefreshAsync(CancellationToken.None);
        Assert.Equal(afterArea.Revision + 1, afterService.Revision);
        Assert.Null(afterService.Card(service.Id));
        Assert.NotNull(afterArea.Card(service.Id));
    }
}
