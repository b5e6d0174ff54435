using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Kith.Groups.Domain;

/// <summary>One session as people will meet: where the rule put it (its identity) and where it is now.</summary>
internal sealed record Session(DateTime OriginalStartLocal, DateTime StartLocal, DateTime EndLocal, bool Cancelled, bool Moved);

/// <summary>
/// A group's sessions: the first session and its RFC 5545 rule expanded by Ical.Net (the same evaluator the calendar
/// feed's readers trust), in the deployment's time zone — a Tuesday 6 pm group stays at 6 pm across a clock change —
/// with cancelled and moved sessions applied.
/// </summary>
internal static class Schedule
{
    /// <summary>Enough for a weekly group over two years; an open-ended rule is read that far and no further.</summary>
    public const int MaxSessions = 104;

    /// <summary>
    /// Why a rule cannot be a group's (null when it can): weekly, or monthly on given weekdays ("the second Saturday"), at
    /// the first session's time — what an HSDS 3.0 schedule can say too (ADR 24), so the directory lists it faithfully.
    /// </summary>
    public static string? Check(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule)) return null; // one session
        if (rule.Length > 200) return "At most 200 characters.";
        RecurrenceRule parsed;
        try { parsed = new RecurrenceRule(rule.Trim()); }
        catch (Exception e) when (e is ArgumentException or FormatException) { return "Not a recurrence rule: write it as RFC 5545 does, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=8."; }
        if (parsed.Frequency is not (FrequencyType.Weekly or FrequencyType.Monthly)) return "A group meets weekly or monthly: FREQ=WEEKLY or FREQ=MONTHLY.";
        if (parsed.Frequency == FrequencyType.Monthly && (parsed.ByDay.Count == 0 || parsed.ByDay.Any(d => d.Offset is null) || parsed.ByMonthDay.Count > 0))
            return "A monthly group meets on given weekdays, like BYDAY=2SA for the second Saturday.";
        if (parsed.Interval is < 1 or > 12) return "INTERVAL is 1 to 12.";
        if (parsed.ByHour.Count > 0 || parsed.ByMinute.Count > 0 || parsed.BySecond.Count > 0)
            return "Sessions start at the first session's time: leave out BYHOUR, BYMINUTE and BYSECOND.";
        if (parsed.Count is > MaxSessions) return $"At most {MaxSessions} sessions (COUNT).";
        return null;
    }

    /// <summary>The group's sessions in order of their start now, cancelled ones included (marked).</summary>
    public static IReadOnlyList<Session> Sessions(Group group, IEnumerable<GroupSessionChange> changes, string timeZone)
    {
        var byOriginal = changes.ToDictionary(c => c.OriginalStartLocal);
        var length = TimeSpan.FromMinutes(group.DurationMinutes);
        return Starts(group, timeZone)
            .Select(start => byOriginal.TryGetValue(start, out var c)
                ? new Session(start, c.MovedToLocal ?? start, (c.MovedToLocal ?? start) + length, c.Cancelled, c.MovedToLocal is not null)
                : new Session(start, start, start + length, false, false))
            .OrderBy(s => s.StartLocal)
            .ToList();
    }

    /// <summary>The starts the rule gives (local wall-clock times), the first session first.</summary>
    public static IEnumerable<DateTime> Starts(Group group, string timeZone)
    {
        if (string.IsNullOrWhiteSpace(group.Rule)) return [group.FirstStartLocal];
        var evt = new CalendarEvent { DtStart = new CalDateTime(group.FirstStartLocal, timeZone, true) };
        evt.RecurrenceRule = new RecurrenceRule(group.Rule);
        return evt.GetOccurrences(evt.DtStart, null).Take(MaxSessions)
            .Select(o => DateTime.SpecifyKind(o.Period.StartTime.ToTimeZone(timeZone).Value, DateTimeKind.Unspecified))
            .ToList();
    }
}
