using System.Globalization;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.GapAnalysis;
using Kith.ServiceDirectory.Search;

namespace Kith.Tests.ServiceDirectory.GapAnalysis;

/// <summary>The gap arithmetic on small hand-made directories whose answers are worked out in the comments.</summary>
public sealed class SupplyAndNeedTests
{
    private const string Zone = "America/Chicago";
    private static readonly DateOnly Week = new(2026, 1, 5); // a Monday, no clock change that week
    private static readonly string Grief = KithVocabulary.NeedId("grief");
    private static readonly string Food = KithVocabulary.NeedId("food");
    private static readonly GapArea A = new("area-a", "A", "Alder", 10_000);
    private static readonly GapArea B = new("area-b", "B", "Birch", 5_000);
    private static readonly NeedCategory GriefCategory = NeedCategory.Find("grief")!;

    private static readonly OpeningRule AllDay = new("DAILY", 1, null, null, null, null, null, null, null, null, null, Zone);
    private static OpeningRule Weekdays(int opens, int closes) =>
        new("WEEKLY", 1, "MO,TU,WE,TH,FR", null, null, null, null, null, null, new TimeOnly(opens, 0), new TimeOnly(closes, 0), Zone);

    private static SearchDocument Service(string id, string[] terms, string[] placedIn, string[] served, OpeningRule[]? hours = null,
        int? capacity = null, bool waitlist = false, bool crisisLine = false, bool confidential = false) =>
        new(id, id, null, null, null, [], terms, ["en"],
            placedIn.Select(a => new SearchPlace(44, -93, null, a, confidential)).ToList(), served, hours ?? [],
            null, null, true, placedIn.Length > 0 ? Delivery.InPerson : Delivery.Phone, [], capacity, waitlist, null, crisisLine);

    // s1: grief, in Alder, weekdays 9–17 (40 h), 3 places free, waiting list.
    // s2: grief, confidential place in Alder, open all day (168 h), also serves Birch by service area.
    // s3: grief phone line for the whole county, no place, no published hours, a crisis line.
    // s4: food, in Birch, weekdays 9–11 (10 h), 2 places free.
    private static readonly SearchDocument[] Sample =
    [
        Service("s1", [Grief], ["area-a"], ["area-a"], [Weekdays(9, 17)], capacity: 3, waitlist: true),
        Service("s2", [Grief], ["area-a"], ["area-a", "area-b"], [AllDay], confidential: true),
        Service("s3", [Grief], [], ["area-a", "area-b"], crisisLine: true),
        Service("s4", [Food], ["area-b"], ["area-b"], [Weekdays(9, 11)], capacity: 2),
    ];

    private static IReadOnlyList<CategorySupply> Compute(SearchDocument[] services, GapArea[] areas, params NeedCategory[] categories) =>
        SupplyAndNeed.Compute(services, areas, categories, Week, []);

    [Fact]
    public void In_area_services_hours_capacity_and_waitlists_count_only_places_in_the_area_and_remote_ones_count_as_reaching()
    {
        var grief = Compute(Sample, [A, B], GriefCategory).Single();
        var (alder, birch) = (grief.Areas[0], grief.Areas[1]);

        Assert.Equal((2, 1, 40 + 168.0, 3, 1), (alder.InArea, alder.Reaching, alder.OpenHours, alder.CapacityAvailable, alder.Waitlists));
        Assert.Equal(2.0, alder.ServicesPer10k);          // 2 × 10,000 / 10,000
        Assert.Equal(20.8, alder.HoursPer1k!.Value, 9);   // 208 × 1,000 / 10,000
        Assert.Equal(0.3, alder.CapacityPer1k!.Value, 9); // 3 × 1,000 / 10,000
        Assert.Equal(GapFlag.None, alder.Gap);

        // Birch: the confidential-place service reaches it by service area, the phone line county-wide; nothing is placed there.
        Assert.Equal((0, 2, 0.0, 0, 0), (birch.InArea, birch.Reaching, birch.OpenHours, birch.CapacityAvailable, birch.Waitlists));
        Assert.Equal(0.0, birch.ServicesPer10k);
        Assert.Equal(GapFlag.NoService, birch.Gap);

        Assert.Equal(2 * 10_000 / 15_000.0, grief.CountyServicesPer10k!.Value, 9);
        Assert.Equal(208 * 1_000 / 15_000.0, grief.CountyHoursPer1k!.Value, 9);
    }

    [Fact]
    public void All_needs_counts_every_service_and_finds_no_gap_when_both_areas_match_the_county_rate()
    {
        var all = Compute(Sample, [A, B], NeedCategory.All).Single();

        Assert.Equal((2, 1), (all.Areas[0].InArea, all.Areas[0].Reaching));
        Assert.Equal((1, 2), (all.Areas[1].InArea, all.Areas[1].Reaching));
        Assert.Equal(10.0, all.Areas[1].OpenHours);
        Assert.Equal(2.0, all.CountyServicesPer10k); // 3 × 10,000 / 15,000
        Assert.All(all.Areas, a => Assert.Equal(GapFlag.None, a.Gap));
    }

    [Fact]
    public void A_crisis_line_without_hours_counts_168_and_overlapping_rules_are_not_counted_twice()
    {
        var line = Service("line", [Grief], ["area-a"], ["area-a"], crisisLine: true);
        var overlapping = Service("o", [Grief], ["area-a"], ["area-a"], [Weekdays(9, 17), Weekdays(12, 18), AllDay]);
        var unknown = Service("u", [Grief], ["area-a"], ["area-a"]); // hours not published, not a crisis line

        Assert.Equal(168, SupplyAndNeed.WeeklyHours(line, Week));
        Assert.Equal(168, SupplyAndNeed.WeeklyHours(overlapping, Week));
        Assert.Equal(0, SupplyAndNeed.WeeklyHours(unknown, Week));
        Assert.Equal(45, SupplyAndNeed.WeeklyHours(Service("w", [], ["area-a"], [], [Weekdays(9, 17), Weekdays(12, 18)]), Week));
        Assert.Equal(336, Compute([line, overlapping, unknown], [A], GriefCategory).Single().Areas[0].OpenHours);
    }

    [Fact]
    public void An_area_without_residents_has_no_rates_no_gap_judgement_and_does_not_change_the_county_rate()
    {
        var empty = new GapArea("area-c", "C", "Cedar", 0);
        var services = Sample.Append(Service("s5", [Grief], ["area-c"], ["area-c"], [AllDay])).ToArray();

        var grief = Compute(services, [A, B, empty], GriefCategory).Single();
        var cedar = grief.Areas[2];

        Assert.Equal(1, cedar.InArea);
        Assert.Null(cedar.ServicesPer10k);
        Assert.Null(cedar.HoursPer1k);
        Assert.Null(cedar.CapacityPer1k);
        Assert.Equal(GapFlag.NoPopulation, cedar.Gap);
        Assert.Equal(2 * 10_000 / 15_000.0, grief.CountyServicesPer10k!.Value, 9);
        Assert.Null(Compute(services, [empty], GriefCategory).Single().CountyServicesPer10k);
    }

    [Fact]
    public void An_area_below_half_the_county_rate_is_a_gap_and_one_at_exactly_half_is_not()
    {
        var small = new GapArea("s", "S", "Small", 1_000);
        var large = new GapArea("l", "L", "Large", 10_000);
        SearchDocument InSmall(string id) => Service(id, [Grief], ["s"], ["s"]);
        SearchDocument InLarge(string id) => Service(id, [Grief], ["l"], ["l"]);

        // 2 in Small (20 per 10k), 1 in Large (1 per 10k); county 3 × 10,000 / 11,000 ≈ 2.73, half ≈ 1.36 > 1.
        var below = Compute([InSmall("a"), InSmall("b"), InLarge("c")], [small, large], GriefCategory).Single();
        Assert.Equal(GapFlag.None, below.Areas[0].Gap);
        Assert.Equal(GapFlag.BelowHalfCountyRate, below.Areas[1].Gap);

        var even = new GapArea("e", "E", "Even", 9_000);
        var odd = new GapArea("o", "O", "Odd", 9_000);
        // Even 1 service (1.11), Odd 3 services (3.33); county 4 × 10,000 / 18,000 = 2.22, half = 1.11: Even sits exactly on half.
        var exact = Compute([Service("x", [Grief], ["e"], ["e"]), .. new[] { "p", "q", "r" }.Select(id => Service(id, [Grief], ["o"], ["o"]))],
            [even, odd], GriefCategory).Single();
        Assert.Equal(exact.CountyServicesPer10k!.Value / 2, exact.Areas[0].ServicesPer10k!.Value, 9);
        Assert.Equal(GapFlag.None, exact.Areas[0].Gap);
    }

    [Fact]
    public void A_service_counts_once_per_area_however_many_places_it_has_there_and_in_each_area_it_has_a_place()
    {
        var twoHere = Service("t", [Grief], ["area-a", "area-a", "area-b"], ["area-a", "area-b"], [AllDay], capacity: 4);
        var grief = Compute([twoHere], [A, B], GriefCategory).Single();

        Assert.All(grief.Areas, a => Assert.Equal((1, 0, 168.0, 4), (a.InArea, a.Reaching, a.OpenHours, a.CapacityAvailable)));
    }

    [Fact]
    public void A_top_level_need_includes_its_sub_needs_and_unknown_categories_are_refused()
    {
        // The loader gives every service its terms and their ancestors: a crisis line carries "crisis" too.
        var line = Service("l", [KithVocabulary.NeedId("crisis-line"), KithVocabulary.NeedId("crisis")], ["area-a"], ["area-a"]);

        Assert.Equal(1, Compute([line], [A], NeedCategory.Find("CRISIS")!).Single().Areas[0].InArea);
        Assert.DoesNotContain(NeedCategory.Choices, c => c.Code == "crisis-line");
        Assert.Equal(NeedCategory.All, NeedCategory.Find(null));
        Assert.Equal(NeedCategory.All, NeedCategory.Find(" "));
        Assert.Null(NeedCategory.Find("not-a-need"));
        Assert.Equal(1 + KithVocabulary.Needs.Count(n => n.ParentCode is null), NeedCategory.Choices.Count);
    }

    [Fact]
    public void Need_signals_give_one_value_per_area_in_their_order()
    {
        var grief = SupplyAndNeed.Compute(Sample, [A, B], [GriefCategory], Week, [new FixedSignal()]).Single();

        Assert.Equal([10.0], grief.Areas[0].Signals);
        Assert.Equal([null], grief.Areas[1].Signals);
    }

    private sealed class FixedSignal : INeedSignal
    {
        public string Name => "Test signal";
        public double? ValueFor(string areaId, string? needTermId) => areaId == "area-a" && needTermId == Grief ? 10 : null;
    }

    [Theory]
    [InlineData("2026-01-07", "2026-01-05")] // a Wednesday: its Monday
    [InlineData("2026-01-05", "2026-01-05")] // a Monday: itself
    [InlineData("2026-01-11", "2026-01-05")] // a Sunday: the Monday before
    [InlineData("2026-03-04", "2026-02-23")] // clocks change on 8 March: the week before
    [InlineData("2026-10-28", "2026-10-19")] // clocks change on 1 November: the week before
    [InlineData("2026-11-03", "2026-11-02")] // the week after the change has none
    public void The_reference_week_starts_on_the_latest_Monday_unless_the_clocks_change_in_it(string today, string monday)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        Assert.Equal(DateOnly.Parse(monday, CultureInfo.InvariantCulture), GapReport.ReferenceWeek(DateOnly.Parse(today, CultureInfo.InvariantCulture), zone));
    }
}
