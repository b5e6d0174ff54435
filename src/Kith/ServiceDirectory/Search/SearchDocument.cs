namespace Kith.ServiceDirectory.Search;

// The flat, denormalised shape the engine indexes: one per service, built by the directory loader
// from HSDS rows. Keeping the engine on this shape (not on EF entities) keeps it fast and testable.

[Flags]
internal enum Delivery { None = 0, InPerson = 1, Phone = 2, Text = 4, Video = 8 }

internal sealed record SearchPlace(double Latitude, double Longitude, string? PostalCode, string? AreaId, bool Confidential);

/// <summary>One RFC 5545-style recurrence as HSDS 3.0 <c>schedule</c> carries it, already resolved to an IANA time zone by the loader.</summary>
internal sealed record OpeningRule(
    string? Freq,            // "WEEKLY", "DAILY", "MONTHLY" (null = treat as WEEKLY when ByDay set, else DAILY)
    int Interval,            // >= 1
    string? ByDay,           // "MO,TU" or "1MO,-1FR" (ordinal only meaningful for MONTHLY)
    string? ByMonthDay,      // "1,15,-1"
    DateOnly? DtStart, DateOnly? Until, int? Count,
    DateOnly? ValidFrom, DateOnly? ValidTo,
    TimeOnly? OpensAt, TimeOnly? ClosesAt,   // both null => open all day; ClosesAt <= OpensAt => closes after midnight (overnight)
    string TimeZone);        // IANA id, e.g. "America/Chicago"

internal sealed record SearchDocument(
    string ServiceId, string Name, string? AlternateName, string? Description, string? OrganizationName,
    IReadOnlyList<string> Keywords,          // taxonomy term names and other searchable words (any language)
    IReadOnlyList<string> TaxonomyTermIds,   // the service's terms AND all their ancestors (loader expands)
    IReadOnlyList<string> Languages,         // ISO 639-1 lowercase: "en", "es", "so"
    IReadOnlyList<SearchPlace> Places,       // may be empty (phone/text/online services)
    IReadOnlyList<string> ServedAreaIds,     // Kith area ids this service serves (places + service areas)
    IReadOnlyList<OpeningRule> Schedules,    // empty = hours unknown (never "open now")
    decimal? MinimumAge, decimal? MaximumAge,
    bool Free, Delivery Delivery,
    IReadOnlyList<string> Accessibility,     // lowercase codes, e.g. "wheelchair", "hearing-loop", "step-free", "interpreter"
    int? CapacityAvailable, bool Waitlist,
    DateOnly? AssuredDate,                   // last verified
    bool IsCrisisLine);                      // 24/7 crisis/text lines: pinned when a query signals risk
