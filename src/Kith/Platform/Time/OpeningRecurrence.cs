using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Kith.Platform.Time;

/// <summary>One <see cref="OpeningRule"/> parsed once: which local dates it opens on and the instants of
/// each day's opening. Compiled forms are cached per rule object, so the index's shared rules parse once.</summary>
internal sealed class OpeningRecurrence
{
    private enum Frequency { Daily, Weekly, Monthly }

    // An anchor for INTERVAL when DTSTART is missing: a Monday, so weekly intervals count whole weeks.
    private static readonly DateOnly Epoch = new(2000, 1, 3);
    private static readonly TimeOnly LastMinute = new(23, 59);
    private static readonly ConditionalWeakTable<OpeningRule, OpeningRecurrence> Compiled = new();
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    private readonly OpeningRule _rule;
    private readonly Frequency _frequency;
    private readonly int _interval;
    private readonly int _weekdays;                           // bit per DayOfWeek, BYDAY without ordinal
    private readonly (int Ordinal, DayOfWeek Day)[] _ordinals; // BYDAY with ordinal (MONTHLY)
    private readonly int[] _monthDays;
    private readonly DateOnly? _first, _last;                 // DTSTART/VALIDFROM and UNTIL/COUNT/VALIDTO together

    /// <summary>Null when the rule's time zone is unknown: such hours cannot be trusted, so they never count as open.</summary>
    public TimeZoneInfo? Zone { get; }

    private OpeningRecurrence(OpeningRule rule)
    {
        _rule = rule;
        Zone = Zones.GetOrAdd(rule.TimeZone, FindZone);
        _interval = Math.Max(1, rule.Interval);
        var days = Split(rule.ByDay);
        var ordinals = new List<(int, DayOfWeek)>();
        foreach (var d in days)
        {
            if (d.Length < 2 || !TryDay(d[^2..], out var day)) continue;
            if (d.Length == 2) _weekdays |= 1 << (int)day;
            else if (int.TryParse(d[..^2], out var ordinal) && ordinal != 0) ordinals.Add((ordinal, day));
        }
        _ordinals = [.. ordinals];
        _monthDays = [.. Split(rule.ByMonthDay).Select(s => int.TryParse(s, out var v) ? v : 0).Where(v => v is >= -31 and <= 31 and not 0)];
        _frequency = rule.Freq?.Trim().ToUpperInvariant() switch
        {
            "DAILY" => Frequency.Daily,
            "WEEKLY" => Frequency.Weekly,
            "MONTHLY" => Frequency.Monthly,
            _ => days.Length > 0 ? Frequency.Weekly : Frequency.Daily,
        };
        // In a weekly rule an ordinal ("1MO") means just the weekday.
        if (_frequency != Frequency.Monthly) foreach (var (_, day) in _ordinals) _weekdays |= 1 << (int)day;

        _first = Later(rule.DtStart, rule.ValidFrom);
        _last = Earlier(Earlier(rule.Until, rule.ValidTo), LastByCount());
    }

    public static OpeningRecurrence For(OpeningRule rule) => Compiled.GetValue(rule, r => new OpeningRecurrence(r));

    public bool OccursOn(DateOnly date) =>
        (_first is not { } first || date >= first) && (_last is not { } last || date <= last) && Matches(date);

    /// <summary>The open interval that starts on local <paramref name="date"/>, as UTC ticks [start, end).</summary>
    public (long Start, long End) Interval(DateOnly date, TimeZoneInfo zone)
    {
        var opens = _rule.OpensAt ?? TimeOnly.MinValue;
        var day = date.ToDateTime(TimeOnly.MinValue);
        var start = day + opens.ToTimeSpan();
        // No closing time, or closing at/before opening: runs past midnight (00:00–00:00 is a 24-hour day).
        // HSDS has no 24:00, so "until midnight" is written 23:59 (a 24/7 service is MO–SU 00:00–23:59): a close
        // in the day's last minute runs to midnight, else such a service would be shut for a minute every night.
        var end = _rule.ClosesAt is { } closes && closes < LastMinute
            ? (closes > opens ? day + closes.ToTimeSpan() : day.AddDays(1) + closes.ToTimeSpan())
            : day.AddDays(1);
        return (ToUtcTicks(start, zone), ToUtcTicks(end, zone));
    }

    /// <summary>A wall-clock time as a UTC instant. In the spring-forward gap the time does not exist and
    /// is read with the offset before the gap (so 02:30 becomes 03:30); in the fall-back hour the first
    /// (daylight) occurrence is used.</summary>
    public static long ToUtcTicks(DateTime local, TimeZoneInfo zone)
    {
        TimeSpan offset;
        if (zone.IsInvalidTime(local)) offset = zone.GetUtcOffset(local.AddDays(-1));
        else if (zone.IsAmbiguousTime(local)) offset = zone.GetAmbiguousTimeOffsets(local).Max();
        else offset = zone.GetUtcOffset(local);
        return (local - offset).Ticks;
    }

    private bool Matches(DateOnly date)
    {
        var anchor = _rule.DtStart ?? Epoch;
        switch (_frequency)
        {
            case Frequency.Daily:
                if (Modulo(date.DayNumber - anchor.DayNumber, _interval) != 0) return false;
                return (_weekdays == 0 || (_weekdays & (1 << (int)date.DayOfWeek)) != 0) && (_monthDays.Length == 0 || OnMonthDay(date));
            case Frequency.Weekly:
                var weeks = (Monday(date).DayNumber - Monday(anchor).DayNumber) / 7;
                if (Modulo(weeks, _interval) != 0) return false;
                // RFC 5545: without BYDAY a weekly rule repeats on DTSTART's weekday; with neither, every day.
                var weekdays = _weekdays != 0 ? _weekdays : _rule.DtStart is { } s ? 1 << (int)s.DayOfWeek : 0x7F;
                return (weekdays & (1 << (int)date.DayOfWeek)) != 0;
            default:
                var months = (date.Year - anchor.Year) * 12 + date.Month - anchor.Month;
                if (Modulo(months, _interval) != 0) return false;
                var byDay = _weekdays != 0 || _ordinals.Length > 0;
                if (_monthDays.Length == 0 && !byDay) return date.Day == (_rule.DtStart?.Day ?? 1);
                return (_monthDays.Length == 0 || OnMonthDay(date)) && (!byDay || OnWeekdayOfMonth(date));
        }
    }

    private bool OnMonthDay(DateOnly date)
    {
        var length = DateTime.DaysInMonth(date.Year, date.Month);
        foreach (var d in _monthDays)
            if (d == date.Day || (d < 0 && length + 1 + d == date.Day)) return true;
        return false;
    }

    private bool OnWeekdayOfMonth(DateOnly date)
    {
        if ((_weekdays & (1 << (int)date.DayOfWeek)) != 0) return true;
        var length = DateTime.DaysInMonth(date.Year, date.Month);
        foreach (var (ordinal, day) in _ordinals)
        {
            if (day != date.DayOfWeek) continue;
            if (ordinal > 0 && (date.Day - 1) / 7 + 1 == ordinal) return true;
            if (ordinal < 0 && (length - date.Day) / 7 + 1 == -ordinal) return true;
        }
        return false;
    }

    // COUNT limits the recurrence from DTSTART; without DTSTART there is nothing to count from, so it is ignored.
    private DateOnly? LastByCount()
    {
        if (_rule.Count is not { } count || _rule.DtStart is not { } start) return null;
        if (count <= 0) return start.AddDays(-1);
        var seen = 0;
        var until = _rule.Until ?? start.AddYears(50);
        for (var d = start; d <= until; d = d.AddDays(1))
            if (Matches(d) && ++seen == count) return d;
        return null;
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static int Modulo(int a, int m) => ((a % m) + m) % m;

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string[] Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant()).ToArray();

    private static bool TryDay(string code, out DayOfWeek day)
    {
        day = code switch
        {
            "MO" => DayOfWeek.Monday, "TU" => DayOfWeek.Tuesday, "WE" => DayOfWeek.Wednesday, "TH" => DayOfWeek.Thursday,
            "FR" => DayOfWeek.Friday, "SA" => DayOfWeek.Saturday, "SU" => DayOfWeek.Sunday, _ => (DayOfWeek)(-1),
        };
        return (int)day >= 0;
    }

    private static TimeZoneInfo? FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    }
}
