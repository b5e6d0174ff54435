using Kith.ServiceDirectory.Exchange;
using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>
/// A full backup restored into an empty directory keeps a refuge confidential, with the same public point: the
/// flag is Kith's own, and without it travelling a restore published the refuge's address.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConfidentialRestoreTests(KithApp app) : IClassFixture<KithApp>
{
    private const string LocationId = "3a19ff88-4620-4d17-9830-ac1d859eb5d5";

    [Fact]
    public async Task A_restored_backup_keeps_the_refuge_confidential_at_its_public_point_and_a_partner_copy_names_no_refuge()
    {
        var package = CopyOfExamples();
        SetCell(Path.Combine(package, "locations.csv"), 2, "latitude", "44.5");
        SetCell(Path.Combine(package, "locations.csv"), 2, "longitude", "-93.25");
        Assert.True((await ImportAsync(app, package)).Succeeded);
        await WithDbAsync(app, db => db.Locations.Where(l => l.Id == LocationId).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Confidential, true).SetProperty(l => l.PublicLatitude, 44.51).SetProperty(l => l.PublicLongitude, -93.27)));

        var backup = await ExportAsync(app, includeConfidential: true);
        var partner = await ExportAsync(app);
        Assert.False(File.Exists(Path.Combine(partner, ConfidentialPlaces.FileName)));
        Assert.Contains(LocationId, File.ReadAllText(Path.Combine(backup, ConfidentialPlaces.FileName)));

        await DeleteDirectoryAsync(app);
        var restored = await ImportAsync(app, backup);

        Assert.True(restored.Succeeded, string.Join("; ", restored.Problems.Listed));
        var place = await ReadAsync(db => db.Locations.Where(l => l.Id == LocationId)
            .Select(l => new { l.Confidential, l.Latitude, l.PublicLatitude, l.PublicLongitude }).SingleAsync());
        Assert.True(place.Confidential);
        Assert.Equal(44.5, place.Latitude);
        Assert.Equal((44.51, -93.27), (place.PublicLatitude!.Value, place.PublicLongitude!.Value));
    }

    [Fact]
    public async Task A_malformed_confidential_list_is_a_problem_and_nothing_is_imported()
    {
        var package = CopyOfExamples();
        File.WriteAllText(Path.Combine(package, ConfidentialPlaces.FileName), "id,lat\n" + LocationId + ",1\n");

        var result = await ImportAsync(app, package, new());

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems.Listed, p => p.Where.File == ConfidentialPlaces.FileName);
    }

    private async Task<T> ReadAsync<T>(Func<KithDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KithDb>());
    }
}
