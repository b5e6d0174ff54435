using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Search;

namespace Kith.Tests.ServiceDirectory.Domain;

/// <summary>The public point rule (ADR 12) on its own: always between the offsets, inside the truth's area when
/// the area can hold it, kept through moves it still fits, and drawn anew when it does not.</summary>
public sealed class PublicPointTests
{
    private static readonly PublicPointOptions Options = new() { ConfidentialOffsetMinKm = 1, ConfidentialOffsetMaxKm = 3 };
    // A 6 km square neighbourhood and a 0.9 km one (too small to hold any point 1 km from inside it).
    private static readonly AreaFact Big = Square("big", 44.0, -93.0, 0.054, 0.075);
    private static readonly AreaFact Tiny = Square("tiny", 44.2, -93.0, 0.008, 0.011);
    private static readonly AreaLocator Areas = new([Big, Tiny]);

    private static PublicPoint Rule(int seed) => new(Options, Areas.Find, new Random(seed).NextDouble);

    [Fact]
    public void A_point_drawn_for_a_place_in_an_area_is_between_the_offsets_inside_that_area_and_fits()
    {
        var inBig = Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000.0);
        var places = from u in inBig from v in inBig from seed in Gen.Choose(0, int.MaxValue - 1) select (u, v, seed);
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(places), t =>
        {
            var (u, v, seed) = t;
            var (lat, lon) = (44.0 + 0.054 * u, -93.0 + 0.075 * v);
            var (pLat, pLon) = Rule(seed).Choose(lat, lon);
            var km = GeoDistance.Haversine(lat, lon, pLat, pLon);
            return km >= 1 && km <= 3 && Areas.Find(pLat, pLon) == Big.Id && Rule(seed + 1).Fits(lat, lon, pLat, pLon);
        }));
    }

    [Fact]
    public void An_area_too_small_to_hold_the_offset_gives_way_to_the_offset_and_the_point_then_stays()
    {
        var (lat, lon) = (44.204, -92.9945);
        Assert.Equal(Tiny.Id, Areas.Find(lat, lon));
        for (var seed = 0; seed < 50; seed++)
        {
            var (pLat, pLon) = Rule(seed).Choose(lat, lon);
            var km = GeoDistance.Haversine(lat, lon, pLat, pLon);
            Assert.InRange(km, 1, 3);
            Assert.True(Rule(seed).Fits(lat, lon, pLat, pLon), "a point the rule chose must be kept, or every rebuild would draw again");
        }
    }

    [Fact]
    public void A_stored_point_is_kept_through_a_small_move_and_chosen_anew_when_too_near_too_far_or_in_another_area()
    {
        var place = new Location { Id = "x", Confidential = true, Latitude = 44.027, Longitude = -92.9625 };
        var rule = Rule(7);
        Assert.True(rule.Settle(place));
        var stored = (place.PublicLatitude!.Value, place.PublicLongitude!.Value);
        Assert.False(rule.Settle(place));

        // 100 m away from the point: still fits, nothing public changes.
        var km = GeoDistance.Haversine(place.Latitude!.Value, place.Longitude!.Value, stored.Item1, stored.Item2);
        var step = 0.1 / km;
        if (km > 2.8) step = -step; // toward it when it is near the maximum
        place.Latitude += (place.Latitude - stored.Item1) * step;
        place.Longitude += (place.Longitude - stored.Item2) * step;
        Assert.False(rule.Settle(place));
        Assert.Equal(stored, (place.PublicLatitude!.Value, place.PublicLongitude!.Value));

        // Onto the public point itself (too near), then 20 km away (too far, and out of the area): a new point each time.
        (place.Latitude, place.Longitude) = stored;
        Assert.True(rule.Settle(place));
        Assert.InRange(GeoDistance.Haversine(stored.Item1, stored.Item2, place.PublicLatitude!.Value, place.PublicLongitude!.Value), 1, 3);
        place.Latitude += 0.18;
        Assert.True(rule.Settle(place));
        Assert.InRange(GeoDistance.Haversine(place.Latitude!.Value, place.Longitude!.Value, place.PublicLatitude!.Value, place.PublicLongitude!.Value), 1, 3);

        // A point in another area than the truth's is chosen anew although its distance fits.
        var truth = (Lat: 44.003, Lon: -92.9625);
        var other = new PublicPoint(Options, (lat, lon) => lat > 44.0 ? Big.Id : Tiny.Id, new Random(3).NextDouble);
        Assert.False(other.Fits(truth.Lat, truth.Lon, truth.Lat - 0.015, truth.Lon));
    }

    [Fact]
    public void Places_that_are_not_confidential_or_have_no_coordinates_get_no_point()
    {
        var rule = Rule(1);
        var open = new Location { Id = "a", Latitude = 44.02, Longitude = -92.96 };
        var nowhere = new Location { Id = "b", Confidential = true };
        Assert.False(rule.Settle(open));
        Assert.False(rule.Settle(nowhere));
        Assert.Null(open.PublicLatitude);
        Assert.Null(nowhere.PublicLatitude);
    }

    [Fact]
    public void The_default_draw_is_not_repeatable()
    {
        var rule = new PublicPoint(Options, Areas.Find);
        Assert.NotEqual(rule.Choose(44.027, -92.9625), rule.Choose(44.027, -92.9625));
    }

    private static AreaFact Square(string code, double lat, double lon, double dLat, double dLon)
    {
        string P(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"[{x},{y}]");
        var json = $"{{\"type\":\"Polygon\",\"coordinates\":[[{P(lon, lat)},{P(lon + dLon, lat)},{P(lon + dLon, lat + dLat)},{P(lon, lat + dLat)},{P(lon, lat)}]]}}";
        return new AreaFact(Guid.NewGuid(), code, code, 100, json, lat + dLat / 2, lon + dLon / 2);
    }
}
