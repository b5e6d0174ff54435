using Kith.Lines.Domain;

namespace Kith.Lines.CheckIns;

/// <summary>
/// When a schedule's next text is due, in the line's own time zone: a local time of day on chosen weekdays, or every
/// N days from the day the member said YES. Computed from the wall clock, so 09:00 stays 09:00 across daylight saving;
/// a time the clocks skip (spring forward) goes an hour later, a repeated one counts once. Plain rules, no clock.
/// </summary>
internal static class CheckInSchedule
{
    /// <summary>The first due instant strictly after <paramref name="afterUtc"/>; null when the schedule has no day.</summary>
    public static DateTime? NextCheckIn(CheckIn schedule, TimeZoneInfo zone, DateTime afterUtc)
    {
        var today = LocalDate(afterUtc, zone);
        var days = WeekdaysOf(schedule.Weekdays);
        var anchor = LocalDate(schedule.ConfirmedAt ?? afterUtc, zone);
        for (var date = today; date <= today.AddDays(Math.Max(8, (schedule.EveryDays ?? 1) + 1)); date = date.AddDays(1))
        {
            var fits = schedule.EveryDays is { } every
                ? (date.DayNumber - anchor.DayNumber) % every == 0
                : days.Contains(date.DayOfWeek);
            if (!fits) continue;
            var at = Instant(date, schedule.LocalMinutes, zone);
            if (at > afterUtc) return at;
        }
        return null;
    }

    /// <summary>A caring contact schedule's next date (at its local time) strictly after <paramref name="afterUtc"/>; null when none is left.</summary>
    public static DateTime? NextCaring(CheckIn schedule, TimeZoneInfo zone, DateTime afterUtc) =>
        schedule.DueDates.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd"))
            .Select(d => (DateTime?)Instant(d, schedule.LocalMinutes, zone)).FirstOrDefault(at => at > afterUtc);

    public static DateTime? Next(CheckIn schedule, TimeZoneInfo zone, DateTime afterUtc) =>
        schedule.Kind == CheckInKinds.Caring ? NextCaring(schedule, zone, afterUtc) : NextCheckIn(schedule, zone, afterUtc);

    public static HashSet<DayOfWeek> WeekdaysOf(string codes) =>
        [.. codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => LineSetup.Weekdays.First(w => w.Code == c).Day)];

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    private static DateTime Instant(DateOnly date, int minutes, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
