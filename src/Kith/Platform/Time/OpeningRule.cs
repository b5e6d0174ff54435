namespace Kith.Platform.Time;

/// <summary>One RFC 5545-style recurrence as HSDS 3.0 <c>schedule</c> carries it (weekly and
/// monthly opening rules), already resolved to an IANA time zone by the reader.</summary>
internal sealed record OpeningRule(
    string? Freq,            // "WEEKLY", "MONTHLY" (HSDS 3.0); "DAILY" is still read (RFC 5545); null = WEEKLY when ByDay set, else daily
    int Interval,            // >= 1
    string? ByDay,           // "MO,TU" or "1MO,-1FR" (ordinal only meaningful for MONTHLY)
    string? ByMonthDay,      // "1,15,-1"
    DateOnly? DtStart, DateOnly? Until, int? Count,
    DateOnly? ValidFrom, DateOnly? ValidTo,
    TimeOnly? OpensAt, TimeOnly? ClosesAt,   // both null => open all day; ClosesAt <= OpensAt => closes after midnight (overnight); ClosesAt 23:59 => until midnight
    string TimeZone);        // IANA id, e.g. "America/Chicago"
