using FsCheck;
using FsCheck.Fluent;
using Kith.Platform.Time;

namespace Kith.Tests.Platform.Time;

public sealed class OpeningHoursTests
{
    private const string Chicago = "America/Chicago";
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(Chicago);

    private static OpeningRule Rule(string? freq = "WEEKLY", string? byDay = null, TimeOnly? opens = null, TimeOnly? closes = null,
        int interval = 1, string? byMonthDay = null, DateOnly? start = null, DateOnly? until = null, int? count = null,
        DateOnly? validFrom = null, DateOnly? validTo = null) =>
        new(freq, interval, byDay, byMonthDay, start, until, count, validFrom, validTo, opens, closes, Chicago);

    // A wall-clock time in Chicago as an instant.
    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    [Fact]
    public void Weekday_hours_are_open_inside_and_closed_outside()
    {
        OpeningRule[] rules = [Rule(byDay: "MO,TU,WE,TH,FR", opens: new(9, 0), closes: new(17, 0))];
        Assert.True(OpeningHours.IsOpen(rules, Local(2026, 3, 4, 9, 0)));   // Wednesday
        Assert.True(OpeningHours.IsOpen(rules, Local(2026, 3, 4, 16, 59)));
        Assert.False(OpeningHours.IsOpen(rules, Local(2026, 3, 4, 17, 0)));
        Assert.False(OpeningHours.IsOpen(rules, Local(2026, 3, 7, 12, 0)));  // Saturday
        Assert.False(OpeningHours.IsOpen([], Local(2026, 3, 4, 12, 0)));
    }

    [Fact]
    public void Hours_follow_local_time_across_the_spring_dst_change()
    {
        OpeningRule[] rules = [Rule(byDay: "SU,MO", opens: new(9, 0), closes: new(17, 0))];
        // 8 March 2026: Chicago moves from UTC−6 to UTC−5 at 02:00. 09:00 local is 14:00Z that day, 15:00Z the day before.
        Assert.True(OpeningHours.IsOpen(rules, new DateTimeOffset(2026, 3, 8, 14, 0, 0, TimeSpan.Zero)));
        Assert.False(OpeningHours.IsOpen(rules, new DateTimeOffset(2026, 3, 8, 13, 59, 0, TimeSpan.Zero)));
        Assert.False(OpeningHours.IsOpen(rules, new DateTimeOffset(2026, 3, 1, 14, 30, 0, TimeSpan.Zero)));
        // The DST week loses an hour only if the service is open across 02:00; a 24-hour service is.
        Assert.Equal(TimeSpan.FromHours(167), OpeningHours.WeeklyOpenHours([Rule("DAILY")], new DateOnly(2026, 3, 8)));
        Assert.Equal(TimeSpan.FromHours(169), OpeningHours.WeeklyOpenHours([Rule("DAILY")], new DateOnly(2026, 11, 1)));
        Assert.Equal(TimeSpan.FromHours(16), OpeningHours.WeeklyOpenHours(rules, new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void Overnight_hours_run_past_midnight()
    {
        OpeningRule[] rules = [Rule(byDay: "FR", opens: new(22, 0), closes: new(6, 0))];
        Assert.True(OpeningHours.IsOpen(rules, Local(2026, 3, 6, 23, 30)));  // Friday night
        Assert.True(OpeningHours.IsOpen(rules, Local(2026, 3, 7, 5, 59)));   // Saturday early
        Assert.False(OpeningHours.IsOpen(rules, Local(2026, 3, 7, 6, 0)));
        Assert.False(OpeningHours.IsOpen(rules, Local(2026, 3, 6, 5, 0)));   // Friday early: Thursday was closed
        Assert.Equal(TimeSpan.FromHours(8), OpeningHours.WeeklyOpenHours(rules, new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void Twenty_four_hour_services_are_always_open()
    {
        foreach (var rules in new[] { new[] { Rule("DAILY") }, [Rule("DAILY", opens: new(0, 0), closes: new(0, 0))] })
        {
            Assert.True(OpeningHours.IsOpen(rules, Local(2026, 3, 8, 2, 30)));
            Assert.True(OpeningHours.IsOpen(rules, Local(2026, 7, 1, 0, 0)));
            Assert.Equal(TimeSpan.FromHours(168), OpeningHours.WeeklyOpenHours(rules, new DateOnly(2026, 6, 1)));
        }
    }

    [Fact]
    public void Every_day_from_00_00_to_23_59_is_always_open_to_the_last_half_second_and_across_both_dst_nights()
    {
        // HSDS 3.0's 24/7 (no DAILY, no 24:00): a close in the day's last minute runs to midnight (ADR 24).
        OpeningRule[] rules = [Rule(byDay: "MO,TU,WE,TH,FR,SA,SU", opens: new(0, 0), closes: new(23, 59))];
        var halfSecondBeforeMidnight = Local(2026, 6, 2, 23, 59).AddSeconds(59.5);
        Assert.True(OpeningHours.IsOpen(rules, halfSecondBeforeMidnight));
        Assert.True(OpeningHours.IsOpen(rules, Local(2026, 6, 3, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(168), OpeningHours.WeeklyOpenHours(rules, new DateOnly(2026, 6, 1)));
        Assert.Equal(TimeSpan.FromHours(167), OpeningHours.WeeklyOpenHours(rules, new DateOnly(2026, 3, 8)));
        Assert.Equal(TimeSpan.FromHours(169), OpeningHours.WeeklyOpenHours(rules, new DateOnly(2026, 11, 1)));
        // Every half-second around both midnights and both clock changes of 2026 (8 March, 1 November) is open.
        foreach (var night in new[] { new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero) })
        {
            for (var t = night.AddMinutes(-2); t < night.AddHours(4); t = t.AddSeconds(0.5))
                Assert.True(OpeningHours.IsOpen(rules, t), $"closed at {TimeZoneInfo.ConvertTime(t, Zone):O}");
            Assert.Equal(night.AddMinutes(-2), OpeningHours.NextOpening(rules, night.AddMinutes(-2)));
        }
        // The same hours on fewer days still close at midnight.
        OpeningRule[] weekdays = [Rule(byDay: "MO,TU,WE,TH,FR", opens: new(0, 0), closes: new(23, 59))];
        Assert.True(OpeningHours.IsOpen(weekdays, Local(2026, 6, 5, 23, 59).AddSeconds(59.5)));   // Friday
        Assert.False(OpeningHours.IsOpen(weekdays, Local(2026, 6, 6, 0, 0)));                    // Saturday
    }

    [Fact]
    public void Monthly_ordinal_weekdays_and_month_days()
    {
        OpeningRule[] firstMonday = [Rule("MONTHLY", byDay: "1MO", opens: new(13, 0), closes: new(16, 0))];
        Assert.True(OpeningHours.IsOpen(firstMonday, Local(2026, 3, 2, 14, 0)));
        Assert.False(OpeningHours.IsOpen(firstMonday, Local(2026, 3, 9, 14, 0)));
        OpeningRule[] lastFriday = [Rule("MONTHLY", byDay: "-1FR", opens: new(13, 0), closes: new(16, 0))];
        Assert.True(OpeningHours.IsOpen(lastFriday, Local(2026, 3, 27, 14, 0)));
        Assert.False(OpeningHours.IsOpen(lastFriday, Local(2026, 3, 20, 14, 0)));
        OpeningRule[] lastDay = [Rule("MONTHLY", byMonthDay: "1,-1", opens: new(10, 0), closes: new(11, 0))];
        Assert.True(OpeningHours.IsOpen(lastDay, Local(2026, 2, 28, 10, 30)));
        Assert.True(OpeningHours.IsOpen(lastDay, Local(2026, 3, 1, 10, 30)));
        Assert.False(OpeningHours.IsOpen(lastDay, Local(2026, 3, 30, 10, 30)));
    }

    [Fact]
    public void Intervals_count_from_the_start_date()
    {
        OpeningRule[] fortnightly = [Rule(byDay: "TU", opens: new(18, 0), closes: new(20, 0), interval: 2, start: new DateOnly(2026, 3, 3))];
        Assert.True(OpeningHours.IsOpen(fortnightly, Local(2026, 3, 3, 19, 0)));
        Assert.False(OpeningHours.IsOpen(fortnightly, Local(2026, 3, 10, 19, 0)));
        Assert.True(OpeningHours.IsOpen(fortnightly, Local(2026, 3, 17, 19, 0)));
        OpeningRule[] everyThirdDay = [Rule("DAILY", opens: new(9, 0), closes: new(10, 0), interval: 3, start: new DateOnly(2026, 3, 1))];
        Assert.True(OpeningHours.IsOpen(everyThirdDay, Local(2026, 3, 4, 9, 30)));
        Assert.False(OpeningHours.IsOpen(everyThirdDay, Local(2026, 3, 5, 9, 30)));
        Assert.False(OpeningHours.IsOpen(everyThirdDay, Local(2026, 2, 26, 9, 30))); // before the start
    }

    [Fact]
    public void Until_count_and_validity_limit_the_recurrence()
    {
        var start = new DateOnly(2026, 3, 2); // a Monday
        OpeningRule[] threeTimes = [Rule(byDay: "MO", opens: new(9, 0), closes: new(12, 0), start: start, count: 3)];
        Assert.True(OpeningHours.IsOpen(threeTimes, Local(2026, 3, 16, 10, 0)));
        Assert.False(OpeningHours.IsOpen(threeTimes, Local(2026, 3, 23, 10, 0)));
        OpeningRule[] until = [Rule(byDay: "MO", opens: new(9, 0), closes: new(12, 0), start: start, until: new DateOnly(2026, 3, 9))];
        Assert.True(OpeningHours.IsOpen(until, Local(2026, 3, 9, 10, 0)));
        Assert.False(OpeningHours.IsOpen(until, Local(2026, 3, 16, 10, 0)));
        OpeningRule[] valid = [Rule(byDay: "MO", opens: new(9, 0), closes: new(12, 0), validFrom: new DateOnly(2026, 3, 9), validTo: new DateOnly(2026, 3, 16))];
        Assert.False(OpeningHours.IsOpen(valid, Local(2026, 3, 2, 10, 0)));
        Assert.True(OpeningHours.IsOpen(valid, Local(2026, 3, 16, 10, 0)));
        Assert.False(OpeningHours.IsOpen(valid, Local(2026, 3, 23, 10, 0)));
    }

    [Fact]
    public void Weekly_hours_are_the_union_of_overlapping_rules()
    {
        OpeningRule[] rules =
        [
            Rule(byDay: "MO,TU,WE,TH,FR", opens: new(9, 0), closes: new(17, 0)),
            Rule(byDay: "MO", opens: new(16, 0), closes: new(19, 0)),   // overlaps Monday 16–17
            Rule(byDay: "SA", opens: new(10, 0), closes: new(12, 0)),
        ];
        Assert.Equal(TimeSpan.FromHours(40 + 2 + 2), OpeningHours.WeeklyOpenHours(rules, new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void Next_opening_is_the_next_start_or_now_when_open()
    {
        OpeningRule[] rules = [Rule(byDay: "TU", opens: new(9, 0), closes: new(12, 0))];
        var next = OpeningHours.NextOpening(rules, Local(2026, 3, 4, 13, 0))!.Value; // Wednesday afternoon
        Assert.Equal(Local(2026, 3, 10, 9, 0), next);
        Assert.Equal(TimeSpan.FromHours(-5), next.Offset); // reported in local time (after the DST change)
        Assert.Equal(Local(2026, 3, 10, 10, 0), OpeningHours.NextOpening(rules, Local(2026, 3, 10, 10, 0)));
        Assert.Null(OpeningHours.NextOpening([Rule("MONTHLY", byMonthDay: "1", opens: new(9, 0), closes: new(10, 0))], Local(2026, 3, 2, 0, 0)));
    }

    [Fact]
    public void Open_minutes_in_a_week_add_up_to_the_weekly_hours()
    {
        var days = new[] { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
        var rules = Gen.Choose(0, 127).Zip(Gen.Choose(0, 47)).Zip(Gen.Choose(0, 48)).Zip(Gen.Elements(1, 2)).Zip(Gen.Elements(new[] { "2026-03-02", "2026-03-06", "2026-10-30", "2026-06-15" }))
            .Select(t =>
            {
                var ((((mask, opens), length), interval), week) = t;
                var byDay = string.Join(',', days.Where((_, i) => (mask & (1 << i)) != 0));
                var open = new TimeOnly(opens / 2, opens % 2 * 30);
                var close = open.Add(TimeSpan.FromMinutes(30 * length));
                return (Rule: Rule(byDay.Length == 0 ? "DAILY" : "WEEKLY", byDay.Length == 0 ? null : byDay, open, close, interval, start: new DateOnly(2026, 1, 5)), Week: DateOnly.Parse(week));
            });
        Prop.ForAll(rules.ToArbitrary(), c =>
        {
            OpeningRule[] r = [c.Rule];
            var from = new DateTimeOffset(c.Week.ToDateTime(TimeOnly.MinValue), Zone.GetUtcOffset(c.Week.ToDateTime(TimeOnly.MinValue)));
            var to = new DateTimeOffset(c.Week.AddDays(7).ToDateTime(TimeOnly.MinValue), Zone.GetUtcOffset(c.Week.AddDays(7).ToDateTime(TimeOnly.MinValue)));
            var openMinutes = 0;
            for (var t = from; t < to; t = t.AddMinutes(15)) if (OpeningHours.IsOpen(r, t)) openMinutes += 15;
            return TimeSpan.FromMinutes(openMinutes) == OpeningHours.WeeklyOpenHours(r, c.Week);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Is_open_agrees_with_a_wall_clock_reading_of_the_rule()
    {
        // Brute force, independent of the engine: open when the local weekday is listed and the local time
        // is in [opens, closes), or yesterday was listed and the time is before an overnight close.
        var gen = Gen.Choose(1, 127).Zip(Gen.Choose(0, 23)).Zip(Gen.Choose(1, 23)).Zip(Gen.Choose(0, 60 * 24 * 60));
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (((mask, opensHour), hours), minute) = t;
            var days = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
            var listed = days.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
            var codes = string.Join(',', listed.Select(d => d.ToString()[..2].ToUpperInvariant()));
            var opens = new TimeOnly(opensHour, 0);
            var closes = opens.Add(TimeSpan.FromHours(hours));
            var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minute * 7);
            var local = TimeZoneInfo.ConvertTime(at, Zone).DateTime;
            // Skip the doubled and missing hours, where "wall-clock" is ambiguous by definition.
            if (Zone.IsAmbiguousTime(local) || local.Hour == 2 && local.Month is 3 or 11 && local.Day < 15) return true;
            var time = TimeOnly.FromDateTime(local);
            var overnight = closes <= opens;
            var expected = listed.Contains(local.DayOfWeek) && time >= opens && (overnight || time < closes)
                || overnight && listed.Contains(local.AddDays(-1).DayOfWeek) && time < closes;
            return expected == OpeningHours.IsOpen([Rule(byDay: codes, opens: opens, closes: closes)], at);
        }).QuickCheckThrowOnFailure();
    }
}
