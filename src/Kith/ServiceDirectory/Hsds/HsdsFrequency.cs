using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.Hsds;

/// <summary>
/// HSDS 3.0 allows a schedule's <c>freq</c> to be only WEEKLY or MONTHLY, yet many sources (and Kith's own demo
/// until ADR 24) write DAILY. Import accepts DAILY and stores the valid form, so every document Kith serves
/// validates: every day is WEEKLY on MO–SU, all day is 00:00–23:59 (the recurrence reads a 23:59 close as
/// midnight, so such a service is never shown closed).
/// </summary>
internal static class HsdsFrequency
{
    public const string EveryDay = "MO,TU,WE,TH,FR,SA,SU";
    public static readonly TimeOnly DayStart = TimeOnly.MinValue;
    public static readonly TimeOnly DayEnd = new(23, 59);

    /// <summary>The fields <see cref="Normalise"/> may rewrite (a merge must write them even when the input left them out).</summary>
    public static readonly IReadOnlyList<string> Fields = ["freq", "byday", "opens_at", "closes_at"];

    /// <summary>Rewrites the row into HSDS 3.0's form; returns the reason when it has none (nothing is then changed).</summary>
    public static string? Normalise(Schedule s)
    {
        if (s.Freq is null) return null;
        var freq = s.Freq.Trim().ToUpperInvariant();
        if (freq is "WEEKLY" or "MONTHLY")
        {
            s.Freq = freq;
            return null;
        }
        if (freq != "DAILY") return $"'{s.Freq}' is not an HSDS 3.0 frequency (WEEKLY or MONTHLY; DAILY is read as every day of the week)";
        if (s.Interval is > 1)
            return $"DAILY every {s.Interval:0.##} days has no HSDS 3.0 form: write it as WEEKLY or MONTHLY rules";
        // DAILY limited to month days is a monthly rule; otherwise it is every listed (or every) day of the week.
        var monthly = !string.IsNullOrWhiteSpace(s.Bymonthday);
        s.Freq = monthly ? "MONTHLY" : "WEEKLY";
        if (!monthly && string.IsNullOrWhiteSpace(s.Byday)) s.Byday = EveryDay;
        s.OpensAt ??= DayStart;
        s.ClosesAt ??= DayEnd;
        return null;
    }
}
