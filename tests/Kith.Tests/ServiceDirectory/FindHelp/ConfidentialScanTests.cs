using System.Net.Http.Json;
using System.Globalization;
using System.Text.RegularExpressions;
using Kith.ServiceDirectory.Domain;

namespace Kith.Tests.ServiceDirectory.FindHelp;

/// <summary>
/// Where a refuge is never reaches the public through search: every confidential location's street and
/// coordinates are looked for in everything an anonymous visitor can fetch — Find help for every category,
/// area, postcode and the refuges' own names, every page of results, every service page, the search API and
/// the HSDS API (JSON and NDJSON). A responder signed in does see the address, so the scan looks for
/// something that is really there.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConfidentialScanTests(HelpSite site) : IClassFixture<HelpSite>
{
    private sealed record Refuge(string ServiceId, string ServiceName, string Street, string Postcode, double Latitude, double Longitude);

    private async Task<List<Refuge>> RefugesAsync() => await site.Read(async db =>
        await (from l in db.Locations
               where l.Confidential
               join a in db.Addresses on l.Id equals a.LocationId
               join sal in db.ServiceAtLocations on l.Id equals sal.LocationId
               join s in db.Services on sal.ServiceId equals s.Id
               select new Refuge(s.Id, s.Name, a.Address1, a.PostalCode, l.Latitude!.Value, l.Longitude!.Value)).ToListAsync());

    [Fact]
    public async Task No_public_page_or_api_answer_reveals_a_confidential_address_or_coordinates()
    {
        var refuges = await RefugesAsync();
        Assert.Contains(refuges, r => r.Street == "418 Linden Street");   // St. Mary's Family Shelter, Southgate
        Assert.Contains(refuges, r => r.Street == "88 Prairie Lane");     // Safe Harbor House, Hillcrest
        var secrets = refuges.SelectMany(Secrets).ToList();
        // The patterns do find coordinates as the HSDS API would print them, and as a map link would.
        foreach (var r in refuges)
        {
            Assert.Contains(secrets, s => s.Pattern.IsMatch(FormattableString.Invariant($"\"latitude\":{r.Latitude},\"longitude\":{r.Longitude}")));
            Assert.Contains(secrets, s => s.Pattern.IsMatch(FormattableString.Invariant($"?mlat={r.Latitude:0.000000}&mlon={r.Longitude:0.000000}")));
        }

        var (serviceIds, postcodes, areas) = await site.Read(async db => (
            await db.Services.Select(s => s.Id).ToListAsync(),
            await db.Addresses.Select(a => a.PostalCode).Distinct().ToListAsync(),
            await db.Areas.Select(a => a.Code).ToListAsync()));
        var queries = new List<string> { "", "open_now=true", "q=shelter", "q=safe+house", "q=abuse", "q=housing&free=true", "has_capacity=true", "accessibility=wheelchair", "lat=43.98&lon=-92.95&radius_km=5" };
        queries.AddRange(KithVocabulary.Needs.Select(n => "category=" + n.Code));
        queries.AddRange(areas.Select(a => "area=" + a));
        queries.AddRange(areas.Select(a => "area=" + a + "&category=housing"));
        queries.AddRange(postcodes.Select(p => "postcode=" + Uri.EscapeDataString(p)));
        queries.AddRange(refuges.Select(r => "q=" + Uri.EscapeDataString(r.ServiceName)));

        var anonymous = site.App.Browser();
        var fetched = 0;
        async Task Scan(string path)
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            foreach (var (label, pattern) in secrets)
                Assert.False(pattern.IsMatch(body), $"{path} reveals {label}");
            fetched++;
        }

        foreach (var query in queries)
        {
            // Find help, every page of its results.
            var path = "/help?" + query + (query.Length == 0 ? "q=help" : "");
            for (var i = 0; i < 20 && path is not null; i++)
            {
                await Scan(path);
                var (_, _, page) = await HelpSite.GetAsync(anonymous, path);
                path = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
            }
            await Scan("/api/directory/search?per_page=100&" + query);
        }
        foreach (var id in serviceIds) await Scan($"/help/services/{id}");
        foreach (var path in new[]
        {
            "/api/hsds/services?per_page=1000", "/api/hsds/services?full=true&per_page=1000", "/api/hsds/services?format=ndjson",
            "/api/hsds/services?format=ndjson&full=true", "/api/hsds/service_at_locations?per_page=1000", "/api/hsds/service_at_locations?full=true&per_page=1000",
            "/api/hsds/service_at_locations?format=ndjson&full=true", "/api/hsds/organizations?full_service=true&per_page=1000",
            "/api/hsds/organizations?format=ndjson&full_service=true",
        }) await Scan(path);
        foreach (var refuge in refuges)
        {
            await Scan($"/api/hsds/services/{refuge.ServiceId}");
            await Scan($"/api/hsds/services?per_page=1000&postcode={Uri.EscapeDataString(refuge.Postcode)}");
            var links = await site.Read(db => db.ServiceAtLocations.Where(s => s.ServiceId == refuge.ServiceId).Select(s => s.Id).ToListAsync());
            foreach (var link in links) await Scan($"/api/hsds/service_at_locations/{link}");
        }
        // Groups: every group's page, public details and calendar; and, as a member of the one at the family shelter, their
        // groups and their own calendar feed.
        var groups = await site.Read(db => db.Groups.Select(g => new { g.Id, g.LocationId }).ToListAsync());
        var confidential = await site.Read(db => db.Locations.Where(l => l.Confidential).Select(l => l.Id).ToListAsync());
        Assert.Contains(groups, g => g.LocationId is { } l && confidential.Contains(l));
        foreach (var g in groups)
        {
            await Scan($"/groups/{g.Id}");
            await Scan($"/groups/{g.Id}/calendar.ics");
            await Scan($"/api/public/groups/{g.Id}");
        }
        var atShelter = groups.First(g => g.LocationId is { } l && confidential.Contains(l)).Id;
        var joined = await anonymous.PostAsJsonAsync($"/api/public/groups/{atShelter}/join", new { name = "Scan", contactRoute = "none" });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var code = (await joined.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString();
        var mine = await (await anonymous.PostAsJsonAsync("/api/public/groups/mine", new { code })).Content.ReadAsStringAsync();
        foreach (var (label, pattern) in secrets) Assert.False(pattern.IsMatch(mine), $"a member's groups reveal {label}");
        await Scan(System.Text.Json.JsonDocument.Parse(mine).RootElement.GetProperty("feedPath").GetString()!);
        Assert.True(fetched > serviceIds.Count + queries.Count * 2, $"only {fetched} answers scanned");

        // The refuges are found and reachable by phone, only not located.
        foreach (var refuge in refuges)
        {
            var (_, _, page) = await HelpSite.GetAsync(anonymous, $"/help/services/{refuge.ServiceId}");
            Assert.Equal(refuge.ServiceName, page.QuerySelector("h1")!.TextContent);
            Assert.Contains("The address is kept private", page.QuerySelector(".confidential-note")!.TextContent);
            Assert.NotNull(page.QuerySelector(".help-actions a[href^='tel:']"));
            Assert.Null(page.QuerySelector(".service-place a[href*='openstreetmap']"));
        }
    }

    [Fact]
    public async Task A_signed_in_responder_sees_the_shelter_address_and_that_is_audited()
    {
        var shelter = (await RefugesAsync()).First(r => r.Street == "418 Linden Street");
        var other = await Staff.AddOrganisationAsync(site.App, "Another org");
        var (responder, responderId) = await Staff.SignedInAsync(site.App, "responder@find-help.test", Roles.Responder, other);
        var (coordinator, _) = await Staff.SignedInAsync(site.App, "coordinator@find-help.test", Roles.Coordinator, other);

        var (status, body, page) = await HelpSite.GetAsync(responder, $"/help/services/{shelter.ServiceId}");
        var (_, otherBody, _) = await HelpSite.GetAsync(coordinator, $"/help/services/{shelter.ServiceId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("418 Linden Street", page.QuerySelector(".service-place .address")!.TextContent);
        Assert.Contains("do not share it", page.QuerySelector(".confidential-note")!.TextContent);
        Assert.Null(page.QuerySelector(".service-place a[href*='openstreetmap']"));
        Assert.Contains(shelter.Postcode, body);
        Assert.DoesNotContain("418 Linden Street", otherBody);
        var audited = await site.Read(db => db.AuditEntries.Where(e => e.Action == "directory.confidential-address-viewed" && e.SubjectId == shelter.ServiceId).Select(e => e.ActorId).ToListAsync());
        Assert.Contains(responderId, audited);
    }

    /// <summary>The street (alone and with its postcode, as an address line shows it) and the coordinates as
    /// programs print them — shortest round-trip, 4 and 6 decimals, a comma as decimal separator too — as a
    /// pair (latitude and longitude near each other, either order): one value alone is shared by public
    /// places on the same street grid (a public centre lies at longitude -92.99, like the shelter).</summary>
    private static IEnumerable<(string Label, Regex Pattern)> Secrets(Refuge r)
    {
        yield return (r.Street, new Regex(Regex.Escape(r.Street), RegexOptions.IgnoreCase));
        yield return (r.Street + " postcode", new Regex(Regex.Escape(r.Street) + ".{0,40}" + Regex.Escape(r.Postcode), RegexOptions.Singleline));
        foreach (var format in new[] { "R", "0.0000", "0.000000" })
        {
            var lat = Number(r.Latitude, format);
            var lon = Number(r.Longitude, format);
            yield return ($"{r.ServiceName} at {r.Latitude.ToString(format, CultureInfo.InvariantCulture)}, {r.Longitude.ToString(format, CultureInfo.InvariantCulture)}",
                new Regex($"{lat}.{{0,120}}{lon}|{lon}.{{0,120}}{lat}", RegexOptions.Singleline));
        }
    }

    private static string Number(double value, string format) =>
        @"(?<![\d.,])" + Regex.Escape(value.ToString(format, CultureInfo.InvariantCulture)).Replace(@"\.", "[.,]") + @"(?!\d)";
}
