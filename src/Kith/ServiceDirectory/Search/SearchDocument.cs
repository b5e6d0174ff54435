using Kith.Platform.Time;

namespace Kith.ServiceDirectory.Search;

// The flat, denormalised shape the engine indexes: one per service, built by the directory loader
// from HSDS rows. Keeping the engine on this shape (not on EF entities) keeps it fast and testable.

[Flags]
internal enum Delivery { None = 0, InPerson = 1, Phone = 2, Text = 4, Video = 8 }

internal sealed record SearchPlace(double Latitude, double Longitude, string? PostalCode, string? AreaId, bool Confidential);

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
