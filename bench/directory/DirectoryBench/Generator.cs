using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith.ServiceDirectory.Search;

namespace DirectoryBench;

/// <summary>One generated service: what the Kith engine indexes and what its result card shows. The
/// PostgreSQL baseline loads the very same objects.</summary>
internal sealed record BenchService(SearchDocument Document, ServiceCard Card);

/// <summary>
/// A deterministic directory of N services spread over ~100×100 km around 44.0 N, 93.0 W: towns with
/// clustered places, need-specific names and descriptions (with synonyms, some Spanish and Somali),
/// languages, weekly schedules of a few real shapes (office hours, evenings, weekends, overnight, 24/7),
/// ages, free flags, delivery and categories. Same seed and N → same services, on every machine.
/// </summary>
internal static class Generator
{
    public const double CenterLatitude = 44.0, CenterLongitude = -93.0;
    public const double HalfSpanLatitude = 0.45;                                          // ≈ 50 km
    public static readonly double HalfSpanLongitude = 0.45 / Math.Cos(CenterLatitude * Math.PI / 180); // ≈ 50 km
    public const string TimeZone = "America/Chicago";

    /// <summary>Town centres (same for every N): places cluster around them, queries are asked near them.</summary>
    public static readonly (string Name, double Lat, double Lon, string Zip)[] Towns = MakeTowns();

    private sealed record Need(string Code, string[] EnglishNouns, string[] Spanish, string[] Somali, string[] Kinds, string[] Phrases);

    private static readonly Need[] Needs =
    [
        new("grief", ["Grief", "Bereavement", "Loss"], ["Duelo", "Luto"], ["Murug"], ["Support Group", "Circle", "Counseling"],
            ["people grieving the death of a loved one", "bereavement support after a loss", "mourning and grief after a suicide loss"]),
        new("counselling", ["Counseling", "Therapy", "Mental Health"], ["Consejería", "Terapia"], ["La-talin"], ["Clinic", "Center", "Services"],
            ["individual and family therapy", "counselling for anxiety and depression", "licensed therapists and counselors"]),
        new("peer-support", ["Peer Support", "Recovery", "Wellness"], ["Apoyo Mutuo"], ["Taageero"], ["Group", "Network", "Drop-in"],
            ["peer-led groups for people living with mental illness", "a drop-in space run by people with lived experience"]),
        new("substance-use", ["Recovery", "Addiction", "Sober Living"], ["Adicciones"], ["Maandooriye"], ["Program", "Clinic", "Meetings"],
            ["help with alcohol and drug use", "outpatient addiction treatment", "support for families affected by substance use"]),
        new("youth", ["Youth", "Teen", "Family"], ["Jóvenes", "Familias"], ["Dhalinyarada"], ["Center", "Mentoring", "Program"],
            ["after-school support for teens", "mentoring and counseling for young people", "family therapy for children and parents"]),
        new("older-adults", ["Senior", "Elder", "Aging"], ["Mayores"], ["Waayeelka"], ["Services", "Companions", "Center"],
            ["visits and phone calls for isolated older adults", "caregiver support and respite", "help for lonely seniors"]),
        new("veterans", ["Veterans", "Military Family"], ["Veteranos"], ["Askarta Hore"], ["Outreach", "Center", "Support"],
            ["support for veterans and military families", "peer mentoring for veterans returning home"]),
        new("farm-stress", ["Farm Stress", "Rural Wellness", "Farmer"], ["Agricultores"], ["Beeralayda"], ["Line", "Outreach", "Network"],
            ["confidential help for farmers under financial stress", "rural mental health outreach for farm families"]),
        new("food", ["Food Shelf", "Community Meals", "Food Pantry"], ["Despensa", "Comida"], ["Raashin", "Cunto"], ["", "Program", "Distribution"],
            ["free groceries and hot meals", "a food pantry open to anyone in need", "emergency food boxes for families"]),
        new("housing", ["Housing", "Shelter", "Homeless Services"], ["Vivienda", "Refugio"], ["Guri", "Hoy"], ["Center", "Program", "Services"],
            ["emergency shelter for people experiencing homelessness", "help finding housing and paying rent", "a warming shelter in winter"]),
        new("childcare", ["Child Care", "Early Learning", "Daycare"], ["Guardería"], ["Daryeelka Carruurta"], ["Center", "Program", ""],
            ["affordable child care for working parents", "early learning and parenting support"]),
        new("transport", ["Rides", "Transit", "Transportation"], ["Transporte"], ["Gaadiid"], ["Program", "Service", ""],
            ["free rides to medical appointments", "volunteer drivers for people without a car"]),
        new("wellbeing", ["Wellbeing", "Community Connection", "Mindfulness"], ["Bienestar"], ["Caafimaadka"], ["Group", "Workshops", "Center"],
            ["mindfulness and stress reduction classes", "social groups to reduce loneliness and isolation"]),
        new("abuse", ["Safe Haven", "Domestic Violence", "Family Safety"], ["Refugio Seguro"], ["Badbaado"], ["Services", "Advocacy", "Program"],
            ["confidential advocacy for survivors of domestic violence", "safety planning and legal help"]),
        new("health", ["Community Health", "Family Clinic", "Health"], ["Salud"], ["Caafimaad"], ["Clinic", "Center", "Services"],
            ["primary care with a sliding fee scale", "psychiatry and medication management", "health screenings and vaccines"]),
    ];

    private static readonly string[] OrgPatterns = ["{0} Community Services", "{0} Area Family Services", "Lutheran Social Services of {0}",
        "{0} County Human Services", "Catholic Charities {0}", "{0} Health Partners", "{0} Mutual Aid", "{0} Neighbors United"];
    private static readonly string[] Streets = ["Main St", "Oak Ave", "River Rd", "2nd St", "Elm St", "Broadway", "Lake St", "Center Ave", "Mill Rd", "Park Ave"];
    private static readonly string[] Filler = ["Walk-ins welcome.", "Call ahead for an appointment.", "Interpreters on request.",
        "No insurance needed.", "Sliding fee scale.", "Serving the whole county.", "Bring an ID if you have one.", "Parking behind the building."];
    private static readonly string[] AccessCodes = ["wheelchair", "step-free", "accessible-toilet", "hearing-loop", "interpreter", "quiet-space", "parking"];

    public static List<BenchService> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var services = new List<BenchService>(count);
        for (var i = 0; i < count; i++) services.Add(One(random, i));
        return services;
    }

    private static BenchService One(Random r, int i)
    {
        var id = $"svc-{i:D7}";
        var need = Needs[r.Next(Needs.Length)];
        var town = Towns[r.Next(Towns.Length)];
        var spanish = r.NextDouble() < 0.12;
        var somali = !spanish && r.NextDouble() < 0.05;
        var kind = Pick(r, need.Kinds);
        var name = spanish ? $"{Pick(r, need.Spanish)} {town.Name}"
            : somali ? $"{Pick(r, need.Somali)} {town.Name}"
            : $"{town.Name} {Pick(r, need.EnglishNouns)} {kind}".Trim().Replace("  ", " ");
        var org = string.Format(Pick(r, OrgPatterns), town.Name);
        var description = $"{org} offers {Pick(r, need.Phrases)} in {town.Name} and nearby. {Pick(r, need.Phrases)}, {Pick(r, Filler)} {Pick(r, Filler)}"
            + (spanish ? $" Se habla español: {Pick(r, need.Spanish).ToLowerInvariant()}." : "")
            + (somali ? $" Waxaan ku hadalnaa Af-Soomaali: {Pick(r, need.Somali).ToLowerInvariant()}." : "");

        var languages = new List<string>(3);
        if (!spanish && !somali || r.NextDouble() < 0.7) languages.Add("en");
        if (spanish || r.NextDouble() < 0.10) languages.Add("es");
        if (somali || r.NextDouble() < 0.04) languages.Add("so");

        var places = new List<SearchPlace>(2);
        var placeCount = r.NextDouble() < 0.7 ? 1 : 2;
        var addresses = new List<string>(2);
        for (var p = 0; p < placeCount; p++)
        {
            var t = p == 0 ? town : Towns[r.Next(Towns.Length)];
            // 80% within a few km of a town centre, 20% anywhere (rural).
            double lat, lon;
            if (r.NextDouble() < 0.8) { lat = t.Lat + Gaussian(r) * 0.03; lon = t.Lon + Gaussian(r) * 0.04; }
            else { lat = CenterLatitude + (r.NextDouble() * 2 - 1) * HalfSpanLatitude; lon = CenterLongitude + (r.NextDouble() * 2 - 1) * HalfSpanLongitude; }
            var confidential = need.Code == "abuse" && r.NextDouble() < 0.5;
            places.Add(new SearchPlace(Math.Round(lat, 6), Math.Round(lon, 6), confidential ? null : t.Zip, null, confidential));
            if (!confidential) addresses.Add($"{r.Next(1, 2999)} {Pick(r, Streets)}, {t.Name}, {t.Zip}");
        }

        var termIds = new List<string> { KithVocabulary.NeedId(need.Code) };
        var keywords = new List<string> { KithVocabulary.Needs.First(n => n.Code == need.Code).Name };
        var delivery = Delivery.InPerson;
        if (r.NextDouble() < 0.35) delivery |= Delivery.Phone;
        if (r.NextDouble() < 0.10) delivery |= Delivery.Text;
        if (r.NextDouble() < 0.15) delivery |= Delivery.Video;

        (decimal? Min, decimal? Max) ages = need.Code switch
        {
            "youth" => (r.NextDouble() < 0.5 ? 12m : 0m, r.NextDouble() < 0.5 ? 17m : 24m),
            "older-adults" => (60m, (decimal?)null),
            "childcare" => (0m, 12m),
            _ => r.NextDouble() < 0.7 ? (null, null) : (18m, null),
        };
        var (minAge, maxAge) = ages;
        var access = AccessCodes.Where(_ => r.NextDouble() < 0.25).ToList();
        var free = need.Code is "food" or "peer-support" or "transport" || r.NextDouble() < 0.45;
        int? capacity = r.NextDouble() < 0.1 ? r.Next(0, 12) : null;
        var assured = DateOnly.FromDayNumber(new DateOnly(2026, 11, 1).DayNumber - r.Next(0, 700));
        var phone = $"507-{r.Next(200, 999)}-{r.Next(1000, 9999)}";

        var document = new SearchDocument(id, name, null, description, org, keywords, termIds, languages, places, [], Schedule(r, need.Code),
            minAge, maxAge, free, delivery, access, capacity, capacity == 0 && r.NextDouble() < 0.5, assured, IsCrisisLine: false);
        var card = new ServiceCard(id, name, org, description[..Math.Min(description.Length, 160)], $"https://example.org/{id}", null,
            [new CardPhone(phone, "voice", null)], addresses, [], free ? "Free" : "Sliding fee scale", null, [need.Code]);
        return new BenchService(document, card);
    }

    /// <summary>A weekly schedule of one of a few real shapes (10% have none: hours unknown).</summary>
    private static List<OpeningRule> Schedule(Random r, string need)
    {
        var x = r.NextDouble();
        if (need == "housing" && x < 0.4) return [Daily(new TimeOnly(19, 0), new TimeOnly(7, 0))];      // overnight shelter
        return x switch
        {
            < 0.33 => [Weekly("MO,TU,WE,TH,FR", 9, 0, 17, 0)],
            < 0.48 => [Weekly("MO,TU,WE,TH,FR", 8, 0, 16, 30), Weekly("SA", 10, 0, 14, 0)],
            < 0.58 => [Weekly("MO,TU,WE,TH,FR", 8, 0, 12, 0), Weekly("MO,TU,WE,TH,FR", 13, 0, 17, 0)],
            < 0.68 => [Weekly(r.NextDouble() < 0.5 ? "TU,TH" : "MO,WE", 18, 0, 20, 0)],                    // evening groups
            < 0.74 => [Weekly("MO,TU,WE,TH", 17, 0, 21, 0)],
            < 0.80 => [Weekly("SA,SU", 10, 0, 16, 0)],
            < 0.86 => [Daily(null, null)],                                                                   // 24/7
            < 0.90 => [Daily(new TimeOnly(19, 0), new TimeOnly(7, 0))],
            _ => [],
        };
    }

    private static OpeningRule Weekly(string days, int oh, int om, int ch, int cm) =>
        new("WEEKLY", 1, days, null, null, null, null, null, null, new TimeOnly(oh, om), new TimeOnly(ch, cm), TimeZone);

    private static OpeningRule Daily(TimeOnly? opens, TimeOnly? closes) =>
        new("DAILY", 1, null, null, null, null, null, null, null, opens, closes, TimeZone);

    private static (string, double, double, string)[] MakeTowns()
    {
        string[] names = ["Riverbend", "Cedar Falls", "Oakdale", "Millbrook", "Prairie View", "Stonebridge", "Maple Grove", "Fairmont",
            "Northfield", "Willow Creek", "Granite Lake", "Pine City", "Bluff Spring", "Elk River", "Sunrise", "Clearwater",
            "Harmony", "Westbrook", "Lakeville", "Hillside", "Brookside", "Eastwood", "Silver Bay", "Red Wing", "Kasson",
            "Zumbro", "Wanamingo", "Hayfield", "Dodge Center", "Pine Island", "Byron", "Stewartville", "Chatfield", "Eyota", "Dover", "Plainview"];
        var r = new Random(44093);
        return names.Select((n, i) => (n,
            Math.Round(CenterLatitude + (r.NextDouble() * 2 - 1) * HalfSpanLatitude * 0.85, 4),
            Math.Round(CenterLongitude + (r.NextDouble() * 2 - 1) * HalfSpanLongitude * 0.85, 4),
            $"55{900 + i:D3}")).ToArray();
    }

    private static string Pick(Random r, string[] items) => items[r.Next(items.Length)];

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
