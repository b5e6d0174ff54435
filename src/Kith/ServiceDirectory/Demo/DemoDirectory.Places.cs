namespace Kith.ServiceDirectory.Demo;

internal static partial class DemoDirectory
{
    /// <summary>One invented ZIP code per area, so every address in an area agrees.</summary>
    public static readonly IReadOnlyDictionary<string, string> PostalCodes = new Dictionary<string, string>
    {
        ["old-town"] = "55901", ["millside"] = "55902", ["eastbank"] = "55903", ["cedar-flats"] = "55904",
        ["riverside"] = "55905", ["north-farms"] = "55906", ["southgate"] = "55907", ["hillcrest"] = "55908",
    };

    private static readonly string[] FullAccess = ["wheelchair", "step-free", "accessible-toilet", "parking"];

    public static readonly IReadOnlyList<DemoPlace> Places =
    [
        // Old Town
        new("clinic", Clinic, "Riverbend Community Clinic", "old-town", "210 Main Street", 44.0120, -93.0240)
        {
            Description = "Two-storey clinic downtown; counselling is on the second floor (lift by the front desk).",
            Transportation = "Buses 1 and 3 stop at Main & 2nd, half a block away; free parking behind the building.",
            Access = [.. FullAccess, "interpreter"], AccessDetails = "Lift to the second floor; phone interpreters for any language at no cost.",
            Phone = "507-555-0120",
        },
        DemoPlace.Virtual("clinic-telehealth", Clinic, "Riverbend Community Clinic telehealth", "https://riverbendclinic.example/telehealth",
            "Secure video appointments from home; a link is sent by text before each visit."),
        new("library", Library, "Riverbend Public Library", "old-town", "400 Water Street", 44.0180, -93.0300)
        {
            Description = "The main library by the river; community rooms on the ground floor.",
            Transportation = "Bus 1 stops on Water Street; bike racks and 2-hour parking on Front Street.",
            Access = ["wheelchair", "step-free", "accessible-toilet", "hearing-loop", "quiet-space", "large-print"],
            AccessDetails = "Hearing loop in both community rooms; large-print and audio books on the ground floor.",
            Phone = "507-555-0150",
        },
        new("government-center", PublicHealth, "Riverbend County Government Center", "old-town", "151 4th Street SE", 44.0090, -93.0180)
        {
            Description = "County Public Health is on the first floor, room 120.",
            Transportation = "Buses 1, 2 and 3 stop at the Government Center; visitor parking on 4th Street.",
            Access = [.. FullAccess, "hearing-loop", "interpreter", "sign-language"],
            AccessDetails = "ASL interpreters on request with two days' notice; phone interpreters at once.",
            Phone = "507-555-0100",
        },
        new("safe-harbor-office", SafeHarbor, "Three Rivers Safe Harbor outreach office", "old-town", "27 Court Street", 44.0210, -93.0150)
        {
            Description = "Across from the courthouse; advocates can walk with you to court.",
            Transportation = "Bus 2 stops at the courthouse; metered parking on Court Street.",
            Access = ["wheelchair", "step-free", "interpreter"],
            Phone = "507-555-0195",
        },
        // Millside
        new("plant", Plant, "Millside Manufacturing wellness room", "millside", "1800 Industrial Parkway", 43.9780, -93.0720)
        {
            Description = "Wellness room off the main break room, gate 2.",
            Transportation = "Bus 4 runs to the plant gate at every shift change; staff parking lot B.",
            Access = ["wheelchair", "step-free", "accessible-toilet"],
        },
        new("barbershop", PublicHealth, "Sharp & Steady Barbershop", "millside", "512 Mill Street", 43.9860, -93.0580)
        {
            Description = "A neighbourhood barbershop whose barbers are trained lay listeners.",
            Transportation = "Bus 4 stops at Mill & 5th; street parking.",
            Access = ["step-free"],
            Phone = "507-555-0173",
        },
        // Eastbank
        new("high-school", School, "Riverbend High School", "eastbank", "2500 Eagle Drive", 44.0180, -92.9350)
        {
            Description = "Student services are through the main entrance, first door on the left.",
            Transportation = "School buses and bus 5; visitor parking by the main entrance.",
            Access = [.. FullAccess, "quiet-space"],
            Phone = "507-555-0110",
        },
        // Cedar Flats
        new("cedar-centre", CedarCentre, "Cedar Flats Community Centre", "cedar-flats", "940 Cedar Avenue", 43.9810, -93.0260)
        {
            Description = "Community centre next to the mosque; youth room downstairs, family room upstairs.",
            Transportation = "Bus 2 stops at Cedar & 9th, at the door; free parking lot.",
            Access = [.. FullAccess, "interpreter"], AccessDetails = "Somali-speaking staff at the front desk every day.",
            Phone = "507-555-0140",
        },
        // Riverside
        new("senior-centre", SeniorCentre, "Riverside Senior Centre", "riverside", "75 Riverside Drive", 44.0160, -92.9820)
        {
            Description = "Rebuilt after the wildfire; dining room, lounge and craft room on one level.",
            Transportation = "Bus 6 stops at the door; Dial-a-Ride drops off at the covered entrance.",
            Access = [.. FullAccess, "hearing-loop", "large-print"],
            Phone = "507-555-0160",
        },
        new("riverside-park", SeniorCentre, "Riverside Park pavilion", "riverside", "10 Park Road", 44.0240, -92.9750)
        {
            Description = "Meet at the pavilion by the boat launch; the river trail is paved and flat.",
            Transportation = "Bus 6 stops at Park Road; free parking at the pavilion.",
            Access = ["wheelchair", "parking"], AccessDetails = "Paved, level loop of 1.2 miles with benches every quarter mile.",
        },
        new("recovery-centre", PublicHealth, "Riverside Recovery Centre", "riverside", "300 Willow Street", 44.0080, -92.9900)
        {
            Description = "The wildfire recovery centre in the old fire hall (now closed).",
            Transportation = "Bus 6 stops on Willow Street.",
            Access = ["wheelchair", "step-free"],
        },
        // North Farms
        new("farm-bureau", FarmBureau, "North Farms Farm Bureau office", "north-farms", "31870 County Road 12", 44.0180, -93.0700)
        {
            Description = "Farm bureau office and meeting hall at the grain elevator crossroads.",
            Transportation = "No bus; ask about rides. Big lot with room for trucks and trailers.",
            Access = ["wheelchair", "step-free", "parking"],
            Phone = "507-555-0190",
        },
        // Southgate
        new("st-marys", Parish, "St. Mary's Parish Hall", "southgate", "620 South Broadway", 43.9820, -92.9820)
        {
            Description = "The parish hall beside the church; the nursery room is next to the hall.",
            Transportation = "Bus 3 stops at South Broadway & Elm; parking behind the church.",
            Access = [.. FullAccess, "interpreter"], AccessDetails = "Bilingual Spanish–English volunteers at every event.",
            Phone = "507-555-0130",
        },
        new("food-shelf", FoodShelf, "Riverbend Food Shelf", "southgate", "805 South Broadway", 43.9750, -92.9750)
        {
            Description = "Choose your own groceries, like a small store.",
            Transportation = "Bus 3 stops at the door; free parking and a loading zone for carts.",
            Access = ["wheelchair", "step-free", "parking"],
            Phone = "507-555-0199",
        },
        new("family-shelter", Parish, "St. Mary's Family Shelter", "southgate", "418 Linden Street", 43.9900, -92.9900)
        {
            Description = "Emergency shelter for families; the address is given by phone after intake.",
            Access = ["wheelchair", "accessible-toilet"], Confidential = true, Phone = "507-555-0135",
        },
        // Hillcrest
        new("veterans-hall", VeteransHall, "Riverbend Veterans' Hall", "hillcrest", "1200 Hillcrest Road", 43.9830, -92.9350)
        {
            Description = "The hall and its canteen; coffee is always on.",
            Transportation = "Bus 5 stops at Hillcrest & Oak, two blocks away; free parking.",
            Access = [.. FullAccess, "hearing-loop"],
            Phone = "507-555-0180",
        },
        new("safe-house", SafeHarbor, "Safe Harbor House", "hillcrest", "88 Prairie Lane", 43.9760, -92.9250)
        {
            Description = "Confidential safe house for people escaping abuse and their children.",
            Access = ["wheelchair", "step-free", "accessible-toilet"], Confidential = true, Phone = "507-555-0197",
        },
    ];
}
