using Kith.Platform.Time;
using Kith.ServiceDirectory.Search;
using static Kith.Tests.ServiceDirectory.Search.SearchTestDocuments;

namespace Kith.Tests.ServiceDirectory.Search;

/// <summary>Ranking, distance, confidentiality, remote services and crisis pinning on small hand-made directories.</summary>
public sealed class DirectorySearchTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 15, 0, 0, TimeSpan.FromHours(-6));

    private static IReadOnlyList<string> Ids(SearchResults results) => [.. results.Hits.Select(h => h.Document.ServiceId)];

    [Fact]
    public void A_match_in_the_name_ranks_above_a_match_in_the_description()
    {
        var index = DirectoryIndex.Build([
            Service("desc", "Northside Community Centre", "Weekly grief circle and coffee for anyone who lost someone."),
            Service("name", "Grief Circle", "Meets on Tuesdays in the library."),
            Service("none", "Food Shelf", "Groceries for families."),
        ]);
        var results = DirectorySearch.Run(index, new SearchQuery("grief"), Now);
        Assert.Equal(["name", "desc"], Ids(results).Take(2));
        Assert.Contains("field=name via=exact", results.Hits[0].Reasons.Single(r => r.Kind == MatchKinds.Text).Detail);
        Assert.Contains("field=description", results.Hits[1].Reasons.Single(r => r.Kind == MatchKinds.Text).Detail);
    }

    [Fact]
    public void Exact_beats_stem_beats_synonym_beats_typo()
    {
        var index = DirectoryIndex.Build([
            // A swapped pair: the query word is known, so a changed letter ("Counciling") would not count (ADR 31).
            Service("typo", "Cuonseling Drop In"),
            Service("synonym", "Therapy Drop In"),
            Service("stem", "Counselings Drop In"),
            Service("exact", "Counseling Drop In"),
        ]);
        var results = DirectorySearch.Run(index, new SearchQuery("counseling"), Now);
        Assert.Equal(["exact", "stem", "synonym", "typo"], Ids(results));
        Assert.Equal(["exact", "stem", "synonym", "typo"], results.Hits.Select(h => Via(h)));
    }

    private static string Via(SearchHit hit)
    {
        var detail = hit.Reasons.Single(r => r.Kind == MatchKinds.Text).Detail;
        return detail.Split(' ').Single(p => p.StartsWith("via=", StringComparison.Ordinal))[4..];
    }

    [Fact]
    public void More_query_words_matched_ranks_higher()
    {
        var index = DirectoryIndex.Build([
            Service("one", "Farm Advice Desk"),
            Service("both", "Farm Stress Line"),
        ]);
        Assert.Equal(["both", "one"], Ids(DirectorySearch.Run(index, new SearchQuery("farm stress"), Now)));
    }

    [Fact]
    public void Without_text_the_nearest_comes_first_then_the_most_recently_verified_then_by_name()
    {
        var index = DirectoryIndex.Build([
            Service("far", "A", places: [At(45.30, -93.0)]),
            Service("near-old", "B", places: [At(45.01, -93.0)], assured: new DateOnly(2025, 1, 1)),
            Service("near-new", "C", places: [At(45.01, -93.0)], assured: new DateOnly(2026, 1, 1)),
            Service("middle", "D", places: [At(45.10, -93.0), At(46, -93)]),
            Service("remote", "E"),
        ]);
        var results = DirectorySearch.Run(index, new SearchQuery(Near: new GeoPoint(45.0, -93.0)), Now);
        Assert.Equal(["near-new", "near-old", "middle", "far", "remote"], Ids(results));
        Assert.Equal(1.1, results.Hits[0].DistanceKm!.Value, 1);
        Assert.Null(results.Hits[^1].DistanceKm);
    }

    [Fact]
    public void A_confidential_place_counts_for_distance_but_only_in_half_kilometre_steps()
    {
        var index = DirectoryIndex.Build([Service("shelter", "Safe House", places: [At(45.0123, -93.0, confidential: true)])]);
        var hit = Assert.Single(DirectorySearch.Run(index, new SearchQuery(Near: new GeoPoint(45.0, -93.0)), Now).Hits);
        Assert.Equal(1.5, hit.DistanceKm); // 1.37 km, blurred
        Assert.Equal(1.37, GeoDistance.Haversine(45.0, -93.0, 45.0123, -93.0), 2);
        // The radius sees the blurred figure too, so probing radii cannot recover the exact distance.
        Assert.Empty(DirectorySearch.Run(index, new SearchQuery(Near: new GeoPoint(45.0, -93.0), RadiusKm: 1.45), Now).Hits);
        Assert.Single(DirectorySearch.Run(index, new SearchQuery(Near: new GeoPoint(45.0, -93.0), RadiusKm: 1.5), Now).Hits);
    }

    [Fact]
    public void A_service_without_places_is_inside_a_radius_when_it_serves_everyone_or_an_area_with_a_place_in_the_radius()
    {
        var index = DirectoryIndex.Build([
            Service("clinic", "Clinic", places: [At(45.0, -93.0, area: "north")]),
            Service("everyone", "Statewide Line"),
            Service("north-line", "North Line", areas: ["north"]),
            Service("south-line", "South Line", areas: ["south"]),
            Service("south-clinic", "South Clinic", places: [At(44.0, -93.0, area: "south")]),
        ]);
        var results = DirectorySearch.Run(index, new SearchQuery(Near: new GeoPoint(45.01, -93.0), RadiusKm: 5), Now);
        Assert.Equal(["clinic", "everyone", "north-line"], Ids(results).Order());
        Assert.Equal(["north-line"], Ids(DirectorySearch.Run(index, new SearchQuery(AreaId: "north"), Now)));
        Assert.Empty(DirectorySearch.Run(index, new SearchQuery(AreaId: "nowhere"), Now).Hits);
    }

    [Theory]
    [InlineData("I want to die", "en")]
    [InlineData("quiero morir", "es")]
    [InlineData("waxaan rabaa inaan dhinto", "so")]
    public void A_risk_query_pins_every_crisis_line_speaking_the_language_first(string text, string language)
    {
        var index = DirectoryIndex.Build([
            Service("en-line", "Crisis Text Line", languages: ["en"], crisis: true, schedules: [AllDay], delivery: Delivery.Text),
            Service("es-line", "Linea de Crisis", languages: ["es"], crisis: true, schedules: [AllDay], delivery: Delivery.Phone),
            Service("so-line", "Khadka Caawinta", languages: ["so"], crisis: true, delivery: Delivery.Phone),
            Service("pantry", "Food Pantry", languages: ["en", "es", "so"], places: [At(45, -93)]),
        ]);
        // Filters that every crisis line fails: the pinned list ignores them.
        var results = DirectorySearch.Run(index, new SearchQuery(text, Language: language, Near: new GeoPoint(45, -93), RadiusKm: 1, FreeOnly: true, Age: 200), Now);
        Assert.True(results.RiskDetected);
        Assert.NotNull(results.RiskPhrase);
        Assert.Equal(3, results.Crisis.Count);
        Assert.Equal(language + "-line", results.Crisis[0].Document.ServiceId);
        Assert.DoesNotContain(results.Crisis, h => h.Document.ServiceId == "pantry");
    }

    [Fact]
    public void Crisis_lines_open_now_come_before_closed_ones_and_a_plain_query_pins_nothing()
    {
        var closed = new OpeningRule("WEEKLY", 1, "SU", null, null, null, null, null, null, new(1, 0), new(2, 0), "America/Chicago");
        var index = DirectoryIndex.Build([
            Service("a-closed", "A Line", crisis: true, schedules: [closed]),
            Service("b-open", "B Line", crisis: true, schedules: [AllDay]),
            Service("c-unknown", "C Line", crisis: true),
        ]);
        var results = DirectorySearch.Run(index, new SearchQuery("suicide prevention"), Now);
        Assert.Equal(["b-open", "a-closed", "c-unknown"], results.Crisis.Select(h => h.Document.ServiceId));
        Assert.True(results.Crisis[0].OpenNow);
        Assert.Null(results.Crisis[2].OpenNow);
        var plain = DirectorySearch.Run(index, new SearchQuery("line"), Now);
        Assert.False(plain.RiskDetected);
        Assert.Empty(plain.Crisis);
        Assert.Equal(3, plain.Total);
    }

    [Fact]
    public void A_query_of_only_stop_words_browses_and_a_word_nobody_uses_finds_nothing()
    {
        var index = DirectoryIndex.Build([Service("a", "Grief Circle"), Service("b", "Food Shelf")]);
        Assert.Equal(2, DirectorySearch.Run(index, new SearchQuery("where can I"), Now).Total);
        Assert.Equal(0, DirectorySearch.Run(index, new SearchQuery("zzzzqqq"), Now).Total);
    }

    [Fact]
    public void The_holder_swaps_whole_indexes()
    {
        var holder = new DirectoryIndexHolder();
        Assert.Equal(0, holder.Current.Count);
        var next = DirectoryIndex.Build([Service("a", "A")]);
        holder.Replace(next);
        Assert.Same(next, holder.Current);
    }

    [Fact]
    public void Concurrent_queries_on_one_index_get_the_same_answers_as_serial_ones()
    {
        var index = DirectoryIndex.Build(GeneratedDocuments.Create(500));
        var queries = Enumerable.Range(0, 40).Select(i => new SearchQuery(i % 2 == 0 ? "grief" : "food", Near: new GeoPoint(45 + i * 0.01, -93), OpenNow: i % 3 == 0)).ToList();
        var serial = queries.Select(q => string.Join(",", Ids(DirectorySearch.Run(index, q, Now)))).ToList();
        var parallel = new string[queries.Count];
        Parallel.For(0, queries.Count * 5, i => parallel[i % queries.Count] = string.Join(",", Ids(DirectorySearch.Run(index, queries[i % queries.Count], Now))));
        Assert.Equal(serial, parallel);
    }
}
