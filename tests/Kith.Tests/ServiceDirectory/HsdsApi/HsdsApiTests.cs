using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kith.ServiceDirectory.Domain;

namespace Kith.Tests.ServiceDirectory.HsdsApi;

/// <summary>A generated directory of 90 services behind the HSDS API: paging, filters (alone and combined), formats, CORS and errors.</summary>
[Trait("Category", "Integration")]
public sealed class HsdsApiTests(KithApp app) : IClassFixture<KithApp>, IAsyncLifetime
{
    private static readonly GeneratedDirectory Directory = GeneratedDirectory.Create(services: 90, seed: 4242);
    private readonly HttpClient client = app.Browser();

    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        if (!await db.Services.AnyAsync()) await Directory.SaveAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_root_names_the_version_the_profile_and_the_openapi_document_and_both_resolve()
    {
        var root = await GetJsonAsync("/api/hsds/");

        Assert.Equal("3.0", (string)root["version"]!);
        var profile = new Uri((string)root["profile"]!);
        var openapi = new Uri((string)root["openapi_url"]!);
        Assert.True(profile.IsAbsoluteUri && openapi.IsAbsoluteUri);
        Assert.Equal("/openapi/v1.json", openapi.AbsolutePath);
        var described = await GetJsonAsync(profile.PathAndQuery);
        Assert.Contains("capacities", described.ToJsonString());
        Assert.Contains("kith.confidential", described.ToJsonString());
        var document = JsonNode.Parse(await client.GetStringAsync(openapi.PathAndQuery))!;
        var parameters = document["paths"]!["/api/hsds/service_at_locations"]!["get"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!);
        Assert.Superset(new HashSet<string> { "search", "page", "per_page", "format", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "full", "postcode", "proximity" },
            parameters.ToHashSet());
    }

    [Fact]
    public async Task Pages_report_their_place_and_together_hold_every_service_once_in_a_stable_order()
    {
        var pages = new List<JsonObject>();
        for (var page = 1; page <= 14; page++) pages.Add(await GetJsonAsync($"/api/hsds/services?per_page=7&page={page}"));

        Assert.All(pages, p => Assert.Equal(90, (int)p["total_items"]!));
        Assert.All(pages, p => Assert.Equal(13, (int)p["total_pages"]!));
        Assert.True((bool)pages[0]["first_page"]! && !(bool)pages[0]["last_page"]! && !(bool)pages[0]["empty"]!);
        Assert.Equal(7, (int)pages[0]["size"]!);
        Assert.False((bool)pages[1]["first_page"]!);
        Assert.True((bool)pages[12]["last_page"]!);
        Assert.Equal(90 - 12 * 7, (int)pages[12]["size"]!);
        Assert.Equal(13, (int)pages[12]["page_number"]!);
        Assert.True((bool)pages[13]["empty"]! && (bool)pages[13]["last_page"]!);
        Assert.Equal(0, (int)pages[13]["size"]!);
        var ids = pages.SelectMany(p => Ids(p)).ToList();
        Assert.Equal(90, ids.Distinct().Count());
        Assert.Equal(Directory.Services.Select(s => s.Id).Order(), ids.Order());
        var again = Ids(await GetJsonAsync("/api/hsds/services?per_page=7&page=3"));
        Assert.Equal(ids.Skip(14).Take(7), again);
        var names = pages.SelectMany(p => p["contents"]!.AsArray()).Select(s => (string)s!["name"]!).ToList();
        Assert.True(names.Distinct().Count() < names.Count); // ties exist, so the id tie-break matters
    }

    [Fact]
    public async Task An_empty_result_is_one_empty_page()
    {
        var page = await GetJsonAsync("/api/hsds/services?search=no-such-service-anywhere");

        Assert.Equal(0, (int)page["total_items"]!);
        Assert.Equal(0, (int)page["total_pages"]!);
        Assert.True((bool)page["empty"]! && (bool)page["first_page"]! && (bool)page["last_page"]!);
        Assert.Empty(page["contents"]!.AsArray());
    }

    [Fact]
    public async Task Each_service_filter_alone_matches_exactly_what_it_says()
    {
        var org = Directory.Organizations[3].Id;
        await AssertServicesAsync($"organization_id={org}", Directory.Services.Where(s => s.OrganizationId == org));

        var term = KithVocabulary.NeedId("crisis");
        await AssertServicesAsync($"taxonomy_term_id={term}", Directory.Services.Where(s => HasTerm(s, t => t.Id == term)));

        var topics = Directory.Taxonomies.Single(t => t.Name == "Community Topics").Id;
        await AssertServicesAsync($"taxonomy_id={topics}", Directory.Services.Where(s => HasTerm(s, t => t.TaxonomyId == topics)));

        var cutoff = Directory.Services.Select(s => s.LastModified!.Value).Order().ElementAt(60);
        await AssertServicesAsync($"modified_after={Uri.EscapeDataString(cutoff.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"))}",
            Directory.Services.Where(s => s.LastModified >= cutoff));

        await AssertServicesAsync("search=PANTRY", Directory.Services.Where(s => Matches(s, "pantry")));
        await AssertServicesAsync("search=refuge", Directory.Services.Where(s => Matches(s, "refuge")));
    }

    [Fact]
    public async Task Filters_combine_with_and()
    {
        var delivery = KithVocabulary.DeliveryTaxonomyId;
        var need = KithVocabulary.NeedId("peer-support");
        var cutoff = Directory.Services.Select(s => s.LastModified!.Value).Order().ElementAt(30);
        var expected = Directory.Services.Where(s => HasTerm(s, t => t.TaxonomyId == delivery) && HasTerm(s, t => t.Id == need) && s.LastModified >= cutoff).ToList();

        await AssertServicesAsync($"taxonomy_id={delivery}&taxonomy_term_id={need}&modified_after={cutoff:yyyy-MM-ddTHH:mm:ss.fffZ}", expected);

        var org = Directory.Services.First(s => HasTerm(s, t => t.Id == need)).OrganizationId;
        await AssertServicesAsync($"organization_id={org}&taxonomy_term_id={need}",
            Directory.Services.Where(s => s.OrganizationId == org && HasTerm(s, t => t.Id == need)));
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task A_taxonomy_id_matches_any_of_its_terms_while_a_term_id_matches_only_that_term()
    {
        var parent = Directory.TaxonomyTerms.Single(t => t.Code == "BD-1800");
        var byTerm = await GetJsonAsync($"/api/hsds/services?per_page=1000&taxonomy_term_id={parent.Id}");
        var byTaxonomy = await GetJsonAsync($"/api/hsds/services?per_page=1000&taxonomy_id={parent.TaxonomyId}");

        Assert.Equal(Directory.Services.Count(s => HasTerm(s, t => t.Id == parent.Id)), (int)byTerm["total_items"]!);
        Assert.True((int)byTaxonomy["total_items"]! > (int)byTerm["total_items"]!);
    }

    [Fact]
    public async Task Taxonomy_terms_filter_by_taxonomy_top_level_and_parent()
    {
        var needs = KithVocabulary.NeedsTaxonomyId;
        var all = await GetJsonAsync($"/api/hsds/taxonomy_terms?taxonomy_id={needs}&per_page=100");
        var top = await GetJsonAsync($"/api/hsds/taxonomy_terms?taxonomy_id={needs}&top_only=true&per_page=100");
        var children = await GetJsonAsync($"/api/hsds/taxonomy_terms?parent_id={KithVocabulary.NeedId("crisis")}");
        var topicsTop = await GetJsonAsync("/api/hsds/taxonomy_terms?top_only=true&search=basic");

        Assert.Equal(KithVocabulary.Needs.Count, (int)all["total_items"]!);
        Assert.Equal(KithVocabulary.Needs.Count(n => n.ParentCode is null), (int)top["total_items"]!);
        Assert.All(top["contents"]!.AsArray(), t => Assert.Null(t!["parent_id"]));
        Assert.Equal([KithVocabulary.NeedId("crisis-line")], Ids(children));
        Assert.Equal(["Basic Needs"], topicsTop["contents"]!.AsArray().Select(t => (string)t!["name"]!));
        var term = await GetJsonAsync($"/api/hsds/taxonomy_terms/{KithVocabulary.NeedId("crisis-line")}");
        Assert.Equal(KithVocabulary.NeedId("crisis"), (string)term["parent_id"]!);
        Assert.Equal(needs, (string)term["taxonomy_detail"]!["id"]!);
    }

    [Fact]
    public async Task Ndjson_streams_every_match_one_document_a_line_without_an_envelope()
    {
        var response = await client.GetAsync("/api/hsds/services?format=ndjson&per_page=5");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var org = Directory.Organizations[0].Id;
        var filtered = (await client.GetStringAsync($"/api/hsds/services?format=ndjson&organization_id={org}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(90, lines.Length);
        Assert.All(lines, l => Assert.NotNull(JsonNode.Parse(l)!["name"]));
        Assert.Null(JsonNode.Parse(lines[0])!["contents"]);
        Assert.Equal(Directory.Services.Count(s => s.OrganizationId == org), filtered.Length);
        Assert.Equal(Directory.ServiceAtLocations.Count,
            (await client.GetStringAsync("/api/hsds/service_at_locations?format=ndjson")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Shapes_minimal_default_and_full_nest_as_documented()
    {
        var minimal = (await GetJsonAsync("/api/hsds/services?minimal=true&per_page=1"))["contents"]![0]!.AsObject();
        var standard = (await GetJsonAsync("/api/hsds/services?per_page=1"))["contents"]![0]!.AsObject();
        var full = (await GetJsonAsync("/api/hsds/services?full=true&per_page=1"))["contents"]![0]!.AsObject();
        var withCapacity = Directory.Capacities[0];
        var detail = await GetJsonAsync($"/api/hsds/services/{withCapacity.ServiceId}");

        Assert.Null(minimal["organization"]);
        Assert.NotNull(standard["organization"]);
        Assert.Null(standard["phones"]);
        Assert.NotNull(full["phones"]);
        Assert.NotNull(full["service_at_locations"]);
        var capacity = detail["capacities"]!.AsArray().Single(c => (string)c!["id"]! == withCapacity.Id)!;
        Assert.Equal(withCapacity.Unit, (string)capacity["unit"]!["name"]!);
        Assert.Equal(withCapacity.Available, (decimal)capacity["available"]!);
        Assert.EndsWith("Z", (string)capacity["updated"]!);
        var schedule = detail["schedules"]!.AsArray()[0]!;
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}$", (string)schedule["opens_at"]!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)schedule["dtstart"]!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", (string)detail["last_modified"]!);
        Assert.DoesNotContain("null", detail.ToJsonString());
    }

    [Fact]
    public async Task Postcode_and_proximity_find_service_at_locations_near_a_postcode()
    {
        var located = Directory.Locations.Where(l => !l.Confidential && l.Latitude is not null)
            .Select(l => (Location: l, Address: Directory.Addresses.FirstOrDefault(a => a.LocationId == l.Id)))
            .First(x => x.Address is not null);
        var code = located.Address!.PostalCode;
        var atCode = Directory.ServiceAtLocations.Where(s => Directory.Addresses.Any(a => a.LocationId == s.LocationId && a.PostalCode == code)
            && !Directory.Locations.Single(l => l.Id == s.LocationId).Confidential).ToList();

        var byCode = await GetJsonAsync($"/api/hsds/service_at_locations?postcode={code}&per_page=1000");
        var near = await GetJsonAsync($"/api/hsds/service_at_locations?postcode={code}&proximity=3000&per_page=1000");
        var wide = await GetJsonAsync($"/api/hsds/service_at_locations?postcode={code}&proximity=200000&per_page=1000");

        Assert.Equal(atCode.Select(s => s.Id).Order(), Ids(byCode).Order());
        var visible = Directory.Locations.Where(l => !l.Confidential && l.Latitude is not null).ToDictionary(l => l.Id);
        var centre = visible.Values.Where(l => Directory.Addresses.Any(a => a.LocationId == l.Id && a.PostalCode == code)).ToList();
        var (lat, lon) = (centre.Average(l => l.Latitude!.Value), centre.Average(l => l.Longitude!.Value));
        var within = Directory.ServiceAtLocations.Where(s => visible.TryGetValue(s.LocationId, out var l) && Metres(lat, lon, l.Latitude!.Value, l.Longitude!.Value) <= 3000).ToList();
        Assert.Equal(within.Select(s => s.Id).Order(), Ids(near).Order());
        Assert.True(within.Count < (int)wide["total_items"]!);
        Assert.Equal(Directory.ServiceAtLocations.Count(s => visible.ContainsKey(s.LocationId)), (int)wide["total_items"]!);
    }

    private static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * 6_371_000 * Math.Asin(Math.Sqrt(a));
    }

    [Fact]
    public async Task Gets_are_open_to_any_origin_and_preflights_allow_only_reading()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/hsds/services?per_page=1");
        get.Headers.Add("Origin", "https://elsewhere.example");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/hsds/services");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var post = new HttpRequestMessage(HttpMethod.Options, "/api/hsds/services");
        post.Headers.Add("Origin", "https://elsewhere.example");
        post.Headers.Add("Access-Control-Request-Method", "POST");

        var got = await client.SendAsync(get);
        var allowed = await client.SendAsync(preflight);
        var refused = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal("*", got.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.True(allowed.IsSuccessStatusCode);
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.DoesNotContain("POST", refused.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) ? string.Join(",", methods) : "");
    }

    [Theory]
    [InlineData("/api/hsds/services/3f7b145d-84af-42d7-8fae-eaca714b02b2")]
    [InlineData("/api/hsds/service_at_locations/nope")]
    [InlineData("/api/hsds/organizations/nope")]
    [InlineData("/api/hsds/taxonomies/nope")]
    [InlineData("/api/hsds/taxonomy_terms/nope")]
    public async Task Unknown_ids_are_404_problems(string path)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!);
    }

    [Theory]
    [InlineData("/api/hsds/services?page=0", "page")]
    [InlineData("/api/hsds/services?per_page=100000", "per_page")]
    [InlineData("/api/hsds/services?per_page=ten", "per_page")]
    [InlineData("/api/hsds/services?modified_after=garbage", "modified_after")]
    [InlineData("/api/hsds/services?format=xml", "format")]
    [InlineData("/api/hsds/services?minimal=true&full=true", "minimal")]
    [InlineData("/api/hsds/services?full=maybe", "full")]
    [InlineData("/api/hsds/service_at_locations?postcode=55101&proximity=far", "proximity")]
    [InlineData("/api/hsds/service_at_locations?proximity=500", "proximity")]
    [InlineData("/api/hsds/service_at_locations?postcode=55101&proximity=-5", "proximity")]
    [InlineData("/api/hsds/taxonomy_terms?top_only=perhaps", "top_only")]
    [InlineData("/api/hsds/organizations?page=-1", "page")]
    [InlineData("/api/hsds/organizations/x?full_service=2", "full_service")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string path, string parameter)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![parameter]);
        Assert.Contains(parameter, (string)problem["detail"]!);
    }

    [Fact]
    public async Task Problem_texts_follow_the_language_of_the_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/hsds/services?page=0");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));

        var problem = JsonNode.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync())!;

        Assert.DoesNotContain("must be", (string)problem["detail"]!);
        Assert.Contains("page", (string)problem["detail"]!);
    }

    private async Task AssertServicesAsync(string query, IEnumerable<Service> expected)
    {
        var page = await GetJsonAsync($"/api/hsds/services?per_page=1000&{query}");
        var want = expected.Select(s => s.Id).Order().ToList();
        Assert.True(want.Count > 0, $"{query}: the generated directory has no match, so this proves nothing");
        Assert.True(want.Count < Directory.Services.Count, $"{query}: matches everything, so this proves nothing");
        Assert.Equal(want, Ids(page).Order().ToList());
        Assert.Equal(want.Count, (int)page["total_items"]!);
    }

    private static bool HasTerm(Service s, Func<TaxonomyTerm, bool> term) =>
        Directory.Attributes.Any(a => a.LinkId == s.Id && term(Directory.TaxonomyTerms.Single(t => t.Id == a.TaxonomyTermId)));

    private static bool Matches(Service s, string text) =>
        new[] { s.Name, s.AlternateName, s.Description, Directory.Organizations.Single(o => o.Id == s.OrganizationId).Name }
            .Any(v => v is not null && v.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static List<string> Ids(JsonNode page) => page["contents"]!.AsArray().Select(s => (string)s!["id"]!).ToList();

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
