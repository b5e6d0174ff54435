using Kith.Insights.Indicators;
using Kith.Platform.Privacy;

namespace Kith.Insights.Release;

/// <summary>An area as the dashboards show it; <see cref="Guid.Empty"/> is "no area known" (a text line, an organisation without one).</summary>
internal sealed record ReleaseArea(Guid Id, string Code, string Name, int Population)
{
    public bool Known => Id != Guid.Empty;
}

/// <summary>
/// Everything any page or export may show of one indicator: weekly counts per area with each week's total, and for the
/// recent weeks daily counts per area with each day's total — all of them one set of linked counts (a week-area is the sum
/// of its days, a total the sum of its areas) protected at once by <see cref="SmallCells.Protect"/>. Every view
/// (overview, chart, map, comparison, CSV, the alerts) reads this one release, so no two views can be subtracted to
/// recover a hidden count. No total over a run of weeks is offered: a window a leader could choose would be a new
/// relation, and two windows subtracted would give a single week.
/// </summary>
internal sealed class IndicatorRelease
{
    private readonly int[,] weekCells;
    private readonly int[] weekTotals;
    private readonly int[,] dayCells;
    private readonly int[] dayTotals;
    private readonly double[,] weekSums;
    private readonly double[] weekTotalSums;

    /// <summary>
    /// Adds this indicator's counts and their relations to <paramref name="counts"/>, which other indicators of its family
    /// share (<see cref="ReleaseFamily"/>); <see cref="Publish"/> then gives it the family's protection.
    /// </summary>
    public IndicatorRelease(IndicatorName name, LinkedCounts counts, IReadOnlyList<ReleaseArea> areas, IReadOnlyList<DateOnly> weeks, int dailyWeeks,
        IReadOnlyDictionary<(Guid Area, DateOnly Day), (int Count, double Sum)> values, int threshold, DateOnly today)
    {
        (Name, Areas, Weeks, Threshold, Today) = (name, areas, weeks, threshold, today);
        // The recent weeks' days, and the running week's days before today: complete days only (a day still counting
        // would be released again and again as it grows; ADR 54).
        Days = [.. weeks.Skip(Math.Max(0, weeks.Count - dailyWeeks)).Append(Monday(today)).Distinct()
            .SelectMany(w => Enumerable.Range(0, 7).Select(w.AddDays)).Where(d => d < today)];
        Counts = counts;
        weekCells = new int[weeks.Count, areas.Count];
        weekTotals = new int[weeks.Count];
        dayCells = new int[Days.Count, areas.Count];
        dayTotals = new int[Days.Count];
        weekSums = new double[weeks.Count, areas.Count];
        weekTotalSums = new double[weeks.Count];
        var dayIndex = Days.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        for (var w = 0; w < weeks.Count; w++)
        {
            for (var a = 0; a < areas.Count; a++)
            {
                var days = Enumerable.Range(0, 7).Select(weeks[w].AddDays).ToList();
                var week = days.Select(d => values.GetValueOrDefault((areas[a].Id, d))).ToList();
                weekSums[w, a] = week.Sum(v => v.Sum);
                weekTotalSums[w] += weekSums[w, a];
                if (days.Any(dayIndex.ContainsKey))
                {
                    var parts = days.Where(dayIndex.ContainsKey).Select(d => dayCells[dayIndex[d], a] = Counts.Add(values.GetValueOrDefault((areas[a].Id, d)).Count)).ToList();
                    weekCells[w, a] = Counts.AddTotal(parts);
                }
                else weekCells[w, a] = Counts.Add(week.Sum(v => v.Count));
            }
            weekTotals[w] = Counts.AddTotal(Enumerable.Range(0, areas.Count).Select(a => weekCells[w, a]));
        }
        // The running week's days have no week yet: they are counted on their own, related only by their day's total.
        var inWeeks = weeks.SelectMany(w => Enumerable.Range(0, 7).Select(w.AddDays)).ToHashSet();
        for (var d = 0; d < Days.Count; d++)
            if (!inWeeks.Contains(Days[d]))
                for (var a = 0; a < areas.Count; a++) dayCells[d, a] = Counts.Add(values.GetValueOrDefault((areas[a].Id, Days[d])).Count);
        for (var d = 0; d < Days.Count; d++)
            dayTotals[d] = Counts.AddTotal(Enumerable.Range(0, areas.Count).Select(a => dayCells[d, a]));
        FirstWeek = Enumerable.Range(0, weeks.Count).FirstOrDefault(w => Counts[weekTotals[w]] > 0, weeks.Count);
        // A week's total is also the sum of its days' totals: implied by the relations above, so not added again.
    }

    /// <summary>The family's protected counts (one protection for every indicator that adds up with this one).</summary>
    public void Publish(ProtectedCounts published) => Published = published;

    /// <summary>Where a week's (or, for the recent weeks, a day's) count of an area sits in <see cref="Counts"/>.</summary>
    public int WeekCell(int week, int area) => weekCells[week, area];
    public int DayCell(int day, int area) => dayCells[day, area];
    public bool HasDays(int week) => Weeks[week].AddDays(6) >= (Days.Count > 0 ? Days[0] : DateOnly.MaxValue);

    public IndicatorName Name { get; }
    public IReadOnlyList<ReleaseArea> Areas { get; }
    /// <summary>The Monday of each week, oldest first (complete weeks, as <see cref="IndicatorReleases"/> builds them).</summary>
    public IReadOnlyList<DateOnly> Weeks { get; }
    /// <summary>The days of the recent weeks, shown day by day.</summary>
    public IReadOnlyList<DateOnly> Days { get; }
    public int Threshold { get; }
    /// <summary>The last week that ended before <see cref="Today"/> (−1 if none).</summary>
    public int LastCompleteWeek => Weeks.Count(w => w.AddDays(6) < Today) - 1;
    /// <summary>The first week anything was counted: weeks before it are not a baseline of zeros (Kith was not counting yet).</summary>
    public int FirstWeek { get; }
    public DateOnly Today { get; }
    /// <summary>Every count of the release — its family's — and how they add up (for the attack test and the audit).</summary>
    public LinkedCounts Counts { get; }
    public ProtectedCounts Published { get; private set; } = default!;

    public int? Week(int week, int area) => Published.Published(weekCells[week, area]);
    public int? WeekTotal(int week) => Published.Published(weekTotals[week]);
    public int? Day(int day, int area) => Published.Published(dayCells[day, area]);
    public int? DayTotal(int day) => Published.Published(dayTotals[day]);

    /// <summary>A mean indicator's weekly mean in an area: only beside its published count (never for a hidden or zero count).</summary>
    public double? WeekMean(int week, int area) => Name.Kind == IndicatorKind.Mean && Week(week, area) is > 0 and var n ? weekSums[week, area] / n : null;

    /// <summary>The week's mean over all areas: only when every area's count that week is published, so no area's sum can be taken out of it.</summary>
    public double? WeekTotalMean(int week) =>
        Name.Kind == IndicatorKind.Mean && WeekTotal(week) is > 0 and var n && Enumerable.Range(0, Areas.Count).All(a => Week(week, a) is not null)
            ? weekTotalSums[week] / n : null;

    /// <summary>
    /// Every count's lasting name — indicator, period ("w:" and the week's Monday, "d:" and the day) and area ("all" for a
    /// total) — the same from one release to the next, so <see cref="ReleaseHistory"/> can compare them.
    /// </summary>
    public IEnumerable<(int Index, string Key)> Keys()
    {
        string Key(string period, DateOnly date, string area) => $"{Name.Key}|{period}:{date:yyyy-MM-dd}|{area}";
        for (var w = 0; w < Weeks.Count; w++)
        {
            for (var a = 0; a < Areas.Count; a++) yield return (weekCells[w, a], Key("w", Weeks[w], Areas[a].Id.ToString("N")));
            yield return (weekTotals[w], Key("w", Weeks[w], "all"));
        }
        for (var d = 0; d < Days.Count; d++)
        {
            for (var a = 0; a < Areas.Count; a++) yield return (dayCells[d, a], Key("d", Days[d], Areas[a].Id.ToString("N")));
            yield return (dayTotals[d], Key("d", Days[d], "all"));
        }
    }
    public int WeekIndex(DateOnly monday) => Weeks.Select((w, i) => (w, i)).FirstOrDefault(x => x.w == monday, (default, -1)).i;

    /// <summary>The Monday of the week holding <paramref name="day"/> (ISO weeks, as surveillance counts them).</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
