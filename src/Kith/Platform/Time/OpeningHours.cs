namespace Kith.Platform.Time;

/// <summary>Answers "is it open", "how many hours a week" and "when does it next open" from HSDS schedules.
/// All three are computed from the same occurrence intervals (wall-clock opening times turned into instants
/// in the rule's own time zone), so they agree with each other across DST changes.</summary>
internal static class OpeningHours
{
    public static bool IsOpen(IReadOnlyList<OpeningRule> rules, DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = OpeningRecurrence.For(rules[r]);
            if (rule.Zone is not { } zone) continue;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
            // Yesterday's opening may run past midnight (overnight or 24-hour rules).
            for (var date = today.AddDays(-1); date <= today; date = date.AddDays(1))
            {
                if (!rule.OccursOn(date)) continue;
                var (start, end) = rule.Interval(date, zone);
                if (start <= ticks && ticks < end) return true;
            }
        }
        return false;
    }

    /// <summary>Hours open in the week of 7 local days from <paramref name="weekStarting"/> (in the first rule's
    /// time zone), as the union of all rules' intervals: overlapping rules are not counted twice.</summary>
    public static TimeSpan WeeklyOpenHours(IReadOnlyList<OpeningRule> rules, DateOnly weekStarting)
    {
        if (rules.Count == 0 || OpeningRecurrence.For(rules[0]).Zone is not { } home) return TimeSpan.Zero;
        var from = OpeningRecurrence.ToUtcTicks(weekStarting.ToDateTime(TimeOnly.MinValue), home);
        var to = OpeningRecurrence.ToUtcTicks(weekStarting.AddDays(7).ToDateTime(TimeOnly.MinValue), home);
        var intervals = new List<(long Start, long End)>();
        foreach (var r in rules)
        {
            var rule = OpeningRecurrence.For(r);
            if (rule.Zone is not { } zone) continue;
            // Two days of margin either side: the rule's zone may be a day away from the home zone.
            for (var date = weekStarting.AddDays(-2); date <= weekStarting.AddDays(8); date = date.AddDays(1))
            {
                if (!rule.OccursOn(date)) continue;
                var (start, end) = rule.Interval(date, zone);
                start = Math.Max(start, from);
                end = Math.Min(end, to);
                if (start < end) intervals.Add((start, end));
            }
        }
        intervals.Sort();
        long total = 0, runStart = long.MinValue, runEnd = long.MinValue;
        foreach (var (start, end) in intervals)
        {
            if (start > runEnd)
            {
                total += runEnd - runStart;
                (runStart, runEnd) = (start, end);
            }
            else runEnd = Math.Max(runEnd, end);
        }
        total += runEnd - runStart;
        return TimeSpan.FromTicks(total);
    }

    /// <summary>The first instant at or after <paramref name="from"/> (so <paramref name="from"/> itself when
    /// open now) at which a rule is open, within 14 days, in that rule's local offset; null when none.</summary>
    public static DateTimeOffset? NextOpening(IReadOnlyList<OpeningRule> rules, DateTimeOffset from)
    {
        var ticks = from.UtcTicks;
        var horizon = from.AddDays(14).UtcTicks;
        long best = long.MaxValue;
        TimeZoneInfo? bestZone = null;
        foreach (var r in rules)
        {
            var rule = OpeningRecurrence.For(r);
            if (rule.Zone is not { } zone) continue;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
            for (var date = today.AddDays(-1); date <= today.AddDays(15); date = date.AddDays(1))
            {
                if (!rule.OccursOn(date)) continue;
                var (start, end) = rule.Interval(date, zone);
                if (end <= ticks || start >= horizon) continue;
                var opens = Math.Max(start, ticks);
                if (opens < best) (best, bestZone) = (opens, zone);
                break; // later dates of this rule open later still
            }
        }
        return bestZone is null ? null : TimeZoneInfo.ConvertTime(new DateTimeOffset(best, TimeSpan.Zero), bestZone);
    }
}
