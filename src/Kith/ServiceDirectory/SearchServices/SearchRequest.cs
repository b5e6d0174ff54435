using System.Globalization;
using Kith.ServiceDirectory.Indexing;
using Kith.ServiceDirectory.Search;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.SearchServices;

/// <summary>
/// The search parameters as people and programs send them (query string of the API and of the Find help
/// form, which share names), checked and turned into a <see cref="SearchQuery"/>. Every problem is reported
/// against its parameter; nothing is guessed silently.
/// </summary>
internal sealed class SearchRequest
{
    public const int MaxPerPage = 100;
    public static readonly string[] DeliveryCodes = ["in-person", "phone", "text", "video"];

    public string? Q { get; init; }
    public string? Category { get; init; }
    public string? Language { get; init; }
    public string? Lat { get; init; }
    public string? Lon { get; init; }
    public string? RadiusKm { get; init; }
    public string? Postcode { get; init; }
    public string? Area { get; init; }
    public string? OpenNow { get; init; }
    public string? OpenAt { get; init; }
    public string? Age { get; init; }
    public string? Free { get; init; }
    public IReadOnlyList<string> Delivery { get; init; } = [];
    public IReadOnlyList<string> Accessibility { get; init; } = [];
    public string? HasCapacity { get; init; }
    public string? Page { get; init; }
    public string? PerPage { get; init; }
    /// <summary><c>relevance</c> (the default) or <c>distance</c> (nearest first; needs a point or postcode).</summary>
    public string? Sort { get; init; }

    public static SearchRequest From(IQueryCollection query) => new()
    {
        Q = query["q"], Category = query["category"], Language = query["language"], Lat = query["lat"], Lon = query["lon"],
        RadiusKm = query["radius_km"], Postcode = query["postcode"], Area = query["area"], OpenNow = query["open_now"],
        OpenAt = query["open_at"], Age = query["age"], Free = query["free"], HasCapacity = query["has_capacity"],
        Delivery = SplitList(query["delivery"]), Accessibility = SplitList(query["accessibility"]),
        Page = query["page"], PerPage = query["per_page"], Sort = query["sort"],
    };

    private static List<string> SplitList(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).Distinct().ToList();

    /// <summary>The query, or the problems by parameter name. <paramref name="zone"/> reads an <c>open_at</c> without offset.</summary>
    public (SearchQuery? Query, Dictionary<string, string[]> Errors) ToQuery(DirectorySnapshot snapshot, TimeZoneInfo zone, IStringLocalizer T)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string name, string message) => errors[name] = [message];

        var text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        if (text is { Length: > 200 }) Fail("q", T["Use at most 200 characters."]);

        string? termId = null;
        if (!string.IsNullOrWhiteSpace(Category))
        {
            termId = snapshot.TermIdFor(Category.Trim());
            if (termId is null) Fail("category", T["There is no such category."]);
        }

        string? language = null;
        if (!string.IsNullOrWhiteSpace(Language))
        {
            language = LanguageCodes.Canonical(Language);
            if (language is null) Fail("language", T["Use a language code such as en, es, so or hmn (ISO 639-1 or 639-3), or a tag such as es-MX."]);
        }

        GeoPoint? near = null;
        var hasLat = !string.IsNullOrWhiteSpace(Lat);
        var hasLon = !string.IsNullOrWhiteSpace(Lon);
        if (hasLat || hasLon)
        {
            if (!Number(Lat, -90, 90, out var lat)) Fail("lat", T["Latitude must be a number from -90 to 90."]);
            if (!Number(Lon, -180, 180, out var lon)) Fail("lon", T["Longitude must be a number from -180 to 180."]);
            if (!errors.ContainsKey("lat") && !errors.ContainsKey("lon")) near = new GeoPoint(lat, lon);
        }
        double? radius = null;
        if (!string.IsNullOrWhiteSpace(RadiusKm))
        {
            if (!Number(RadiusKm, 0.1, 500, out var r)) Fail("radius_km", T["Distance must be a number of kilometres from 0.1 to 500."]);
            else if (near is null && string.IsNullOrWhiteSpace(Postcode) && string.IsNullOrWhiteSpace(Area))
                Fail("radius_km", T["Give a place (a point, postcode or area) to measure the distance from."]);
            else radius = r;
        }

        string? postcode = string.IsNullOrWhiteSpace(Postcode) ? null : Postcode.Trim().ToUpperInvariant();
        if (postcode is { Length: > 12 }) Fail("postcode", T["That is not a postcode."]);

        string? areaId = null;
        if (!string.IsNullOrWhiteSpace(Area))
        {
            areaId = snapshot.AreaIdFor(Area.Trim());
            if (areaId is null) Fail("area", T["There is no such area."]);
        }

        var openNow = Flag(OpenNow, "open_now");
        DateTimeOffset? openAt = null;
        if (!string.IsNullOrWhiteSpace(OpenAt))
        {
            openAt = ParseOpenAt(OpenAt, zone);
            if (openAt is null) Fail("open_at", T["Give a date and time such as 2026-05-04T18:30."]);
        }

        decimal? age = null;
        if (!string.IsNullOrWhiteSpace(Age))
        {
            if (decimal.TryParse(Age, NumberStyles.Number, CultureInfo.InvariantCulture, out var a) && a is >= 0 and <= 130) age = a;
            else Fail("age", T["Age must be a number from 0 to 130."]);
        }

        var delivery = Search.Delivery.None;
        foreach (var d in Delivery)
        {
            var flag = d switch { "in-person" => Search.Delivery.InPerson, "phone" => Search.Delivery.Phone, "text" => Search.Delivery.Text, "video" => Search.Delivery.Video, _ => Search.Delivery.None };
            if (flag == Search.Delivery.None) Fail("delivery", T["Delivery is one of in-person, phone, text or video."]);
            delivery |= flag;
        }
        foreach (var a in Accessibility)
            if (!snapshot.AccessibilityCodes.Contains(a)) Fail("accessibility", T["There is no such accessibility feature."]);

        var free = Flag(Free, "free");
        var capacity = Flag(HasCapacity, "has_capacity");
        var page = 1;
        if (!string.IsNullOrWhiteSpace(Page) && (!int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > 10_000))
            Fail("page", T["Page must be a whole number from 1 to 10000."]);
        var perPage = 20;
        if (!string.IsNullOrWhiteSpace(PerPage) && (!int.TryParse(PerPage, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage is < 1 or > MaxPerPage))
            Fail("per_page", T["Results per page must be a whole number from 1 to 100."]);

        var byDistance = false;
        switch (Sort?.Trim().ToLowerInvariant())
        {
            case null or "" or "relevance": break;
            case "distance" when near is not null || postcode is not null: byDistance = true; break;
            case "distance": Fail("sort", T["Give your location or ZIP code to sort by distance."]); break;
            default: Fail("sort", T["Sort by relevance or distance."]); break;
        }

        if (errors.Count > 0) return (null, errors);
        return (new SearchQuery(text, termId, language, near, radius, postcode, areaId, openNow, openAt, age, free, delivery,
            Accessibility.Count == 0 ? null : Accessibility, capacity, page, perPage, byDistance), errors);

        bool Flag(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value)) return false;
            switch (value.Trim().ToLowerInvariant())
            {
                case "true" or "1" or "on" or "yes": return true;
                case "false" or "0" or "off" or "no": return false;
                default: Fail(name, T["Use true or false."]); return false;
            }
        }
    }

    private static bool Number(string? value, double min, double max, out double result) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result) && result >= min && result <= max;

    // Opening hours are worked out a day either side of the time, in each service's own zone: a year at the ends of
    // the calendar (0001, 9999) would run off it, and nobody asks what is open then.
    private static DateTimeOffset? ParseOpenAt(string value, TimeZoneInfo zone)
    {
        DateTimeOffset at;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(value))
            at = withOffset;
        else if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && local.Year is >= MinOpenAtYear and <= MaxOpenAtYear)
        {
            local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            at = new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        else return null;
        return at.Year is >= MinOpenAtYear and <= MaxOpenAtYear ? at : null;
    }

    private const int MinOpenAtYear = 1900, MaxOpenAtYear = 2200;

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(value, @"[+-]\d\d:?\d\d$");
}
