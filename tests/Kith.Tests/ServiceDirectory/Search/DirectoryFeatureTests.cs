using Kith.Platform.Time;
using Kith.ServiceDirectory.Search;

namespace Kith.Tests.ServiceDirectory.Search;

/// <summary>An Open Referral UK–style feature suite over 2,000 generated services: for many services, a query
/// built from the service's own fields finds it, and the same query with one filter set against it does not.</summary>
public sealed class DirectoryFeatureTests
{
    private static readonly List<SearchDocument> Documents = GeneratedDocuments.Create(2000);
    private static readonly DirectoryIndex Index = DirectoryIndex.Build(Documents);
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 15, 0, 0, TimeSpan.FromHours(-6)); // a Wednesday afternoon
    private static readonly IEnumerable<int> Sample = Enumerable.Range(0, 100).Select(i => i * 20 + 7);

    public static TheoryData<int> Services() => [.. Sample];

    private static bool Finds(SearchQuery query, int i) =>
        DirectorySearch.Run(Index, query with { PerPage = 100 }, Now).Hits.Any(h => h.Document.ServiceId == Documents[i].ServiceId);

    private static string Word(int i) => GeneratedDocuments.NameWord(i);

    [Theory, MemberData(nameof(Services))]
    public void A_word_of_its_name_finds_it_exactly_and_with_a_typo(int i)
    {
        var word = Word(i);
        Assert.True(Finds(new SearchQuery(word), i));
        Assert.True(Finds(new SearchQuery(word.ToUpperInvariant()), i));
        var typo = word[..3] + word[4] + word[3] + word[5..]; // two letters swapped
        Assert.True(Finds(new SearchQuery(typo), i), typo);
        var hit = DirectorySearch.Run(Index, new SearchQuery(typo), Now).Hits[0];
        Assert.Equal(Documents[i].ServiceId, hit.Document.ServiceId);
        Assert.Contains(hit.Reasons, r => r.Kind == MatchKinds.Text && r.Detail.Contains("via=typo") && r.Detail.Contains("field=name"));
    }

    [Theory, MemberData(nameof(Services))]
    public void Its_language_finds_it_and_another_language_does_not(int i)
    {
        var doc = Documents[i];
        Assert.True(Finds(new SearchQuery(Word(i), Language: doc.Languages[0]), i));
        var other = new[] { "en", "es", "so", "vi", "hm" }.First(l => !doc.Languages.Contains(l));
        Assert.False(Finds(new SearchQuery(Word(i), Language: other), i));
    }

    [Theory, MemberData(nameof(Services))]
    public void A_point_near_one_of_its_places_finds_it_within_a_radius_and_a_far_point_does_not(int i)
    {
        var doc = Documents[i];
        if (doc.Places.Count == 0)
        {
            // No places and no named areas: served remotely to everyone, so inside any radius.
            Assert.True(Finds(new SearchQuery(Word(i), Near: new GeoPoint(10, 10), RadiusKm: 5), i));
            return;
        }
        var place = doc.Places[^1];
        var near = new GeoPoint(place.Latitude + 0.01, place.Longitude); // about 1.1 km north
        Assert.True(Finds(new SearchQuery(Word(i), Near: near, RadiusKm: 3), i));
        Assert.True(Finds(new SearchQuery(Near: near, RadiusKm: 1.5), i));
        var far = new GeoPoint(place.Latitude + 5, place.Longitude);
        Assert.False(Finds(new SearchQuery(Word(i), Near: far, RadiusKm: 50), i));
        var hit = DirectorySearch.Run(Index, new SearchQuery(Word(i), Near: near, RadiusKm: 3), Now).Hits.Single(h => h.Document == doc);
        Assert.InRange(hit.DistanceKm!.Value, 0, 1.5);
    }

    [Theory, MemberData(nameof(Services))]
    public void A_time_it_is_open_finds_it_and_a_time_it_is_closed_does_not(int i)
    {
        var doc = Documents[i];
        if (doc.Schedules.Count == 0)
        {
            Assert.False(Finds(new SearchQuery(Word(i), OpenNow: true), i)); // hours unknown: never "open now"
            return;
        }
        // Look a fortnight at a time (monthly rules may not open within the next 14 days).
        var from = Now;
        DateTimeOffset? next;
        while ((next = OpeningHours.NextOpening(doc.Schedules, from)) is null) from = from.AddDays(14);
        var open = next.Value.AddMinutes(1);
        Assert.True(Finds(new SearchQuery(Word(i), OpenAt: open), i));
        var closed = Enumerable.Range(0, 60 * 24 * 7).Select(m => Now.AddMinutes(m * 15)).FirstOrDefault(t => !OpeningHours.IsOpen(doc.Schedules, t));
        if (closed != default) Assert.False(Finds(new SearchQuery(Word(i), OpenAt: closed), i));
    }

    [Theory, MemberData(nameof(Services))]
    public void An_age_it_serves_finds_it_and_an_age_outside_its_range_does_not(int i)
    {
        var doc = Documents[i];
        Assert.True(Finds(new SearchQuery(Word(i), Age: doc.MinimumAge ?? doc.MaximumAge ?? 30), i));
        if (doc.MinimumAge is > 0 and var min) Assert.False(Finds(new SearchQuery(Word(i), Age: min - 1), i));
        if (doc.MaximumAge is { } max) Assert.False(Finds(new SearchQuery(Word(i), Age: max + 1), i));
    }

    [Theory, MemberData(nameof(Services))]
    public void Its_category_delivery_cost_and_accessibility_find_it_and_others_do_not(int i)
    {
        var doc = Documents[i];
        Assert.True(Finds(new SearchQuery(Word(i), TaxonomyTermId: doc.TaxonomyTermIds[0]), i));
        Assert.True(Finds(new SearchQuery(Word(i), TaxonomyTermId: "t-community"), i)); // an ancestor
        Assert.False(Finds(new SearchQuery(Word(i), TaxonomyTermId: doc.TaxonomyTermIds[0] == "t-food" ? "t-farm" : "t-food"), i));
        Assert.True(Finds(new SearchQuery(Word(i), Delivery: doc.Delivery), i));
        Assert.False(Finds(new SearchQuery(Word(i), Delivery: ~doc.Delivery & (Delivery.InPerson | Delivery.Phone | Delivery.Text | Delivery.Video)), i));
        Assert.Equal(doc.Free, Finds(new SearchQuery(Word(i), FreeOnly: true), i));
        Assert.True(Finds(new SearchQuery(Word(i), Accessibility: doc.Accessibility), i));
        var lacking = new[] { "wheelchair", "hearing-loop", "step-free", "interpreter" }.FirstOrDefault(a => !doc.Accessibility.Contains(a));
        if (lacking is not null) Assert.False(Finds(new SearchQuery(Word(i), Accessibility: [lacking]), i));
        Assert.Equal(doc.CapacityAvailable > 0, Finds(new SearchQuery(Word(i), HasCapacity: true), i));
    }

    [Fact]
    public void Every_hit_says_why_it_matched()
    {
        var doc = Documents[47];
        var query = new SearchQuery(Word(47), Language: doc.Languages[0], TaxonomyTermId: doc.TaxonomyTermIds[0], FreeOnly: doc.Free, Age: doc.MinimumAge ?? 30);
        var hit = Assert.Single(DirectorySearch.Run(Index, query, Now).Hits, h => h.Document == doc);
        var kinds = hit.Reasons.Select(r => r.Kind).ToList();
        Assert.Contains(MatchKinds.Text, kinds);
        Assert.Contains(MatchKinds.Category, kinds);
        Assert.Contains(MatchKinds.Language, kinds);
        Assert.Contains(MatchKinds.Age, kinds);
        Assert.Equal(doc.Free, kinds.Contains(MatchKinds.Free));
        Assert.Contains($"word={Word(47)} field=name via=exact", hit.Reasons.First(r => r.Kind == MatchKinds.Text).Detail);
    }

    [Fact]
    public void Without_text_results_come_nearest_first_and_total_counts_every_match()
    {
        var point = new GeoPoint(GeneratedDocuments.SouthWestLatitude + 1, GeneratedDocuments.SouthWestLongitude + 1);
        var results = DirectorySearch.Run(Index, new SearchQuery(Near: point, RadiusKm: 20, PerPage: 100), Now);
        // The engine measures with a flat-earth approximation: allow 100 m either side of the 20 km edge.
        int Within(double km) => Documents.Count(d => d.Places.Any(p => GeoDistance.Haversine(point.Latitude, point.Longitude, p.Latitude, p.Longitude) <= (p.Confidential ? km - 0.25 : km)));
        var distances = results.Hits.Select(h => h.DistanceKm ?? double.MaxValue).ToList();
        Assert.True(results.Hits.Count > 5);
        Assert.Equal(distances.Order().ToList(), distances);
        Assert.InRange(results.Total, Within(19.9), Within(20.1) + Documents.Count(d => d.Places.Count == 0));
    }

    [Fact]
    public void Paging_splits_one_order_without_overlap()
    {
        var query = new SearchQuery("grief", PerPage: 10);
        var first = DirectorySearch.Run(Index, query, Now);
        var second = DirectorySearch.Run(Index, query with { Page = 2 }, Now);
        var both = DirectorySearch.Run(Index, query with { PerPage = 20 }, Now);
        Assert.Equal(both.Hits.Select(h => h.Document.ServiceId), first.Hits.Concat(second.Hits).Select(h => h.Document.ServiceId));
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(100, DirectorySearch.Run(Index, query with { PerPage = 5000 }, Now).PerPage);
    }

    [Fact]
    public void A_postcode_measures_from_its_places_and_an_unknown_postcode_says_so()
    {
        var place = Documents.SelectMany(d => d.Places).First(p => !p.Confidential);
        var known = DirectorySearch.Run(Index, new SearchQuery(PostalCode: place.PostalCode, RadiusKm: 300), Now);
        Assert.False(known.UnknownPostalCode);
        Assert.All(known.Hits.Where(h => h.Document.Places.Count > 0), h => Assert.NotNull(h.DistanceKm));
        var unknown = DirectorySearch.Run(Index, new SearchQuery("grief", PostalCode: "ZZ9 9ZZ"), Now);
        Assert.True(unknown.UnknownPostalCode);
        Assert.All(unknown.Hits, h => Assert.Null(h.DistanceKm));
    }
}
