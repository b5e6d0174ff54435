using static Kith.ServiceDirectory.Demo.DemoHours;
using static Kith.ServiceDirectory.Demo.DemoPhone;

namespace Kith.ServiceDirectory.Demo;

internal static partial class DemoDirectory
{
    /// <summary>Food, housing, safety, childcare, transport and places to be: the ground the rest stands on.</summary>
    private static readonly DemoService[] BasicNeeds =
    [
        new("food-shelf", FoodShelf, "Riverbend Food Shelf",
            "Choose a week of groceries — fresh produce, milk, eggs, meat, halal and culturally familiar foods — once a week, no questions asked. Diapers and hygiene items too.")
        {
            Needs = ["food"], Places = ["food-shelf"], Languages = ["en", "es"], Interpretation = "Somali-speaking volunteers on Thursdays.",
            ApplicationProcess = "Come during open hours and give your name and household size; no ID or proof of income needed.",
            Phones = [Voice("507-555-0199")],
            Hours = [Weekly("TU,TH", "10:00", "18:00", "Tuesdays and Thursdays 10 am to 6 pm."), Weekly("SA", "09:00", "12:00", "Saturdays 9 am to noon.")],
            ServiceAreas = [County], Capacity = new("household boxes this week", 85, 220, "Grocery visits left this week"),
            Funding = "Second Harvest food bank partnership and local donors", VerifiedDaysAgo = 3,
        },
        new("mobile-pantry", FoodShelf, "Mobile pantry",
            "The food shelf's truck brings free groceries to neighbourhoods far from the store: the farm bureau, the Veterans' Hall and Cedar Flats.")
        {
            Needs = ["food"], Places = ["farm-bureau", "veterans-hall", "cedar-centre"], Languages = ["en", "es", "so"],
            ApplicationProcess = "Just come to a stop; bring bags if you can.", Phones = [Voice("507-555-0199")],
            Hours =
            [
                Monthly("1WE", "15:00", "18:00", "First Wednesday, 3 to 6 pm, at the farm bureau.") with { Place = "farm-bureau" },
                Monthly("3WE", "15:00", "18:00", "Third Wednesday, 3 to 6 pm, at the Veterans' Hall.") with { Place = "veterans-hall" },
                Monthly("2FR", "14:00", "17:00", "Second Friday, 2 to 5 pm, at the community centre.") with { Place = "cedar-centre" },
            ],
            ServiceAreas = ["north-farms", "hillcrest", "cedar-flats"], VerifiedDaysAgo = 26,
        },
        new("senior-meals", SeniorCentre, "Senior meals at Riverside",
            "A hot lunch with company, five days a week, in the senior centre dining room. Special diets on request.")
        {
            Needs = ["food", "older-adults"], Places = ["senior-centre"], MinimumAge = 60, Eligibility = "People 60 and older and their spouses of any age.",
            Fees = "Suggested contribution $4; nobody is turned away.", Costs = [new("Suggested contribution", 0m, "$4 suggested, pay what you can")],
            ApplicationProcess = "Call 507-555-0160 by 10 am the day before to reserve a meal.", Phones = [Voice("507-555-0160")],
            Hours = [Weekly(Weekdays, "11:30", "13:00", "Monday to Friday 11:30 am to 1 pm.")], ServiceAreas = [County],
            Funding = "Older Americans Act nutrition programme", VerifiedDaysAgo = 90,
        },
        new("meals-on-wheels", SeniorCentre, "Home-delivered meals",
            "Volunteers bring a hot midday meal to your door and stay for a short chat — for many, the one visit of the day.")
        {
            Needs = ["food", "older-adults"], Delivery = ["in-person"], Places = ["senior-centre"], MinimumAge = 60,
            Eligibility = "People 60 and older who can't easily shop or cook.", Fees = "Suggested contribution $5 a meal; nobody is turned away.",
            Costs = [new("Suggested contribution", 0m, "$5 suggested, pay what you can")], ApplicationProcess = "Call 507-555-0162; a volunteer visits to sign you up.",
            Phones = [Voice("507-555-0162")], Hours = [Weekly(Weekdays, "10:30", "13:00", "Deliveries Monday to Friday.")], ServiceAreas = [County], VerifiedDaysAgo = 195,
        },
        new("friendly-calls", SeniorCentre, "Friendly phone calls",
            "A volunteer calls you every day at a time you choose, just to talk and make sure you're all right. If you don't answer, they check on you.")
        {
            Needs = ["older-adults", "wellbeing"], Delivery = ["phone"], MinimumAge = 60, Eligibility = "Older adults who live alone or feel lonely.",
            ApplicationProcess = "Call 507-555-0163 to sign up yourself or someone you care about.", Phones = [Voice("507-555-0163")],
            Hours = [Daily("09:00", "17:00", "Calls every day between 9 am and 5 pm.")], ServiceAreas = [County], VerifiedDaysAgo = 67,
        },
        new("community-supper", Parish, "Wednesday community supper",
            "A free hot supper for anyone who comes, served at long tables so nobody eats alone. Cena comunitaria gratis todos los miércoles.")
        {
            Needs = ["food", "wellbeing"], Places = ["st-marys"], Languages = ["en", "es"],
            Hours = [Weekly("WE", "17:30", "19:00", "Wednesdays 5:30 to 7 pm.")], ServiceAreas = [County], VerifiedDaysAgo = 230,
        },
        new("housing-help", PublicHealth, "Housing help desk",
            "Behind on rent, facing eviction or sleeping in your car? A housing navigator helps with emergency rental assistance, landlord mediation and applications for affordable housing.")
        {
            Needs = ["housing"], Delivery = ["in-person", "phone"], Places = ["government-center"], Interpretation = "Phone interpreters for any language.",
            ApplicationProcess = "Call 507-555-0107 or walk in; bring any papers you have, but don't wait for them.",
            Documents = ["Photo ID", "Your lease or eviction notice, if you have one", "Proof of income for the last 30 days"],
            Phones = [Voice("507-555-0107")], Hours = [Weekly(Weekdays, "08:00", "16:30", "Monday to Friday 8 am to 4:30 pm.")],
            ServiceAreas = [County], Funding = "Minnesota Family Homeless Prevention and Assistance Program", VerifiedDaysAgo = 110,
        },
        new("family-shelter", Parish, "Emergency shelter for families",
            "Safe beds, meals and showers for families with children who have nowhere to stay tonight, plus help finding housing. The location is kept confidential to protect families.")
        {
            Needs = ["housing", "youth"], Places = ["family-shelter"], Languages = ["en", "es"], Eligibility = "Families with children, and pregnant people.",
            ApplicationProcess = "Call 507-555-0135 at any hour for intake; staff will tell you where to go.",
            Phones = [Voice("507-555-0135", "Intake, 24 hours")], Hours = [AllDay], ServiceAreas = [County],
            Capacity = new("beds", 4, 24, "Beds free tonight"), VerifiedDaysAgo = 5,
        },
        new("safe-house", SafeHarbor, "Safe Harbor House",
            "A confidential safe house for adults and children escaping abuse: a private room, advocates on site day and night, and help with what comes next. Pets welcome.")
        {
            Needs = ["abuse", "housing"], Places = ["safe-house"], Languages = ["en", "es"], Interpretation = "Phone interpreters for any language.",
            Eligibility = "Anyone experiencing domestic or sexual violence, with their children.",
            ApplicationProcess = "Call the 24-hour line at 507-555-0196; an advocate arranges a safe meeting place. The address is never given out.",
            Phones = [Voice("507-555-0196", "24-hour line")], Hours = [AllDay], ServiceAreas = [County],
            Capacity = new("beds", 2, 14, "Beds free tonight"), Funding = "Minnesota Office of Justice Programs", VerifiedDaysAgo = 16,
        },
        new("dv-advocacy", SafeHarbor, "Advocacy and protection-order help",
            "An advocate explains your options, helps with a safety plan and an order for protection, and goes to court with you.")
        {
            Needs = ["abuse"], Delivery = ["in-person", "phone"], Places = ["safe-harbor-office"], Languages = ["en", "es"],
            ApplicationProcess = "Walk in or call 507-555-0195.", Phones = [Voice("507-555-0195")],
            Hours = [Weekly(Weekdays, "09:00", "17:00", "Monday to Friday 9 am to 5 pm.")], ServiceAreas = [County], VerifiedDaysAgo = 84,
        },
        new("youth-drop-in", CedarCentre, "Youth drop-in and homework club",
            "A place to be after school: homework help, basketball, video games, snacks and a youth worker to talk to.")
        {
            Needs = ["youth", "wellbeing"], Places = ["cedar-centre"], Languages = ["so", "en"], MinimumAge = 11, MaximumAge = 18,
            Hours = [Weekly("MO,TU,WE,TH", "15:30", "19:00", "Monday to Thursday 3:30 to 7 pm.")], ServiceAreas = ["cedar-flats", "millside", "old-town"], VerifiedDaysAgo = 39,
        },
        new("teen-thursdays", Library, "Teen Thursdays at the library",
            "Games, crafts and pizza in the teen room, and a librarian who knows where to find help with anything.")
        {
            Needs = ["youth", "wellbeing"], Places = ["library"], MinimumAge = 12, MaximumAge = 18,
            Hours = [Weekly("TH", "15:30", "18:00", "Thursdays 3:30 to 6 pm.")], ServiceAreas = [County], VerifiedDaysAgo = 250,
        },
        new("after-school-childcare", CedarCentre, "After-school childcare",
            "Licensed after-school care with Somali- and English-speaking staff, Quran study and homework time.")
        {
            Needs = ["childcare", "youth"], Places = ["cedar-centre"], Languages = ["so", "en"], MinimumAge = 5, MaximumAge = 12,
            Fees = "Sliding scale, $0 to $60 a week; childcare assistance accepted.",
            Costs = [new("Sliding scale", 0m, "$0 to $60 a week depending on income"), new("Full fee", 60m, "Per week")],
            ApplicationProcess = "Fill in an enrolment form at the front desk.", Documents = ["Child's immunisation record"],
            Hours = [Weekly(Weekdays, "14:30", "18:00", "School days 2:30 to 6 pm.")], ServiceAreas = ["cedar-flats"], VerifiedDaysAgo = 140,
        },
        new("drop-in-childcare", Parish, "Drop-in childcare during appointments",
            "Free childcare in the parish nursery while you go to an appointment, a job interview or just need two hours.")
        {
            Needs = ["childcare"], Places = ["st-marys"], Languages = ["es", "en"], MinimumAge = 0, MaximumAge = 10,
            ApplicationProcess = "Call or text 507-555-0133 a day ahead.", Phones = [Voice("507-555-0133"), Text("507-555-0133")],
            Hours = [Weekly("MO,WE,FR", "09:00", "13:00", "Mondays, Wednesdays and Fridays 9 am to 1 pm.")], ServiceAreas = ["southgate"],
            Capacity = new("places", 3, 8, "Childcare places free tomorrow"), VerifiedDaysAgo = 75,
        },
        new("riverbend-rides", PublicHealth, "Rides to appointments",
            "Volunteer drivers take you to medical, counselling, dental and food-shelf appointments anywhere in the county — and to Rochester for specialists.")
        {
            Needs = ["transport", "health"], Delivery = ["phone", "in-person"], Places = ["government-center"],
            Eligibility = "County residents without a car or who can't drive; priority for farms and Hillcrest.",
            ApplicationProcess = "Call 507-555-0108 at least two working days ahead.", Phones = [Voice("507-555-0108")],
            Hours = [Weekly(Weekdays, "07:00", "18:00", "Booking line Monday to Friday 7 am to 6 pm.")], ServiceAreas = [County], VerifiedDaysAgo = 98,
        },
        new("va-van", VeteransHall, "Veterans' van to VA appointments",
            "A volunteer-driven van to the Minneapolis VA and the Rochester VA clinic, leaving the Veterans' Hall early in the morning.")
        {
            Needs = ["transport", "veterans"], Places = ["veterans-hall"], Eligibility = "Veterans with a VA appointment; a companion may ride along.",
            ApplicationProcess = "Call 507-555-0182 by noon the day before.", Phones = [Voice("507-555-0182")],
            Hours = [Weekly("TU,TH", "06:00", "17:00", "Tuesdays and Thursdays; leaves at 6 am.")], ServiceAreas = [County], VerifiedDaysAgo = 420,
        },
        new("library-quiet-room", Library, "Library quiet room",
            "A calm, private room to breathe, pray, cry or just be alone for a while. Soft light, a comfortable chair and a list of who to call.")
        {
            Needs = ["wellbeing"], Places = ["library"],
            Hours = [Weekly("MO,TU,WE,TH", "09:00", "20:00", "Monday to Thursday 9 am to 8 pm."), Weekly("FR,SA", "09:00", "17:00", "Friday and Saturday 9 am to 5 pm.")],
            ServiceAreas = [County], VerifiedDaysAgo = 180 + 45,
        },
        new("farm-financial-counselling", FarmBureau, "Farm family financial counselling",
            "A farm financial analyst sits at your kitchen table or the bureau office to look at cash flow, loans and options — restructuring, transition or sale — confidentially and for free.")
        {
            Needs = ["farm-stress"], Delivery = ["in-person", "phone"], Places = ["farm-bureau"],
            Eligibility = "Farm families in Riverbend County, members or not.", Documents = ["Recent tax return and loan statements, if you have them"],
            ApplicationProcess = "Call 507-555-0192 to book; visits at your farm if you prefer.", Phones = [Voice("507-555-0192")],
            Hours = [Weekly(Weekdays, "07:00", "19:00", "By appointment, Monday to Friday 7 am to 7 pm.")], ServiceAreas = [County],
            Funding = "Minnesota Farm Advocates programme", VerifiedDaysAgo = 205,
        },
        new("farm-kitchen-table", FarmBureau, "Kitchen-table visits for farm families",
            "A farm outreach worker who grew up farming visits you at home to talk about stress, sleep and family — and to listen.")
        {
            Needs = ["farm-stress", "wellbeing"], Places = ["farm-bureau"], ApplicationProcess = "Call or text 507-555-0191.",
            Phones = [Voice("507-555-0191"), Text("507-555-0191")], Hours = [Weekly("MO,TU,WE,TH,FR,SA", "08:00", "20:00", "Visits Monday to Saturday.")],
            ServiceAreas = ["north-farms"], VerifiedDaysAgo = 31,
        },
        new("wildfire-recovery", PublicHealth, "Riverside wildfire recovery centre",
            "Drop-in help for households affected by the Riverside wildfire: insurance claims, rebuilding permits, counselling and supplies.")
        {
            Status = "inactive", Alert = "Closed: the recovery centre shut after the rebuild. Housing help and counselling continue at the Government Center.",
            Needs = ["housing", "crisis"], Places = ["recovery-centre"], Hours = [Weekly(Weekdays, "09:00", "17:00", "Was open Monday to Friday 9 am to 5 pm.")],
            ServiceAreas = ["riverside"], VerifiedDaysAgo = 400,
        },
        new("old-warmline", PublicHealth, "Riverbend peer warmline",
            "The county's evening peer warmline, replaced by the Kith lines (farm, veterans, Spanish and Somali).")
        {
            Status = "defunct", Needs = ["peer-support"], Delivery = ["phone"], Phones = [Voice("507-555-0109", "No longer in service")],
            ServiceAreas = [County], VerifiedDaysAgo = 420,
        },
    ];
}
