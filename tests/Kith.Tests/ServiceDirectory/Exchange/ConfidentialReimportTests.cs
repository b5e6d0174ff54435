using System.Globalization;
using Kith.ServiceDirectory.Search;
using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>`directory import` keeps a refuge's public point (ADR 12) through a small move and draws a new one
/// when the refuge moves beyond what the point fits.</summary>
[Trait("Category", "Integration")]
public sealed class ConfidentialReimportTests(KithApp app) : IClassFixture<KithApp>
{
    private const string LocationId = "3a19ff88-4620-4d17-9830-ac1d859eb5d5";

    private Task<(double Lat, double Lon, double? PublicLat, double? PublicLon)> PlaceAsync() => ReadAsync(db =>
        db.Locations.Where(l => l.Id == LocationId)
            .Select(l => new ValueTuple<double, double, double?, double?>(l.Latitude!.Value, l.Longitude!.Value, l.PublicLatitude, l.PublicLongitude)).SingleAsync());

    [Fact]
    public async Task A_moved_refuge_gets_a_public_point_that_a_small_move_keeps()
    {
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);
        await WithDbAsync(app, db => db.Locations.Where(l => l.Id == LocationId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Confidential, true)));
        var start = await PlaceAsync();

        var package = CopyOfExamples();
        var locations = Path.Combine(package, "locations.csv");
        Assert.Null(start.PublicLat); // the example's position (100, 101) is not on the globe: no public point
        SetCell(locations, 2, "latitude", "44.5");
        SetCell(locations, 2, "longitude", "-93.25");
        Assert.True((await ImportAsync(app, package)).Succeeded);
        var moved = await PlaceAsync();
        Assert.Equal((44.5, -93.25), (moved.Lat, moved.Lon));
        Assert.InRange(GeoDistance.Haversine(moved.Lat, moved.Lon, moved.PublicLat!.Value, moved.PublicLon!.Value), 1, 3);

        // 50 m along the line from the public point (away from it unless that passes the maximum).
        var km = GeoDistance.Haversine(moved.Lat, moved.Lon, moved.PublicLat!.Value, moved.PublicLon!.Value);
        var step = (km < 2 ? 0.05 : -0.05) / km;
        SetCell(locations, 2, "latitude", (moved.Lat + (moved.Lat - moved.PublicLat.Value) * step).ToString("R", CultureInfo.InvariantCulture));
        SetCell(locations, 2, "longitude", (moved.Lon + (moved.Lon - moved.PublicLon.Value) * step).ToString("R", CultureInfo.InvariantCulture));
        Assert.True((await ImportAsync(app, package)).Succeeded);
        var nudged = await PlaceAsync();
        Assert.NotEqual(moved.Lat, nudged.Lat);
        Assert.Equal((moved.PublicLat, moved.PublicLon), (nudged.PublicLat, nudged.PublicLon));
    }

    private async Task<T> ReadAsync<T>(Func<KithDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KithDb>());
    }
}
