using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Kith.Community.Demo;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.ServiceDirectory.FindHelp;

/// <summary>The Riverbend demo at a fixed moment (Sunday 3 am in Riverbend: most offices closed, the lines open), with one
/// service that also speaks Hmong, Karen and ASL, so every claim below is about known data.</summary>
public sealed class SundayNightSite : IAsyncLifetime
{
    public static readonly DateTimeOffset Moment = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    public KithApp App { get; } = new() { Time = new FakeTimeProvider(Moment) };

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var youth = await db.Services.Where(s => s.Name == "Youth drop-in and homework club").Select(s => s.Id).SingleAsync();
        foreach (var (code, name) in new[] { ("hmn", "Hmong"), ("kar", "Karen"), ("ase", "American Sign Language") })
            db.Languages.Add(new Language { Id = Guid.NewGuid().ToString(), ServiceId = youth, Code = code, Name = name });
        await db.SaveChangesAsync();
        await App.Services.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);
    }

    public async Task<string> ServiceIdAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KithDb>().Services.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>
/// Find help as issue 13 asks: the answer is where the page lands, every ISO language code works, "food" finds food,
/// explanations read naturally, distances are in miles, results can be sorted by distance and seen on a map drawn
/// here (a refuge at its public point), and the service page says each thing once and truthfully.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class FindHelpAnswerTests(SundayNightSite site) : IClassFixture<SundayNightSite>
{
    private const string Near = "lat=44.02&lon=-93.01";

    [Fact]
    public async Task A_search_lands_on_its_answer_the_results_heading_or_for_risk_words_the_crisis_options()
    {
        var client = site.App.Browser();
        var (_, _, start) = await HelpSite.GetAsync(client, "/help");
        Assert.Equal("/help#results", start.QuerySelector("form.find-help-form")!.GetAttribute("action"));
        Assert.Empty(start.QuerySelectorAll("[autofocus]"));
        Assert.All(start.QuerySelectorAll(".help-chips a"), a => Assert.EndsWith("#results", a.GetAttribute("href")));

        var (_, _, results) = await HelpSite.GetAsync(client, "/help?q=grief");
        var heading = Assert.Single(results.QuerySelectorAll("[autofocus]"));
        Assert.Equal("results", heading.Id);
        Assert.Equal("H2", heading.TagName);
        Assert.Equal("-1", heading.GetAttribute("tabindex"));
        Assert.Matches(@"^\d+ services found$", heading.TextContent.Trim());

        var (_, _, risk) = await HelpSite.GetAsync(client, "/help?q=" + Uri.EscapeDataString("I want to die"));
        var crisis = Assert.Single(risk.QuerySelectorAll("[autofocus]"));
        Assert.Equal("results", crisis.Id);
        Assert.NotNull(crisis.Closest(".crisis-panel"));
        Assert.Equal("-1", crisis.GetAttribute("tabindex"));

        var (status, _, wrong) = await HelpSite.GetAsync(client, "/help?q=grief&language=zz");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("find-help-errors", Assert.Single(wrong.QuerySelectorAll("[autofocus]")).Id);
    }

    [Fact]
    public async Task Every_iso_639_code_and_bcp_47_tag_is_accepted_and_matched_and_a_bad_one_is_named()
    {
        var youth = await site.ServiceIdAsync("Youth drop-in and homework club");
        foreach (var code in new[] { "hmn", "kar", "ase", "HMN", "hmn-US" })
        {
            var body = await SearchAsync($"language={code}");
            var result = Assert.Single(body.GetProperty("results").EnumerateArray());
            Assert.Equal(youth, result.GetProperty("id").GetString());
        }
        var names = (await SearchAsync("language=kar")).GetProperty("results")[0].GetProperty("languages").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains("Karen", names);
        Assert.Contains("Hmong", names);
        Assert.Contains("American Sign Language", names);

        var spanish = Ids(await SearchAsync("language=es&per_page=100"));
        Assert.NotEmpty(spanish);
        Assert.Equal(spanish, Ids(await SearchAsync("language=es-MX&per_page=100")));
        Assert.Equal(spanish, Ids(await SearchAsync("language=spa&per_page=100")));

        foreach (var bad in new[] { "zz", "zzz", "english", "es-", "x-klingon" })
        {
            var response = await site.App.CreateClient().GetAsync("/api/directory/search?language=" + Uri.EscapeDataString(bad));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("language", out _), problem.ToString());
        }

        // The filter offers the languages the directory has, named (ISO's English name where ICU has none).
        var (_, _, page) = await HelpSite.GetAsync(site.App.Browser(), "/help");
        var options = page.QuerySelectorAll("select#language option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());
        Assert.Equal("Karen", options["kar"]);
        Assert.Equal("American Sign Language", options["ase"]);
        Assert.False(string.IsNullOrWhiteSpace(options["hmn"]));
        Assert.NotEqual("hmn", options["hmn"]);
    }

    [Fact]
    public async Task Food_finds_food_not_crisis_lines_telehealth_or_nurse_visits_and_no_word_is_bent_into_another()
    {
        var crisisLines = (await SearchAsync("q=" + Uri.EscapeDataString("I want to die"))).GetProperty("crisis").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()).ToHashSet();
        Assert.True(crisisLines.Count >= 5);
        var food = (await SearchAsync("q=food&per_page=100")).GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(food, r => r.GetProperty("name").GetString() == "Riverbend Food Shelf");
        Assert.DoesNotContain(food, r => crisisLines.Contains(r.GetProperty("id").GetString()));
        Assert.DoesNotContain(food, r => Regex.IsMatch(r.GetProperty("name").GetString()!, "telehealth|nurse|crisis|lifeline|hotline", RegexOptions.IgnoreCase));

        // Words of the demo and the real words one letter away that they must never be read as.
        var falseFriends = new Dictionary<string, string[]>
        {
            ["food"] = ["good", "flood", "mood", "foot", "fool"],
            ["care"] = ["core", "car", "card", "cure"],
            ["rent"] = ["rest", "tent", "went"],
            ["bed"] = ["bad", "bid"],
            ["help"] = ["held", "hell"],
            ["home"] = ["hope", "come"],
            ["grief"] = ["brief"],
            ["meals"] = ["deals", "means"],
            ["group"] = ["grout"],
            ["visits"] = ["visit"],
        };
        foreach (var (word, friends) in falseFriends)
            foreach (var result in (await SearchAsync($"q={word}&per_page=100")).GetProperty("results").EnumerateArray())
                foreach (var why in result.GetProperty("why").EnumerateArray().Select(w => w.GetProperty("detail").GetString()!))
                    Assert.False(friends.Any(f => why.EndsWith("via=typo term=" + f, StringComparison.Ordinal)), $"{word}: {why}");

        foreach (var (typo, meant) in new[] { ("shleter", "shelter"), ("depresion", "depression"), ("councelling", "counselling"), ("cousnelling", "counselling") })
        {
            var why = (await SearchAsync($"q={typo}&per_page=100")).GetProperty("results").EnumerateArray()
                .SelectMany(r => r.GetProperty("why").EnumerateArray()).ToList();
            // Found through the typo or, for a common misspelling, the synonym table; a typo says so in words.
            Assert.Contains(why, w => w.GetProperty("detail").GetString()!.EndsWith($"term={meant}", StringComparison.Ordinal));
            Assert.All(why.Where(w => w.GetProperty("detail").GetString()!.Contains("via=typo", StringComparison.Ordinal)),
                w => Assert.StartsWith("Spelled like “", w.GetProperty("text").GetString()!));
        }
        Assert.Contains((await SearchAsync("q=shleter")).GetProperty("results").EnumerateArray().SelectMany(r => r.GetProperty("why").EnumerateArray()),
            w => w.GetProperty("text").GetString()!.StartsWith("Spelled like “shelter”", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("counselling")]
    [InlineData("therapy")]
    [InlineData("terapia")]
    [InlineData("grief")]
    [InlineData("food shelf")]
    public async Task Explanations_read_naturally_and_never_relate_a_word_to_itself(string query)
    {
        var results = (await SearchAsync("q=" + Uri.EscapeDataString(query) + "&per_page=100")).GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        var texts = results.SelectMany(r => r.GetProperty("why").EnumerateArray().Where(w => w.GetProperty("kind").GetString() == "text")
            .Select(w => w.GetProperty("text").GetString()!)).ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.DoesNotMatch(@"“([^”]+)”.*“\1”", t));
        Assert.All(texts, t => Assert.Matches(@"^(Matches “[^”]+” in |Related to “[^”]+”[ ,]|Spelled like “[^”]+”, in )", t));
    }

    [Fact]
    public async Task Distances_are_in_miles_sorted_by_distance_on_request_and_the_sort_is_checked()
    {
        var (_, _, page) = await HelpSite.GetAsync(site.App.Browser(), $"/help?category=counselling&{Near}&sort=distance");
        var facts = page.QuerySelectorAll(".result .result-facts").Select(f => f.TextContent).ToList();
        Assert.Contains(facts, f => MilesAway().IsMatch(f));
        Assert.DoesNotContain(facts, f => f.Contains("km away", StringComparison.Ordinal));
        Assert.Equal("distance", page.QuerySelector("select#sort option[selected]")?.GetAttribute("value"));

        var byDistance = (await SearchAsync($"q=counselling&{Near}&sort=distance&per_page=100")).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("distanceKm").ValueKind == JsonValueKind.Number ? r.GetProperty("distanceKm").GetDouble() : double.MaxValue).ToList();
        Assert.True(byDistance.Count >= 3);
        Assert.Equal(byDistance.Order().ToList(), byDistance);
        var first = (await SearchAsync($"q=counselling&{Near}&sort=distance")).GetProperty("results")[0];
        Assert.Matches(MilesAway(), first.GetProperty("distance").GetString()!);
        Assert.Contains(first.GetProperty("why").EnumerateArray(), w => MilesAway().IsMatch(w.GetProperty("text").GetString()!));

        foreach (var (query, field) in new[] { ("q=counselling&sort=distance", "sort"), ($"q=counselling&{Near}&sort=cheapest", "sort") })
        {
            var response = await site.App.CreateClient().GetAsync("/api/directory/search?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Fact]
    public async Task The_map_is_drawn_here_with_pins_numbered_like_the_list_each_a_link_to_its_result()
    {
        var (_, body, page) = await HelpSite.GetAsync(site.App.Browser(), $"/help?q=counselling&{Near}");
        var map = page.QuerySelector(".help-results figure.results-map svg");
        Assert.NotNull(map);
        Assert.Equal("Map of these results", map.QuerySelector("title")!.TextContent);
        Assert.NotNull(map.QuerySelector("desc"));
        Assert.NotNull(map.QuerySelector(".map-you"));
        Assert.Matches(@"^\d+(\.\d)? mi$", map.QuerySelector(".map-scale text")!.TextContent.Trim());
        Assert.DoesNotContain("http", map.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("//", map.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);

        var listed = page.QuerySelectorAll("ol.results > li").Select((li, i) => (Number: i + 1, Id: li.QuerySelector("article h3")!.Id)).ToList();
        var pins = page.QuerySelectorAll("a.map-pin").ToList();
        Assert.True(pins.Count >= 3, $"only {pins.Count} pins");
        foreach (var pin in pins)
        {
            var target = pin.GetAttribute("href")!;
            Assert.StartsWith("#result-", target);
            var number = int.Parse(pin.QuerySelector("text")!.TextContent, CultureInfo.InvariantCulture);
            Assert.Contains((number, target[1..]), listed);
            Assert.StartsWith($"{number}. ", pin.GetAttribute("aria-label"));
        }
        Assert.NotNull(page.QuerySelector("figure.results-map figcaption"));
    }

    [Fact]
    public async Task A_refuge_is_pinned_at_its_public_point_never_where_it_is()
    {
        var (lat, lon, publicLat, publicLon) = await Point("Safe Harbor House");
        Assert.True(publicLat is not null && publicLon is not null, "the demo refuge has a public point");
        // Search from the refuge's true position: were the pin drawn there, it would sit on the "you" mark.
        var (_, _, page) = await HelpSite.GetAsync(site.App.Browser(),
            string.Create(CultureInfo.InvariantCulture, $"/help?q=Safe+Harbor+House&lat={lat:0.####}&lon={lon:0.####}"));
        var id = await site.ServiceIdAsync("Safe Harbor House");
        var pin = page.QuerySelectorAll("a.map-pin").Single(a => a.GetAttribute("href") == "#result-" + id);
        var you = page.QuerySelector(".map-you rect")!;
        var (px, py) = (Coordinate(pin.QuerySelectorAll("circle").Last(), "cx"), Coordinate(pin.QuerySelectorAll("circle").Last(), "cy"));
        var (yx, yy) = (Coordinate(you, "x") + 7, Coordinate(you, "y") + 7);
        Assert.True(Math.Abs(px - yx) + Math.Abs(py - yy) > 40, $"pin at {px},{py} sits on the true position {yx},{yy}");
        Assert.NotNull(pin.QuerySelector("circle[stroke-dasharray]"));
        Assert.Contains("safe place shown near", page.QuerySelector("figure.results-map figcaption")!.TextContent);
    }

    [Fact]
    public async Task The_service_page_lists_access_once_says_closed_plainly_names_each_call_and_can_be_shared()
    {
        var client = site.App.Browser();
        var clinic = await site.ServiceIdAsync("Counselling for adults");
        var (_, _, page) = await HelpSite.GetAsync(client, "/help/services/" + clinic);
        Assert.Null(page.QuerySelector(".service-open"));
        Assert.StartsWith("Closed now", page.QuerySelector(".service-closed")!.TextContent.Trim());
        AssertCallsNamed(page, "Counselling for adults");

        var share = page.QuerySelector(".share-service")!;
        var sms = Uri.UnescapeDataString(share.QuerySelector("a[href^='sms:?body=']")!.GetAttribute("href")!);
        Assert.Contains("Counselling for adults", sms);
        Assert.Contains("/help/services/" + clinic, sms);
        Assert.Contains("507-555", sms);
        Assert.StartsWith("mailto:?subject=", share.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));

        var line = await site.ServiceIdAsync("988 Suicide & Crisis Lifeline");
        var (_, _, open) = await HelpSite.GetAsync(client, "/help/services/" + line);
        Assert.NotNull(open.QuerySelector(".service-open"));
        AssertCallsNamed(open, "988 Suicide & Crisis Lifeline");

        var house = await site.ServiceIdAsync("Safe Harbor House");
        var (_, _, refuge) = await HelpSite.GetAsync(client, "/help/services/" + house);
        var access = refuge.QuerySelectorAll(".service-place h4 + ul li").Select(li => li.TextContent.Trim().ToLowerInvariant()).ToList();
        Assert.True(access.Count >= 2, string.Join(", ", access));
        Assert.Equal(access.Distinct().Count(), access.Count);
        Assert.Single(access, a => a.Contains("wheelchair", StringComparison.Ordinal));
        AssertCallsNamed(refuge, "Safe Harbor House");
    }

    private static void AssertCallsNamed(IDocument page, string service)
    {
        var calls = page.QuerySelectorAll(".service-page .help-actions a.call, .service-page .help-actions a.text").ToList();
        Assert.NotEmpty(calls);
        Assert.Equal(calls.Count, calls.Select(a => a.GetAttribute("href")).Distinct().Count());
        foreach (var call in calls)
        {
            var name = call.GetAttribute("aria-label") ?? "";
            Assert.StartsWith(call.TextContent.Trim(), name); // the visible words first, then whose line it is
            Assert.Contains(service, name);
        }
    }

    private async Task<(double Lat, double Lon, double? PublicLat, double? PublicLon)> Point(string service)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var id = await db.Services.Where(s => s.Name == service).Select(s => s.Id).SingleAsync();
        var location = await db.ServiceAtLocations.Where(l => l.ServiceId == id).Select(l => l.LocationId).FirstAsync();
        var l = await db.Locations.Where(x => x.Id == location).Select(x => new { x.Latitude, x.Longitude, x.PublicLatitude, x.PublicLongitude }).SingleAsync();
        return (l.Latitude!.Value, l.Longitude!.Value, l.PublicLatitude, l.PublicLongitude);
    }

    private static double Coordinate(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await site.App.CreateClient().GetAsync("/api/directory/search?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string?> Ids(JsonElement body) => body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();

    [GeneratedRegex(@"\d+(\.\d)? mi away")]
    private static partial Regex MilesAway();
}
