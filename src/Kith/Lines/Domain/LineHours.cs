using System.Globalization;

namespace Kith.Lines.Domain;

/// <summary>One opening on a weekday, in minutes from local midnight; <see cref="To"/> at or before <see cref="From"/> runs past midnight.</summary>
internal readonly record struct OpenPeriod(int From, int To)
{
    public const int Day = 24 * 60;

    /// <summary>"09:00-17:00", "00:00-24:00", "20:00-02:00"; null when it cannot be read.</summary>
    public static OpenPeriod? Parse(string? text)
    {
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 } || Minutes(parts[0]) is not { } from || Minutes(parts[1]) is not { } to || from == Day) return null;
        if (from == to) return null; // nothing open; a whole day is 00:00-24:00
        return new OpenPeriod(from, to);
    }

    private static int? Minutes(string hhmm)
    {
        if (hhmm == "24:00") return Day;
        return TimeOnly.TryParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.Hour * 60 + t.Minute : null;
    }

    public override string ToString() => $"{From / 60:00}:{From % 60:00}-{To / 60:00}:{To % 60:00}";
}

/// <summary>
/// When a line answers: periods per weekday in the line's own time zone, and holidays (local dates on which no
/// period starts; an overnight period that began the evening before still runs). Plain rules, no clock of its own.
/// </summary>
internal sealed class LineHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpenPeriod>> week, IReadOnlySet<DateOnly> holidays, TimeZoneInfo zone)
{
    /// <summary>How far ahead "next opening" looks: long enough for a holiday fortnight, short enough to stay cheap.</summary>
    private const int HorizonDays = 60;

    public TimeZoneInfo Zone => zone;

    public bool IsOpen(DateTimeOffset at) => Occurrences(LocalDate(at).AddDays(-1), LocalDate(at)).Any(o => o.Start <= at && at < o.End);

    /// <summary><paramref name="from"/> itself when open then; otherwise the next opening within 60 days, in the line's offset; null if none.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset from)
    {
        var today = LocalDate(from);
        foreach (var (start, end) in Occurrences(today.AddDays(-1), today.AddDays(HorizonDays)).OrderBy(o => o.Start))
            if (end > from) return TimeZoneInfo.ConvertTime(start > from ? start : from, zone);
        return null;
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(DateOnly first, DateOnly last)
    {
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (holidays.Contains(date) || !week.TryGetValue(date.DayOfWeek, out var periods)) continue;
            foreach (var p in periods)
                yield return (Instant(date, p.From), Instant(p.To > p.From ? date : date.AddDays(1), p.To));
        }
    }

    /// <summary>A local wall-clock time as an instant. A time the clocks skip (spring forward) opens an hour later; a repeated hour counts once.</summary>
    private DateTimeOffset Instant(DateOnly date, int minutes)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
