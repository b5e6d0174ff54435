using System.Globalization;
using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.Editing.EditService;

/// <summary>
/// Weekly opening hours as HSDS <c>schedule</c> rows: one row per set of days that share the same hours
/// (<c>freq</c> WEEKLY, <c>byday</c> "MO,TU", <c>opens_at</c>, <c>closes_at</c>); "open 24 hours" is 00:00–23:59.
/// Any other rule (monthly, dated, split shifts) is not the editor's to rewrite: it is shown read-only and kept.
/// </summary>
internal static class WeeklyHours
{
    public static readonly IReadOnlyList<string> Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    private static readonly TimeOnly DayEnd = new(23, 59);

    /// <summary>Whether the editor owns a row: a plain weekly rule on whole days with both times and no dates.</summary>
    public static bool IsSimpleWeekly(Schedule s) =>
        string.Equals(s.Freq, "WEEKLY", StringComparison.OrdinalIgnoreCase) && s.Interval is null or 1
        && s.OpensAt is not null && s.ClosesAt is not null && !string.IsNullOrWhiteSpace(s.Byday)
        && s.ValidFrom is null && s.ValidTo is null && s.Until is null && s.Count is null && s.Dtstart is null
        && string.IsNullOrEmpty(s.Byweekno) && string.IsNullOrEmpty(s.Bymonthday) && string.IsNullOrEmpty(s.Byyearday)
        && s.ServiceAtLocationId is null && s.LocationId is null
        && DaysOf(s).All(d => Days.Contains(d));

    /// <summary>Splits a service's schedules into the editable weekly ones and the rest (a day listed twice makes both rows "the rest").</summary>
    public static (List<Schedule> Weekly, List<Schedule> Other) Partition(IEnumerable<Schedule> schedules)
    {
        var rows = schedules.ToList();
        var simple = rows.Where(IsSimpleWeekly).ToList();
        var repeated = simple.SelectMany(DaysOf).GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var weekly = simple.Where(s => !DaysOf(s).Any(repeated.Contains)).ToList();
        return (weekly, rows.Except(weekly).ToList());
    }

    public static Dictionary<string, DayHours> ToForm(IEnumerable<Schedule> weekly)
    {
        var hours = Days.ToDictionary(d => d, _ => new DayHours());
        foreach (var s in weekly)
            foreach (var day in DaysOf(s))
                hours[day] = s.OpensAt == TimeOnly.MinValue && s.ClosesAt == DayEnd
                    ? new DayHours { Mode = DayHours.AllDay }
                    : new DayHours { Mode = DayHours.Open, Opens = Time(s.OpensAt), Closes = Time(s.ClosesAt) };
        return hours;
    }

    /// <summary>The rows for validated hours: days with the same times share a row, in weekday order.</summary>
    public static List<Schedule> ToSchedules(string serviceId, IReadOnlyDictionary<string, DayHours> hours)
    {
        var open = Days.Where(d => hours[d].Mode != DayHours.Closed)
            .Select(d => (Day: d, Times: hours[d].Mode == DayHours.AllDay ? (TimeOnly.MinValue, DayEnd) : (Parse(hours[d].Opens)!.Value, Parse(hours[d].Closes)!.Value)));
        return open.GroupBy(o => o.Times).Select(g => new Schedule
        {
            Id = Guid.NewGuid().ToString(),
            ServiceId = serviceId,
            Freq = "WEEKLY",
            Byday = string.Join(',', g.Select(o => o.Day)),
            OpensAt = g.Key.Item1,
            ClosesAt = g.Key.Item2,
        }).ToList();
    }

    /// <summary>A plain-language line for a rule the editor leaves alone, e.g. "WEEKLY MO 09:00–12:00 (from 2025-01-01)".</summary>
    public static string Describe(Schedule s)
    {
        var parts = new List<string?> { s.Freq, s.Interval is > 1 ? $"×{s.Interval}" : null, s.Byday, s.Bymonthday, Time(s.OpensAt), Time(s.ClosesAt) is { Length: > 0 } c ? "– " + c : null,
            s.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Description };
        return string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    public static TimeOnly? Parse(string text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>One comparable line per open day, for the change record.</summary>
    public static string Summary(IReadOnlyDictionary<string, DayHours> hours) =>
        string.Join("; ", Days.Where(d => hours[d].Mode != DayHours.Closed)
            .Select(d => hours[d].Mode == DayHours.AllDay ? $"{d} 24h" : $"{d} {hours[d].Opens}-{hours[d].Closes}"));

    private static string Time(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static IEnumerable<string> DaysOf(Schedule s) =>
        (s.Byday ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => d.ToUpperInvariant());
}
