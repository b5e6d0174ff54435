namespace Kith.ServiceDirectory.Demo;

/// <summary>The Riverbend County directory (docs/demo.md): providers, places and services.</summary>
internal static partial class DemoDirectory
{
    public const string County = "county";
    public const string CountyName = "Riverbend County";

    // Provider keys.
    private const string School = "high-school", Clinic = "clinic", Parish = "st-marys", CedarCentre = "cedar-flats-centre",
        Library = "library", SeniorCentre = "senior-centre", Plant = "millside-manufacturing", VeteransHall = "veterans-hall",
        FarmBureau = "farm-bureau", PublicHealth = "public-health", FoodShelf = "food-shelf", SafeHarbor = "safe-harbor",
        Lifeline = "988-lifeline", CrisisText = "crisis-text-line", VeteransCrisis = "veterans-crisis-line",
        AgriStress = "agristress", DvHotline = "national-dv-hotline";

    /// <summary>
    /// One directory organisation per Kith demo organisation (same name and description as the community
    /// module seeds), then providers without a Kith owner: national lines and a regional shelter programme.
    /// </summary>
    public static readonly IReadOnlyList<DemoProvider> Providers =
    [
        new(School, "Riverbend High School", "Grades 9–12; counselling team and student support.", "Riverbend High School",
            "Robin Responder", "responder@riverbend.example") { Website = "https://riverbendhigh.example", Phone = "507-555-0110" },
        new(Clinic, "Riverbend Community Clinic", "Primary care, counselling and psychiatry; sliding-scale fees.", "Riverbend Community Clinic",
            "Casey Coordinator", "coordinator@riverbend.example") { Website = "https://riverbendclinic.example", Email = "hello@riverbendclinic.example", Phone = "507-555-0120", YearIncorporated = 1987 },
        new(Parish, "St. Mary's Parish", "Catholic parish; Spanish-language ministry, parenting workshops with childcare.", "St. Mary's Parish",
            "Rosa Delgado", "rdelgado@stmarysriverbend.example") { Website = "https://stmarysriverbend.example", Phone = "507-555-0130" },
        new(CedarCentre, "Cedar Flats Community Centre", "Somali community centre: youth programmes, storytelling circle, family support.", "Cedar Flats Community Centre",
            "Hodan Warsame", "hodan@cedarflats.example") { Website = "https://cedarflats.example", Phone = "507-555-0140", YearIncorporated = 2009 },
        new(Library, "Riverbend Public Library", "Library with quiet rooms, therapy-dog hours and free internet.", "Riverbend Public Library",
            "Dana Kowalski", "dkowalski@riverbendlibrary.example") { Website = "https://riverbendlibrary.example", Phone = "507-555-0150" },
        new(SeniorCentre, "Riverside Senior Centre", "Meals, activities and walk-and-talk for older residents.", "Riverside Senior Centre",
            "Marlene Olson", "molson@riversideseniors.example") { Phone = "507-555-0160" },
        new(Plant, "Millside Manufacturing", "The plant's employee assistance programme and shift-friendly support group.", "Millside Manufacturing",
            "Terrence Boyd", "wellness@millsidemfg.example") { Website = "https://millsidemfg.example", Phone = "507-555-0170" },
        new(VeteransHall, "Riverbend Veterans' Hall", "Veterans' coffee group and peer check-ins.", "Riverbend Veterans' Hall",
            "Gary Lindqvist", "post@riverbendvets.example") { Phone = "507-555-0180", YearIncorporated = 1946 },
        new(FarmBureau, "North Farms Farm Bureau", "Farm families' association; farm stress outreach.", "North Farms Farm Bureau",
            "Karen Mueller", "office@northfarmsbureau.example") { Phone = "507-555-0190" },
        new(PublicHealth, "County Public Health", "Riverbend County's public health department.", "County Public Health",
            "Lee Leader", "leader@riverbend.example") { Website = "https://health.riverbendcounty.example", Phone = "507-555-0200" },
        new(FoodShelf, "Riverbend Food Shelf", "Free groceries, no questions asked.", "Riverbend Food Shelf",
            "Miguel Ortiz", "miguel@riverbendfoodshelf.example") { Phone = "507-555-0210" },

        new(SafeHarbor, "Three Rivers Safe Harbor", "Regional domestic-violence programme for Riverbend and two neighbouring counties: a 24-hour line, a confidential safe house, and advocates who help with safety plans, protection orders and housing.",
            null, "Jo Whitfield", "advocates@threeriverssafeharbor.example") { Website = "https://threeriverssafeharbor.example", Phone = "507-555-0195", YearIncorporated = 1991 },
        new(Lifeline, "988 Suicide & Crisis Lifeline", "The national network of local crisis centres: free, confidential support for people in suicidal crisis or emotional distress, 24 hours a day.",
            null, "Lee Leader", "leader@riverbend.example") { Website = "https://988lifeline.org" },
        new(CrisisText, "Crisis Text Line", "Free, 24/7 text-based mental health support and crisis intervention from trained volunteer crisis counsellors.",
            null, "Lee Leader", "leader@riverbend.example") { Website = "https://www.crisistextline.org" },
        new(VeteransCrisis, "Veterans Crisis Line", "Confidential crisis support for veterans, service members, National Guard and Reserve members, and the people who support them.",
            null, "Lee Leader", "leader@riverbend.example") { Website = "https://www.veteranscrisisline.net" },
        new(AgriStress, "AgriStress Helpline", "A crisis and support line for people who work in agriculture and their families, answered by specialists who know farm life.",
            null, "Lee Leader", "leader@riverbend.example"),
        new(DvHotline, "National Domestic Violence Hotline", "Free, confidential support, safety planning and referrals for anyone affected by relationship abuse.",
            null, "Lee Leader", "leader@riverbend.example") { Website = "https://www.thehotline.org" },
    ];

    /// <summary>Every service, from the partial files. A property: static fields of partial classes initialise in no defined order across files.</summary>
    public static IReadOnlyList<DemoService> Services => [.. CrisisLines, .. Groups, .. Clinical, .. BasicNeeds];

    public static readonly IReadOnlyList<DemoProgram> Programs =
    [
        new("grief-pods", Clinic, "Grief pods",
            "Small, steady groups of six to eight people who share the same kind of loss, meeting for ten weeks with a trained facilitator from the clinic's counselling team. Peers who understand, not a lecture."),
        new("lay-leaders", PublicHealth, "Community lay leaders",
            "County Public Health trains pastors, barbers, coaches, imams and neighbours in psychological first aid, then supports them as they listen and connect people to help."),
    ];
}
