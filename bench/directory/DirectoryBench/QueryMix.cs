using System.Globalization;
using Kith.ServiceDirectory.Search;

namespace DirectoryBench;

/// <summary>One benchmark query: the parameters both endpoints take, in the API's names.</summary>
internal sealed record BenchQuery(string Kind, string? Text, string? Language, double? Lat, double? Lon, double? RadiusKm, bool OpenNow)
{
    public SearchQuery ToSearchQuery() =>
        new(Text: Text, Language: Language, Near: Lat is { } lat && Lon is { } lon ? new GeoPoint(lat, lon) : null, RadiusKm: RadiusKm, OpenNow: OpenNow);

    /// <summary>The query string (without "?"), identical for <c>/api/directory/search</c> and <c>/baseline/search</c>.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Text != null) parts.Add("q=" + Uri.EscapeDataString(Text));
        if (Language != null) parts.Add("language=" + Language);
        if (Lat is { } lat && Lon is { } lon)
        {
            parts.Add("lat=" + lat.ToString("0.0000", CultureInfo.InvariantCulture));
            parts.Add("lon=" + lon.ToString("0.0000", CultureInfo.InvariantCulture));
        }
        if (RadiusKm is { } km) parts.Add("radius_km=" + km.ToString(CultureInfo.InvariantCulture));
        if (OpenNow) parts.Add("open_now=true");
        return string.Join('&', parts);
    }
}

/// <summary>
/// The fixed query mix (independent of N): 40% text + near a town + radius + open now + language, 20% text
/// only, 20% text + language, 20% open now + radius without text. Everyday words people type, English
/// mostly, some Spanish and Somali, a few misspelled.
/// </summary>
internal static class QueryMix
{
    /// <summary>"Now" for every benchmark query: a Wednesday, 16:30 in Chicago, when most shapes of schedule
    /// are open and evening groups are not (fixed so results do not depend on when the benchmark runs).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 22, 30, 0, TimeSpan.Zero);

    private static readonly string[] Words =
    [
        "grief", "grief support", "bereavement group", "counseling", "therapy", "therapist for anxiety", "depression",
        "anxiety", "mental health clinic", "food", "food shelf", "food pantry", "free meals", "housing", "shelter",
        "homeless shelter", "rent help", "child care", "daycare", "rides to appointments", "transportation", "veterans",
        "farm stress", "farmer", "lonely", "loneliness", "senior companions", "caregiver support", "teen mentoring",
        "family therapy", "addiction", "alcohol", "recovery meetings", "domestic violence", "peer support", "mindfulness",
        "health clinic", "psychiatry", "sliding fee", "walk-ins welcome",
        "duelo", "terapia", "comida", "despensa", "vivienda", "refugio", "consejeria", "guarderia", "transporte", "bienestar",
        "raashin", "guri", "la-talin", "murug", "caafimaad",
        "greif", "counselling", "theraphy", "shelterr", "pantyr",
    ];

    public static List<BenchQuery> Make(int count, int seed)
    {
        var r = new Random(seed);
        var queries = new List<BenchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var x = r.NextDouble();
            var kind = x < 0.4 ? "full" : x < 0.6 ? "text" : x < 0.8 ? "text+language" : "near+open";
            var text = kind == "near+open" ? null : Words[r.Next(Words.Length)];
            var language = kind is "full" or "text+language" ? Language(r) : null;
            double? lat = null, lon = null, radius = null;
            if (kind is "full" or "near+open")
            {
                var town = Generator.Towns[r.Next(Generator.Towns.Length)];
                lat = Math.Round(town.Lat + (r.NextDouble() - 0.5) * 0.05, 4);
                lon = Math.Round(town.Lon + (r.NextDouble() - 0.5) * 0.07, 4);
                radius = new[] { 5.0, 10.0, 25.0 }[r.Next(3)];
            }
            queries.Add(new BenchQuery(kind, text, language, lat, lon, radius, OpenNow: kind is "full" or "near+open"));
        }
        return queries;
    }

    private static string Language(Random r) => r.NextDouble() switch { < 0.5 => "en", < 0.85 => "es", _ => "so" };
}
