using Kith.ServiceDirectory.Hsds;

namespace Kith.ServiceDirectory.Demo;

// The Riverbend demo directory, written as compact definitions that DemoRows expands into HSDS rows.
// Keys (never shown) give every row a name-based id, so the demo has the same ids in every database.

/// <summary>
/// Who delivers services: a Kith organisation (<paramref name="KithName"/> is its exact name in the community
/// module) or a national / regional provider nobody in Kith owns. The assurer is who last checked its records.
/// </summary>
internal sealed record DemoProvider(string Key, string Name, string Description, string? KithName, string AssurerName, string AssurerEmail)
{
    public string? Website { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public decimal? YearIncorporated { get; init; }
}

/// <summary>
/// A physical place (or a virtual one when <see cref="Url"/> is set) where services are delivered.
/// <see cref="Area"/> is the area code the coordinates must fall in; a test holds the coordinates to it.
/// </summary>
internal sealed record DemoPlace(string Key, string Provider, string Name, string Area, string Street, double Latitude, double Longitude)
{
    public string? Description { get; init; }
    public string? Transportation { get; init; }
    /// <summary>Kith accessibility term codes; each becomes an accessibility row and a location attribute.</summary>
    public string[] Access { get; init; } = [];
    public string? AccessDetails { get; init; }
    /// <summary>A shelter or safe house: the public sees its area and phone, never the address (staff do).</summary>
    public bool Confidential { get; init; }
    public string? Phone { get; init; }
    /// <summary>Set for a virtual place (video), which has no area, address or coordinates.</summary>
    public string? Url { get; init; }

    public bool IsVirtual => Url is not null;

    public static DemoPlace Virtual(string key, string provider, string name, string url, string description) =>
        new(key, provider, name, Area: "", Street: "", Latitude: 0, Longitude: 0) { Url = url, Description = description };
}

/// <summary>An HSDS schedule row: an RRULE (freq + byday) with local opening times.</summary>
internal sealed record DemoHours(string Freq, string? ByDay, TimeOnly? Opens, TimeOnly? Closes, string Description)
{
    /// <summary>The place this schedule applies to, when a service keeps different hours at different places.</summary>
    public string? Place { get; init; }

    public static DemoHours Weekly(string byDay, string opens, string closes, string description) =>
        new("WEEKLY", byDay, TimeOnly.Parse(opens), TimeOnly.Parse(closes), description);

    public static DemoHours Monthly(string byDay, string opens, string closes, string description) =>
        new("MONTHLY", byDay, TimeOnly.Parse(opens), TimeOnly.Parse(closes), description);

    /// <summary>Every day: HSDS 3.0 has no DAILY, so a weekly rule on every day of the week (ADR 24).</summary>
    public static DemoHours Daily(string opens, string closes, string description) =>
        new("WEEKLY", EveryDay, TimeOnly.Parse(opens), TimeOnly.Parse(closes), description);

    /// <summary>24/7 as HSDS 3.0 can say it: every day 00:00–23:59, which the recurrence reads as until midnight.</summary>
    public static readonly DemoHours AllDay = new("WEEKLY", EveryDay, HsdsFrequency.DayStart, HsdsFrequency.DayEnd, "Open 24 hours a day, every day of the year.");

    public const string Weekdays = "MO,TU,WE,TH,FR";
    public const string EveryDay = "MO,TU,WE,TH,FR,SA,SU";
}

/// <summary>An HSDS phone: type "voice", "text" or "fax".</summary>
internal sealed record DemoPhone(string Number, string Type, string? Description = null)
{
    public static DemoPhone Voice(string number, string? description = null) => new(number, "voice", description);
    public static DemoPhone Text(string number, string? description = null) => new(number, "text", description);
    public static DemoPhone Fax(string number, string? description = null) => new(number, "fax", description);
}

/// <summary>An HSDS cost option in US dollars; amount 0 for free.</summary>
internal sealed record DemoCost(string Option, decimal? Amount, string? AmountDescription = null)
{
    public static readonly DemoCost[] Free = [new("Free", 0m)];
}

/// <summary>Live capacity (HSDS 3.1 service_capacity), e.g. beds tonight or places left in a group.</summary>
internal sealed record DemoCapacity(string Unit, decimal Available, decimal? Maximum, string? Description = null);

internal sealed record DemoContact(string Name, string Title, string Email, string? Phone = null);

internal sealed record DemoProgram(string Key, string Provider, string Name, string Description);

/// <summary>One service of the demo directory with everything HSDS can say about it.</summary>
internal sealed record DemoService(string Key, string Provider, string Name, string Description)
{
    public string? AlternateName { get; init; }
    public string? Program { get; init; }
    public string Status { get; init; } = "active";
    public string? Alert { get; init; }
    public string Eligibility { get; init; } = "Anyone in Riverbend County.";
    public int? MinimumAge { get; init; }
    public int? MaximumAge { get; init; }
    /// <summary>Kith need codes (1–3); "crisis-line" pins a service among the crisis lines.</summary>
    public string[] Needs { get; init; } = [];
    /// <summary>Kith delivery codes: in-person, phone, text, video.</summary>
    public string[] Delivery { get; init; } = ["in-person"];
    /// <summary>ISO 639-1 codes of the languages staff speak (not through an interpreter).</summary>
    public string[] Languages { get; init; } = ["en"];
    public string? Interpretation { get; init; }
    public string Fees { get; init; } = "Free.";
    public DemoCost[] Costs { get; init; } = DemoCost.Free;
    public string ApplicationProcess { get; init; } = "Just come along; no appointment or referral needed.";
    public string[] Places { get; init; } = [];
    public DemoPhone[] Phones { get; init; } = [];
    public DemoHours[] Hours { get; init; } = [];
    /// <summary>Area codes, or <see cref="DemoDirectory.County"/> for the whole county.</summary>
    public string[] ServiceAreas { get; init; } = [];
    public string[] Documents { get; init; } = [];
    public string? Funding { get; init; }
    public DemoContact? Contact { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    /// <summary>How long before seeding the record was last verified; over 180 days means "needs verifying".</summary>
    public int VerifiedDaysAgo { get; init; } = 30;
    public DemoCapacity? Capacity { get; init; }
    public bool Waitlist { get; init; }
}
