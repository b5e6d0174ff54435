using Kith.Insights.Dashboard;
using Kith.Insights.Release;
using Kith.ServiceDirectory.Contracts;
using Microsoft.Extensions.Localization;

namespace Kith.Tests.Insights.Dashboard;

/// <summary>The sentence above the demand and supply maps: high demand is a spike or a rate above all areas'; hidden counts are never judged.</summary>
public sealed class DemandAndSupplyTests
{
    private static readonly ReleaseArea North = new(Guid.NewGuid(), "N", "North", 10_000), South = new(Guid.NewGuid(), "S", "South", 10_000),
        East = new(Guid.NewGuid(), "E", "East", 10_000);

    private static NeedSupply Supply(params string[] gapCodes) => new("counselling", "Counselling and therapy",
        [.. new[] { "N", "S", "E" }.Select(c => new AreaServices(c, gapCodes.Contains(c) ? 0 : 3, 1, gapCodes.Contains(c) ? 0 : 3, gapCodes.Contains(c), "gap-class-1", "3"))],
        2, []);

    private static MapRow Row(ReleaseArea area, int? count, bool? alarm = false) => new(area, count, count * 10_000.0 / area.Population, alarm);

    [Fact]
    public void An_area_above_all_areas_rate_with_a_service_gap_is_named()
    {
        // 30 + 12 + 12 over 30,000 residents = 18 per 10,000; North is at 30.
        var lines = DemandAndSupply.Sentences([Row(North, 30), Row(South, 12), Row(East, 12)], Supply("N", "E"), new EnglishText());
        Assert.Equal(["High demand and a service gap for “Counselling and therapy”: North."], lines);
    }

    [Fact]
    public void A_spike_is_high_demand_even_when_some_count_is_hidden_and_the_hidden_area_is_not_judged()
    {
        var lines = DemandAndSupply.Sentences([Row(North, 12), Row(South, 15, alarm: true), Row(East, null, null)], Supply("S", "E"), new EnglishText());
        Assert.Equal(["High demand and a service gap for “Counselling and therapy”: South.", "1 areas have hidden counts and are not judged."], lines);
    }

    [Fact]
    public void High_demand_where_services_are_enough_and_no_high_demand_at_all_are_said_plainly()
    {
        Assert.Equal(["No area with high demand has a service gap for “Counselling and therapy”."],
            DemandAndSupply.Sentences([Row(North, 30), Row(South, 12), Row(East, 12)], Supply("S"), new EnglishText()));
        Assert.Equal(["No area shows high demand this week (a spike, or a rate above all areas' rate of 12.0 per 10,000)."],
            DemandAndSupply.Sentences([Row(North, 12), Row(South, 12), Row(East, 12)], Supply("N"), new EnglishText()));
    }

    private sealed class EnglishText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
