using Kith.Platform.Time;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Search;

namespace Kith.ServiceDirectory.GapAnalysis;

/// <summary>A category of the gap analysis: a top-level Kith need, or every service (<see cref="All"/>, no term id).</summary>
internal sealed record NeedCategory(string Code, string Name, string? TermId)
{
    public const string AllCode = "all";
    public static readonly NeedCategory All = new(AllCode, "All needs", null);

    /// <summary>"All needs" first, then the top-level needs in vocabulary order (a need's sub-needs count towards it).</summary>
    public static readonly IReadOnlyList<NeedCategory> Choices =
        [All, .. KithVocabulary.Needs.Where(n => n.ParentCode == null).Select(n => new NeedCategory(n.Code, n.Name, n.Id))];

    public static NeedCategory? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? All : Choices.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool Covers(SearchDocument service) => TermId is null || service.TaxonomyTermIds.Contains(TermId);
}

/// <summary>An area as the gap analysis needs it.</summary>
internal sealed record GapArea(string Id, string Code, string Name, int Population);

/// <summary>
/// Supply against need for one area and one category. Rates are null when the area has no population to divide by.
/// <see cref="Signals"/> holds the other measures of need (<see cref="INeedSignal"/>), in the order the signals were given.
/// </summary>
internal sealed record AreaSupply(
    GapArea Area, int InArea, int Reaching, double OpenHours, int CapacityAvailable, int Waitlists,
    double? ServicesPer10k, double? HoursPer1k, double? CapacityPer1k, GapFlag Gap, IReadOnlyList<double?> Signals);

internal enum GapFlag { None, NoPopulation, NoService, BelowHalfCountyRate }

/// <summary>One category across all areas, with the county rates the gap rule compares against.</summary>
internal sealed record CategorySupply(NeedCategory Category, IReadOnlyList<AreaSupply> Areas, double? CountyServicesPer10k, double? CountyHoursPer1k, double? CountyCapacityPer1k);

/// <summary>
/// The gap analysis calculation, plain arithmetic over the directory snapshot's services:
/// <list type="bullet">
/// <item>in the area: services with a place in it (confidential places count; they are never drawn);</item>
/// <item>reaching it: services that serve the area (phone, text, video, county-wide) without a place there;</item>
/// <item>open hours, free places and waiting lists are summed over in-area services; a service's hours are the union of
/// its opening rules in the reference week; a crisis line without published hours counts as 24/7 (168);</item>
/// <item>the gap rule: an area with residents and no in-area service, or with fewer in-area services per 10,000
/// residents than half the county rate (all in-area services over all residents).</item>
/// </list>
/// </summary>
internal static class SupplyAndNeed
{
    public const double GapShareOfCountyRate = 0.5;
    public const double HoursInAWeek = 168;

    public static IReadOnlyList<CategorySupply> Compute(IReadOnlyList<SearchDocument> services, IReadOnlyList<GapArea> areas,
        IReadOnlyList<NeedCategory> categories, DateOnly weekStarting, IReadOnlyList<INeedSignal> signals)
    {
        // Hours depend only on the service, not on the area or category: compute them once.
        var hours = services.ToDictionary(s => s.ServiceId, s => WeeklyHours(s, weekStarting));
        return categories.Select(c => ForCategory(services.Where(c.Covers).ToList(), areas, c, hours, signals)).ToList();
    }

    public static double WeeklyHours(SearchDocument service, DateOnly weekStarting) =>
        service.Schedules.Count == 0 && service.IsCrisisLine ? HoursInAWeek
        : Math.Min(HoursInAWeek, OpeningHours.WeeklyOpenHours(service.Schedules, weekStarting).TotalHours);

    private static CategorySupply ForCategory(List<SearchDocument> services, IReadOnlyList<GapArea> areas, NeedCategory category,
        Dictionary<string, double> hours, IReadOnlyList<INeedSignal> signals)
    {
        var tallies = areas.ToDictionary(a => a.Id, _ => new Tally());
        foreach (var s in services)
        {
            var placed = s.Places.Where(p => p.AreaId != null).Select(p => p.AreaId!).ToHashSet();
            foreach (var areaId in placed)
            {
                if (!tallies.TryGetValue(areaId, out var t)) continue;
                t.InArea++;
                t.Hours += hours[s.ServiceId];
                t.Capacity += Math.Max(0, s.CapacityAvailable ?? 0);
                if (s.Waitlist) t.Waitlists++;
            }
            foreach (var areaId in s.ServedAreaIds)
                if (!placed.Contains(areaId) && tallies.TryGetValue(areaId, out var t)) t.Reaching++;
        }

        var populated = areas.Where(a => a.Population > 0).ToList();
        long residents = populated.Sum(a => (long)a.Population);
        double? CountyRate(Func<Tally, double> amount, double per) =>
            residents == 0 ? null : populated.Sum(a => amount(tallies[a.Id])) * per / residents;
        var countyServices = CountyRate(t => t.InArea, 10_000);

        var rows = areas.Select(a =>
        {
            var t = tallies[a.Id];
            double? Rate(double amount, double per) => a.Population > 0 ? amount * per / a.Population : null;
            var servicesRate = Rate(t.InArea, 10_000);
            var gap = a.Population <= 0 ? GapFlag.NoPopulation
                : t.InArea == 0 ? GapFlag.NoService
                : servicesRate < countyServices * GapShareOfCountyRate ? GapFlag.BelowHalfCountyRate
                : GapFlag.None;
            return new AreaSupply(a, t.InArea, t.Reaching, t.Hours, t.Capacity, t.Waitlists,
                servicesRate, Rate(t.Hours, 1_000), Rate(t.Capacity, 1_000), gap,
                signals.Select(sig => sig.ValueFor(a.Id, category.TermId)).ToList());
        }).ToList();
        return new CategorySupply(category, rows, countyServices, CountyRate(t => t.Hours, 1_000), CountyRate(t => t.Capacity, 1_000));
    }

    private sealed class Tally
    {
        public int InArea, Reaching, Capacity, Waitlists;
        public double Hours;
    }
}
