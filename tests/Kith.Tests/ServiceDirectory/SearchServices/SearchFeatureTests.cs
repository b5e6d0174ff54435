using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Kith.ServiceDirectory.Domain;

namespace Kith.Tests.ServiceDirectory.SearchServices;

/// <summary>
/// In the style of the Open Referral UK feature tests: for many services taken from the data, a query built
/// from their own HSDS fields (a word of the name, their language, a point near them, a time they are open,
/// an age they serve) returns them through <c>GET /api/directory/search</c>, and a query built to exclude them
/// does not. The facts come from the generated HSDS rows, not from the search code.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SearchFeatureTests(SearchedDirectory directory) : IClassFixture<SearchedDirectory>
{
    private const int Sample = 30;
    private GeneratedDirectory Data => directory.Generated;
    private IEnumerable<Service> Active => Data.Services.Where(s => s.Status == "active");

    [Fact]
    public async Task A_word_of_its_name_finds_it_and_so_does_the_word_with_a_typo()
    {
        foreach (var service in Active.Take(Sample))
        {
            var word = service.Name.Split(' ', '-').First(w => w.Length >= 5);
            Assert.Contains(service.Id, (await directory.SearchAllAsync("q=" + Uri.EscapeDataString(word))).Ids);
            var typo = word[..2] + word[3] + word[2] + word[4..]; // two letters swapped
            Assert.Contains(service.Id, (await directory.SearchAllAsync("q=" + Uri.EscapeDataString(typo))).Ids);
        }
    }

    [Fact]
    public async Task Its_language_finds_it_and_a_language_it_does_not_speak_does_not()
    {
        var checkedCount = 0;
        foreach (var service in Active)
        {
            var own = Data.Languages.Where(l => l.ServiceId == service.Id && l.Code!.Length == 2).Select(l => l.Code!).ToList();
            if (own.Count == 0) continue;
            var spoken = LanguagesAnywhere(service);
            var other = new[] { "en", "es", "so", "vi" }.FirstOrDefault(c => !spoken.Contains(c));
            Assert.Contains(service.Id, (await directory.SearchAllAsync("language=" + own[0])).Ids);
            if (other != null) Assert.DoesNotContain(service.Id, (await directory.SearchAllAsync("language=" + other)).Ids);
            if (++checkedCount == Sample) break;
        }
        Assert.True(checkedCount >= 10, $"only {checkedCount} services had a language");
    }

    [Fact]
    public async Task A_point_near_one_of_its_places_finds_it_within_a_radius_and_a_far_point_does_not()
    {
        var checkedCount = 0;
        foreach (var service in Active)
        {
            if (Places(service).FirstOrDefault() is not { } place) continue;
            var (lat, lon) = (place.Latitude!.Value + 0.002, place.Longitude!.Value - 0.002);
            Assert.Contains(service.Id, (await directory.SearchAllAsync(Near(lat, lon, 1))).Ids);
            Assert.DoesNotContain(service.Id, (await directory.SearchAllAsync(Near(lat + 1.5, lon, 5))).Ids);
            if (++checkedCount == Sample) break;
        }
        Assert.True(checkedCount >= 10, $"only {checkedCount} services had a place");
    }

    [Fact]
    public async Task A_time_it_is_open_finds_it_and_a_time_it_is_closed_does_not()
    {
        var checkedCount = 0;
        foreach (var service in Active)
        {
            var rules = OwnSchedules(service);
            if (rules.Count == 0 || !rules.All(IsPlainWeekly)) continue;
            var openRule = rules[0];
            var openDay = DayOfWeekIn(openRule.Byday!.Split(',')[0]);
            var middle = openRule.OpensAt!.Value.AddMinutes((openRule.ClosesAt!.Value - openRule.OpensAt.Value).TotalMinutes / 2);
            Assert.Contains(service.Id, (await directory.SearchAllAsync("open_at=" + Local(openDay, middle))).Ids);

            var days = rules.SelectMany(r => r.Byday!.Split(',')).Select(DayOfWeekIn).ToHashSet();
            var closedDay = Enum.GetValues<DayOfWeek>().First(d => !days.Contains(d));
            Assert.DoesNotContain(service.Id, (await directory.SearchAllAsync("open_at=" + Local(closedDay, new TimeOnly(12, 0)))).Ids);
            if (++checkedCount == Sample) break;
        }
        Assert.True(checkedCount >= 5, $"only {checkedCount} services had plain weekly hours");
    }

    [Fact]
    public async Task An_age_it_serves_finds_it_and_an_age_outside_its_range_does_not()
    {
        var checkedCount = 0;
        foreach (var service in Active.Where(s => s.MinimumAge != null || s.MaximumAge != null).Take(Sample))
        {
            var inside = service.MinimumAge ?? service.MaximumAge!.Value;
            Assert.Contains(service.Id, (await directory.SearchAllAsync("age=" + inside.ToString(CultureInfo.InvariantCulture))).Ids);
            var outside = service.MaximumAge is { } max ? max + 1 : service.MinimumAge!.Value - 1;
            if (outside >= 0)
                Assert.DoesNotContain(service.Id, (await directory.SearchAllAsync("age=" + outside.ToString(CultureInfo.InvariantCulture))).Ids);
            checkedCount++;
        }
        Assert.True(checkedCount >= 10, $"only {checkedCount} services had an age range");
    }

    [Fact]
    public async Task All_of_its_own_facts_together_find_it_because_filters_combine_with_and()
    {
        var checkedCount = 0;
        foreach (var service in Active)
        {
            var language = Data.Languages.FirstOrDefault(l => l.ServiceId == service.Id && l.Code!.Length == 2)?.Code;
            var place = Places(service).FirstOrDefault();
            var rules = OwnSchedules(service);
            if (language is null || place is null || rules.Count == 0 || !rules.All(IsPlainWeekly)) continue;
            var word = service.Name.Split(' ').First(w => w.Length >= 5);
            var at = Local(DayOfWeekIn(rules[0].Byday!.Split(',')[0]), rules[0].OpensAt!.Value.AddMinutes(30));
            var query = $"q={Uri.EscapeDataString(word)}&language={language}&{Near(place.Latitude!.Value, place.Longitude!.Value, 2)}&open_at={at}";
            var (ids, first) = await directory.SearchAllAsync(query);
            Assert.Contains(service.Id, ids);
            var hit = first.GetProperty("results").EnumerateArray().First(r => r.GetProperty("id").GetString() == service.Id);
            var kinds = hit.GetProperty("why").EnumerateArray().Select(w => w.GetProperty("kind").GetString()).ToHashSet();
            Assert.Superset(new HashSet<string?> { "text", "language", "distance", "open_at" }, kinds);
            if (++checkedCount == 10) break;
        }
        Assert.True(checkedCount >= 3, $"only {checkedCount} services had every fact");
    }

    [Fact]
    public async Task Without_words_or_filters_every_active_service_is_listed_once_and_no_inactive_one()
    {
        var (ids, first) = await directory.SearchAllAsync("");
        var inactive = Data.Services.Where(s => s.Status != "active").Select(s => s.Id).ToList();
        Assert.NotEmpty(inactive);
        Assert.Empty(ids.Intersect(inactive));
        Assert.Superset(Active.Select(s => s.Id).ToHashSet(), ids);
        Assert.Equal(first.GetProperty("total").GetInt32(), ids.Count);
    }

    [Theory]
    [InlineData("I want to die")]
    [InlineData("no quiero vivir")]
    [InlineData("waxaan rabaa inaan dhinto")]
    public async Task A_risk_query_pins_crisis_lines_with_call_or_text_actions(string words)
    {
        var (_, first) = await directory.SearchAllAsync("q=" + Uri.EscapeDataString(words));
        Assert.Equal(JsonValueKind.Object, first.GetProperty("risk").ValueKind);
        var crisis = first.GetProperty("crisis").EnumerateArray().ToList();
        Assert.True(crisis.Count >= 5, $"{crisis.Count} crisis lines pinned");
        Assert.Contains(crisis, c => c.GetProperty("name").GetString()!.Contains("988"));
        // Every real crisis line can be called or texted from the result (generated rows may only have a fax).
        var generated = Data.Services.Select(s => s.Id).ToHashSet();
        foreach (var line in crisis.Where(c => !generated.Contains(c.GetProperty("id").GetString()!)))
            Assert.Contains(line.GetProperty("actions").EnumerateArray(), a => a.GetProperty("href").GetString()!.StartsWith("tel:") || a.GetProperty("href").GetString()!.StartsWith("sms:"));
    }

    [Fact]
    public async Task An_ordinary_query_pins_nothing()
    {
        var (_, first) = await directory.SearchAllAsync("q=food");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("risk").ValueKind);
        Assert.Empty(first.GetProperty("crisis").EnumerateArray());
    }

    [Theory]
    [InlineData("lat=91&lon=0", "lat")]
    [InlineData("lat=44&lon=-93&radius_km=0", "radius_km")]
    [InlineData("radius_km=5", "radius_km")]
    [InlineData("open_at=tuesday", "open_at")]
    [InlineData("open_at=9999-12-31", "open_at")]
    [InlineData("open_at=9999-12-31T23:59:59", "open_at")]
    [InlineData("open_at=0001-01-01", "open_at")]
    [InlineData("open_at=0001-01-01T00:00:00%2B05:00", "open_at")]
    [InlineData("age=-1", "age")]
    [InlineData("category=no-such-need", "category")]
    [InlineData("area=atlantis", "area")]
    [InlineData("delivery=telepathy", "delivery")]
    [InlineData("per_page=1000", "per_page")]
    [InlineData("open_now=perhaps", "open_now")]
    public async Task Bad_parameters_are_named_in_a_problem_detail(string query, string parameter)
    {
        var response = await directory.App.CreateClient().GetAsync("/api/directory/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task A_need_category_by_code_finds_the_services_linked_to_it_or_its_children()
    {
        var crisisLines = (await directory.SearchAllAsync("category=crisis-line")).Ids;
        var crisis = (await directory.SearchAllAsync("category=crisis")).Ids;
        Assert.NotEmpty(crisisLines);
        Assert.Superset(crisisLines, crisis); // the parent term includes its child's services
        var linked = Data.Attributes.Where(a => a.TaxonomyTermId == KithVocabulary.NeedId("food") && a.LinkEntity == "service")
            .Select(a => a.LinkId).Intersect(Active.Select(s => s.Id)).ToList();
        Assert.NotEmpty(linked);
        Assert.Superset(linked.ToHashSet(), (await directory.SearchAllAsync("category=food")).Ids);
    }

    // ---- facts from the HSDS rows ----------------------------------------------------------------

    private HashSet<string> LanguagesAnywhere(Service service)
    {
        var locations = Data.ServiceAtLocations.Where(x => x.ServiceId == service.Id).Select(x => x.LocationId).ToHashSet();
        var links = Data.ServiceAtLocations.Where(x => x.ServiceId == service.Id).Select(x => x.Id).ToHashSet();
        var phones = Data.Phones.Where(p => p.ServiceId == service.Id || (p.LocationId != null && locations.Contains(p.LocationId))
                                            || (p.ServiceAtLocationId != null && links.Contains(p.ServiceAtLocationId))).Select(p => p.Id).ToHashSet();
        return Data.Languages.Where(l => l.ServiceId == service.Id || (l.LocationId != null && locations.Contains(l.LocationId))
                                         || (l.PhoneId != null && phones.Contains(l.PhoneId)))
            .Select(l => l.Code!.Length == 2 ? l.Code : l.Code switch { "hmn" => "hmn", _ => l.Code }).ToHashSet()!;
    }

    /// <summary>Places search finds a service near: a refuge is found near its public point, not where it is
    /// (ADR 12, <c>ConfidentialPublicPointTests</c>), so confidential places are left out here.</summary>
    private IEnumerable<Location> Places(Service service) =>
        Data.ServiceAtLocations.Where(x => x.ServiceId == service.Id)
            .Select(x => Data.Locations.Single(l => l.Id == x.LocationId))
            .Where(l => l.LocationType == "physical" && l.Latitude != null && l.Longitude != null && !l.Confidential);

    private List<Schedule> OwnSchedules(Service service)
    {
        var links = Data.ServiceAtLocations.Where(x => x.ServiceId == service.Id).Select(x => x.Id).ToHashSet();
        return Data.Schedules.Where(s => s.ServiceId == service.Id || (s.ServiceAtLocationId != null && links.Contains(s.ServiceAtLocationId))).ToList();
    }

    private static readonly DateOnly Week = new(2026, 3, 16); // a Monday after the spring clock change

    /// <summary>Weekly rules the test can read without a recurrence engine of its own.</summary>
    private static bool IsPlainWeekly(Schedule s) =>
        s.Freq == "WEEKLY" && s.Interval is null or 1 && s.Count is null && s.Byweekno is null && s.Byyearday is null && s.Bymonthday is null
        && s.Byday is { Length: > 0 } && s.OpensAt < s.ClosesAt
        && (s.ValidFrom is null || s.ValidFrom <= Week) && (s.ValidTo is null || s.ValidTo >= Week.AddDays(7))
        && (s.Until is null || s.Until >= Week.AddDays(7)) && (s.Dtstart is null || s.Dtstart <= Week);

    private static DayOfWeek DayOfWeekIn(string byday) => byday.Trim()[^2..] switch
    {
        "MO" => DayOfWeek.Monday, "TU" => DayOfWeek.Tuesday, "WE" => DayOfWeek.Wednesday, "TH" => DayOfWeek.Thursday,
        "FR" => DayOfWeek.Friday, "SA" => DayOfWeek.Saturday, _ => DayOfWeek.Sunday,
    };

    /// <summary>A local time in the deployment's zone (no offset: the API reads it in America/Chicago).</summary>
    private static string Local(DayOfWeek day, TimeOnly time) =>
        Week.AddDays(((int)day + 6) % 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Near(double lat, double lon, double km) =>
        string.Create(CultureInfo.InvariantCulture, $"lat={lat:0.######}&lon={lon:0.######}&radius_km={km}");
}
