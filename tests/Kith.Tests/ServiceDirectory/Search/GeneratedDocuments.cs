using Kith.Platform.Time;
using Kith.ServiceDirectory.Search;

namespace Kith.Tests.ServiceDirectory.Search;

/// <summary>A deterministic directory in the shape of an Open Referral UK / HSDS feed: every service has a
/// made-up name word unique to it (so a query can aim at one service), one or two languages, places spread
/// over a 2° square, a schedule from a small set of real-world shapes, an age range, categories and the rest.</summary>
internal static class GeneratedDocuments
{
    public const double SouthWestLatitude = 44.5, SouthWestLongitude = -94.0;
    public const string Zone = "America/Chicago";

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ra", "su", "te", "vo", "ne", "di", "ba", "ro", "li"];
    private static readonly string[] Languages = ["en", "es", "so", "vi", "hm"];
    private static readonly (string Id, string Word)[] Categories =
    [
        ("t-grief", "grief support"), ("t-counselling", "counseling"), ("t-food", "food pantry"), ("t-housing", "emergency shelter"),
        ("t-childcare", "childcare"), ("t-transport", "transportation"), ("t-farm", "farm stress"), ("t-veteran", "veterans"),
        ("t-substance", "addiction recovery"), ("t-lonely", "loneliness"),
    ];
    private static readonly string[] Accessibility = ["wheelchair", "hearing-loop", "step-free", "interpreter"];
    private static readonly string[] Kinds = ["Centre", "Group", "Clinic", "Line", "Circle", "Project"];

    public static readonly OpeningRule[][] ScheduleShapes =
    [
        [new("WEEKLY", 1, "MO,TU,WE,TH,FR", null, null, null, null, null, null, new(9, 0), new(17, 0), Zone)],
        [new("DAILY", 1, null, null, null, null, null, null, null, new(20, 0), new(8, 0), Zone)],                 // overnight
        [new("DAILY", 1, null, null, null, null, null, null, null, null, null, Zone)],                           // 24 hours
        [new("WEEKLY", 1, "SA,SU", null, null, null, null, null, null, new(10, 0), new(14, 0), Zone),
         new("WEEKLY", 1, "WE", null, null, null, null, null, null, new(18, 0), new(21, 0), Zone)],
        [new("MONTHLY", 1, "1MO,-1FR", null, null, null, null, null, null, new(13, 0), new(16, 0), Zone)],
        [],                                                                                                        // hours unknown
    ];

    /// <summary>The word unique to service <paramref name="i"/>: five syllables, ten letters.</summary>
    public static string NameWord(int i)
    {
        var n = (int)((long)i * 7919 % 248832); // 12^5, and 7919 is coprime with it: no two services share a word
        var chars = new char[10];
        for (var k = 0; k < 5; k++) { Syllables[n % 12].CopyTo(chars.AsSpan(2 * k)); n /= 12; }
        return new string(chars);
    }

    public static List<SearchDocument> Create(int count, int seed = 20261122)
    {
        var random = new Random(seed);
        var documents = new List<SearchDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var category = Categories[random.Next(Categories.Length)];
            var languages = new List<string> { Languages[random.Next(3)] };
            if (random.Next(3) == 0) languages.Add(Languages[random.Next(Languages.Length)]);
            var crisis = random.Next(100) == 0;
            var places = new List<SearchPlace>();
            var areas = new List<string>();
            var placeCount = crisis ? 0 : random.Next(10) == 0 ? 0 : random.Next(3) == 0 ? 2 : 1;
            for (var p = 0; p < placeCount; p++)
            {
                var lat = SouthWestLatitude + random.NextDouble() * 2;
                var lon = SouthWestLongitude + random.NextDouble() * 2;
                var area = $"area-{(int)((lat - SouthWestLatitude) * 5)}-{(int)((lon - SouthWestLongitude) * 5)}";
                places.Add(new SearchPlace(lat, lon, $"5{random.Next(100, 999)}", area, random.Next(20) == 0));
                areas.Add(area);
            }
            decimal? min = null, max = null;
            switch (random.Next(4))
            {
                case 0: min = 0; max = 17; break;
                case 1: min = 18; break;
                case 2: min = 60; max = 120; break;
            }
            var shape = crisis ? ScheduleShapes[2] : ScheduleShapes[random.Next(ScheduleShapes.Length)];
            var word = NameWord(i);
            var name = crisis ? $"{Capital(word)} Crisis Line" : $"{Capital(word)} {Capital(category.Word)} {Kinds[random.Next(Kinds.Length)]}";
            var access = Accessibility.Where(_ => random.Next(3) == 0).ToList();
            documents.Add(new SearchDocument(
                $"svc-{i:D7}", name, null,
                $"A community service offering {category.Word} for residents. Drop in or call; we listen.",
                $"Org {i % 500}",
                [category.Word], [category.Id, "t-community"], languages, places, areas, shape,
                min, max, random.Next(2) == 0, crisis ? Delivery.Phone | Delivery.Text : (Delivery)(1 << random.Next(4)),
                access, random.Next(3) == 0 ? random.Next(1, 20) : null, random.Next(4) == 0,
                new DateOnly(2026, 1, 1).AddDays(random.Next(300)), crisis));
        }
        return documents;
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
