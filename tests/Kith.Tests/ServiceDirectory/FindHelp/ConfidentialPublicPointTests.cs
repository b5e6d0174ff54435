using System.Globalization;
using System.Text.RegularExpressions;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith.ServiceDirectory.Search;

namespace Kith.Tests.ServiceDirectory.FindHelp;

/// <summary>
/// A confidential place has one public point (ADR 12): every public answer is computed from it, so moving the
/// true position changes nothing public, and the half-kilometre edge that once gave Safe Harbor House away to
/// 0 m in about 200 searches now gives away only the public point, at least the minimum offset from the truth.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ConfidentialPublicPointTests(HelpSite site) : IClassFixture<HelpSite>
{
    private const double MinimumOffsetKm = 1; // Kith:Directory:ConfidentialOffsetMinKm's default, which the app runs with here
    private const double MaximumOffsetKm = 3;

    private sealed record Shelter(string ServiceId, string LocationId, string SalId, string Name, double Latitude, double Longitude,
        double PublicLatitude, double PublicLongitude, Guid AreaId);

    private Task<Shelter> ShelterAsync(string name) => site.Read(async db =>
        await (from s in db.Services
               where s.Name == name
               join sal in db.ServiceAtLocations on s.Id equals sal.ServiceId
               join l in db.Locations on sal.LocationId equals l.Id
               where l.Confidential
               select new Shelter(s.Id, l.Id, sal.Id, s.Name, l.Latitude!.Value, l.Longitude!.Value,
                   l.PublicLatitude!.Value, l.PublicLongitude!.Value, l.AreaId!.Value)).SingleAsync());

    [Fact]
    public async Task Moving_the_true_position_while_the_public_point_stays_changes_no_byte_of_any_public_answer()
    {
        var shelter = await ShelterAsync("Emergency shelter for families"); // at St. Mary's Family Shelter, Southgate
        var km = GeoDistance.Haversine(shelter.Latitude, shelter.Longitude, shelter.PublicLatitude, shelter.PublicLongitude);
        Assert.InRange(km, MinimumOffsetKm, MaximumOffsetKm);
        var areas = new AreaLocator(await site.Read(db => db.Areas.Select(a => new AreaFact(a.Id, a.Code, a.Name, a.Population, a.BoundaryGeoJson, a.CentroidLatitude, a.CentroidLongitude)).ToListAsync()));
        Assert.Equal(shelter.AreaId, areas.Find(shelter.PublicLatitude, shelter.PublicLongitude));

        // 300 m, in the first of eight directions that keeps the place in its area and its public point within the offsets.
        var moved = Enumerable.Range(0, 8).Select(k => Offset(shelter.Latitude, shelter.Longitude, 0.3, k * Math.PI / 4))
            .First(p => areas.Find(p.Latitude, p.Longitude) == shelter.AreaId
                && GeoDistance.Haversine(p.Latitude, p.Longitude, shelter.PublicLatitude, shelter.PublicLongitude) is >= MinimumOffsetKm * 1.01 and <= MaximumOffsetKm * 0.99);

        var anonymous = site.App.Browser();
        var (staff, _) = await Staff.SignedInAsync(site.App, "leader@public-point.test", Roles.Leader, await Staff.AddOrganisationAsync(site.App, "Public point org"));
        var paths = PublicPaths(shelter, moved).ToList();
        var before = await CaptureAsync(anonymous, staff, paths);
        Assert.Equal(before, await CaptureAsync(anonymous, staff, paths)); // the answers are repeatable, so a difference below means something
        Assert.Contains(before, b => b.Value.Contains("\"distanceKm\":", StringComparison.Ordinal));

        await MoveAsync(shelter.LocationId, moved);

        var now = await ShelterAsync(shelter.Name);
        Assert.Equal((moved.Latitude, moved.Longitude), (now.Latitude, now.Longitude));
        Assert.Equal((shelter.PublicLatitude, shelter.PublicLongitude), (now.PublicLatitude, now.PublicLongitude));
        var after = await CaptureAsync(anonymous, staff, paths);
        foreach (var (path, body) in before) Assert.True(body == after[path], $"{path} changed when only the true position moved");
    }

    [Fact]
    public async Task The_bisection_attack_finds_the_public_point_and_lands_at_least_the_minimum_offset_from_the_truth()
    {
        var shelter = await ShelterAsync("Safe Harbor House");
        var guess = await site.Read(db => db.Areas.Where(a => a.Id == shelter.AreaId).Select(a => new { a.CentroidLatitude, a.CentroidLongitude }).SingleAsync());
        var attacker = new BisectionAttack(site.App.Browser(), shelter.Name, shelter.ServiceId);

        var (latitude, longitude) = await attacker.LocateAsync(guess.CentroidLatitude, guess.CentroidLongitude);

        Assert.InRange(attacker.Requests, 1, 260);
        var fromTruth = GeoDistance.Haversine(latitude, longitude, shelter.Latitude, shelter.Longitude);
        Assert.True(fromTruth >= MinimumOffsetKm, $"the attack's estimate lies {fromTruth * 1000:0} m from the shelter");
        // The attack does work: what it finds, to a few metres, is the public point.
        Assert.True(GeoDistance.Haversine(latitude, longitude, shelter.PublicLatitude, shelter.PublicLongitude) < 0.01,
            "the attack should locate the public point");
    }

    /// <summary>Everything public that mentions the shelter or measures from where it is: searches from around both
    /// points (the truth, where it moves, the public point), with and without a radius; Find help; its page; HSDS.</summary>
    private static IEnumerable<string> PublicPaths(Shelter s, (double Latitude, double Longitude) moved)
    {
        var q = Uri.EscapeDataString(s.Name);
        foreach (var (lat, lon) in new[] { (s.Latitude, s.Longitude), moved, (s.PublicLatitude, s.PublicLongitude),
                     Offset(s.Latitude, s.Longitude, 0.5, 1), Offset(s.Latitude, s.Longitude, 1.2, 4) })
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"lat={lat:0.000000}&lon={lon:0.000000}");
            yield return $"/api/directory/search?q={q}&{at}";
            yield return $"/api/directory/search?per_page=100&{at}";
            yield return $"/api/directory/search?category=housing&per_page=100&{at}";
            foreach (var radius in new[] { "0.5", "1", "2", "4" }) yield return $"/api/directory/search?per_page=100&radius_km={radius}&{at}";
            yield return $"/help?q=shelter&{at}";
            yield return $"/help?category=housing&radius_km=2&{at}";
        }
        yield return $"/help/services/{s.ServiceId}";
        yield return $"/api/hsds/services/{s.ServiceId}";
        yield return $"/api/hsds/service_at_locations/{s.SalId}";
        yield return "/api/hsds/service_at_locations?full=true&per_page=1000";
        yield return $"/api/hsds/organizations?full_service=true&per_page=1000";
    }

    /// <summary>Each path as an anonymous visitor and as staff without address rights sees it. Only the sign-out
    /// form's anti-forgery token differs per request; it is set to one value.</summary>
    private static async Task<Dictionary<string, string>> CaptureAsync(HttpClient anonymous, HttpClient staff, List<string> paths)
    {
        var bodies = new Dictionary<string, string>();
        foreach (var path in paths)
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("staff", staff) })
            {
                using var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
                bodies[who + " " + path] = Token().Replace(await response.Content.ReadAsStringAsync(), "__RequestVerificationToken\" value=\"-\"");
            }
        return bodies;
    }

    /// <summary>Moves the true position in the database and lets the app rebuild as it would. The directory revision
    /// (in every search answer) is a change counter, not a position: it is put back to its number before the move,
    /// after a rebuild at another number, so the second rebuild reads the moved row at the same revision.</summary>
    private async Task MoveAsync(string locationId, (double Latitude, double Longitude) to)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var refresher = site.App.Services.GetRequiredService<DirectoryIndexRefresher>();
        var revision = await db.RevisionAsync(CancellationToken.None);
        await db.Locations.Where(l => l.Id == locationId)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Latitude, to.Latitude).SetProperty(l => l.Longitude, to.Longitude));
        foreach (var number in new[] { revision + 1000, revision })
        {
            await db.DirectoryRevisions.ExecuteUpdateAsync(u => u.SetProperty(r => r.Number, number));
            Assert.Equal(number, (await refresher.RefreshAsync(CancellationToken.None)).Revision);
        }
    }

    internal static (double Latitude, double Longitude) Offset(double latitude, double longitude, double km, double bearing) =>
        (latitude + km * Math.Cos(bearing) / GeoDistance.KmPerDegreeLatitude,
         longitude + km * Math.Sin(bearing) / (GeoDistance.KmPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180)));

    [GeneratedRegex("__RequestVerificationToken\" value=\"[^\"]*\"")]
    private static partial Regex Token();
}
