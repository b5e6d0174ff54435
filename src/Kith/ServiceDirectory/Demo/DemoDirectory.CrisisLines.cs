using static Kith.ServiceDirectory.Demo.DemoHours;
using static Kith.ServiceDirectory.Demo.DemoPhone;

namespace Kith.ServiceDirectory.Demo;

internal static partial class DemoDirectory
{
    private const string LineBackup = "When the line is closed, texts and calls pass to the 988 Lifeline, so nobody is left without an answer.";

    /// <summary>National crisis numbers and the four lines Riverbend runs in Kith, all carrying "crisis-line".</summary>
    private static readonly DemoService[] CrisisLines =
    [
        new("988-lifeline", Lifeline, "988 Suicide & Crisis Lifeline",
            "Call or text 988 any time, day or night, to reach a trained crisis counsellor. For thoughts of suicide, a mental health or substance-use crisis, or any emotional distress — for yourself or someone you're worried about.")
        {
            Needs = ["crisis-line", "crisis"], Delivery = ["phone", "text", "video"], Languages = ["en", "es"],
            Interpretation = "Spanish: press 2 when you call, or text AYUDA to 988. Interpreters in more than 240 languages by phone.",
            Eligibility = "Anyone, of any age, in any kind of distress.", ApplicationProcess = "Call or text 988. You don't need to give your name.",
            Phones = [Voice("988", "Press 2 for Spanish (Español: marque 2)."), Text("988", "Text AYUDA for Spanish.")],
            Hours = [AllDay], ServiceAreas = [County], Url = "https://988lifeline.org/chat", VerifiedDaysAgo = 21,
        },
        new("crisis-text-line", CrisisText, "Crisis Text Line",
            "Text HOME to 741741 to reach a volunteer crisis counsellor by text message. Good when speaking out loud isn't possible or feels like too much.")
        {
            Needs = ["crisis-line", "crisis"], Delivery = ["text"], Eligibility = "Anyone in the US, of any age.",
            ApplicationProcess = "Text HOME to 741741. The first replies are automated; a counsellor usually answers within five minutes.",
            Phones = [Text("741741", "Text HOME to 741741.")], Hours = [AllDay], ServiceAreas = [County], VerifiedDaysAgo = 48,
        },
        new("veterans-crisis-line", VeteransCrisis, "Veterans Crisis Line",
            "Confidential support from responders who are trained to work with veterans — many are veterans themselves. You don't have to be enrolled in VA benefits or health care.")
        {
            Needs = ["crisis-line", "veterans"], Delivery = ["phone", "text", "video"],
            Eligibility = "Veterans, service members, National Guard and Reserve, and their family and friends.",
            ApplicationProcess = "Dial 988 then press 1, or text 838255.",
            Phones = [Voice("988", "Dial 988, then press 1."), Text("838255")],
            Hours = [AllDay], ServiceAreas = [County], Url = "https://www.veteranscrisisline.net", VerifiedDaysAgo = 64,
        },
        new("agristress", AgriStress, "AgriStress Helpline",
            "Farming is hard on people. Call or text to talk with a crisis specialist who understands weather, markets, debt and family farm pressures — any hour.")
        {
            Needs = ["crisis-line", "farm-stress"], Delivery = ["phone", "text"], Languages = ["en", "es"],
            Interpretation = "Interpreters for other languages on the call.",
            Eligibility = "Farmers, ranchers, farmworkers and their families.", ApplicationProcess = "Call or text 833-897-2474.",
            Phones = [Voice("833-897-2474"), Text("833-897-2474")], Hours = [AllDay], ServiceAreas = [County], VerifiedDaysAgo = 95,
        },
        new("dv-hotline", DvHotline, "National Domestic Violence Hotline",
            "Talk through what is happening in your relationship, make a safety plan, and find shelter and advocates near you. Confidential; you don't have to give your name.")
        {
            Needs = ["crisis-line", "abuse"], Delivery = ["phone", "text"], Languages = ["en", "es"],
            Interpretation = "Interpreters in more than 200 languages.", Eligibility = "Anyone affected by relationship abuse, and people worried about them.",
            ApplicationProcess = "Call 800-799-7233 or text START to 88788.",
            Phones = [Voice("800-799-7233"), Text("88788", "Text START to 88788.")], Hours = [AllDay], ServiceAreas = [County], VerifiedDaysAgo = 150,
        },
        new("farm-stress-line", FarmBureau, "Riverbend Farm Stress Line",
            "Text or call neighbours who farm and have been trained to listen — about a bad harvest, a loan, a family fight or just a long winter. " + LineBackup)
        {
            Needs = ["crisis-line", "farm-stress"], Delivery = ["text", "phone"],
            Eligibility = "Farm families and farmworkers in Riverbend County.", ApplicationProcess = "Text or call 507-555-0191.",
            Phones = [Text("507-555-0191"), Voice("507-555-0191")],
            Hours = [Daily("05:00", "23:00", "Every day 5 am to 11 pm, early for chores and late for the combine.")],
            ServiceAreas = [County], Funding = "Minnesota Department of Agriculture farm stress grant", VerifiedDaysAgo = 12,
        },
        new("veterans-check-in-line", VeteransHall, "Riverbend Veterans' Check-in Line",
            "Fellow veterans text you on the schedule you choose — \"how are you doing, 1 to 5?\" — and call back when a week looks rough. Text any time to talk. " + LineBackup)
        {
            Needs = ["crisis-line", "veterans", "peer-support"], Delivery = ["text", "phone"],
            Eligibility = "Veterans, service members and their families.", ApplicationProcess = "Text JOIN to 507-555-0181, or ask at the Veterans' Hall.",
            Phones = [Text("507-555-0181"), Voice("507-555-0181")],
            Hours = [Daily("08:00", "22:00", "Every day 8 am to 10 pm.")], ServiceAreas = [County], VerifiedDaysAgo = 33,
            Contact = new("Gary Lindqvist", "Peer line lead", "post@riverbendvets.example"),
        },
        new("spanish-support-line", Parish, "Línea de Apoyo en Español",
            "Una línea de apoyo por texto y teléfono, en español, con voluntarios capacitados de la comunidad. A support line by text and phone in Spanish, answered by trained community volunteers. " + LineBackup)
        {
            AlternateName = "Spanish Support Line", Needs = ["crisis-line", "peer-support"], Delivery = ["text", "phone"], Languages = ["es", "en"],
            Eligibility = "Anyone who prefers to talk in Spanish.", ApplicationProcess = "Envíe un texto o llame al 507-555-0132. Text or call 507-555-0132.",
            Phones = [Text("507-555-0132"), Voice("507-555-0132")],
            Hours = [Weekly("MO,TU,WE,TH,FR,SA", "09:00", "21:00", "Monday to Saturday 9 am to 9 pm.")],
            ServiceAreas = [County], VerifiedDaysAgo = 77,
        },
        new("somali-support-line", CedarCentre, "Cedar Flats Somali Support Line",
            "Khadka Taageerada: talk or text in Somali with trained volunteers from Cedar Flats about stress, family worries or loneliness. " + LineBackup)
        {
            AlternateName = "Khadka Taageerada", Needs = ["crisis-line", "peer-support"], Delivery = ["text", "phone"], Languages = ["so", "en"],
            Eligibility = "Anyone who prefers to talk in Somali.", ApplicationProcess = "Text or call 507-555-0141.",
            Phones = [Text("507-555-0141"), Voice("507-555-0141")],
            Hours = [Daily("10:00", "22:00", "Every day 10 am to 10 pm.")], ServiceAreas = [County], VerifiedDaysAgo = 41,
        },
        new("safe-harbor-line", SafeHarbor, "Safe Harbor 24-hour line",
            "Talk with a local advocate about abuse at home, a safe place to stay tonight, or how to help someone else. Calls are confidential.")
        {
            Needs = ["crisis-line", "abuse"], Delivery = ["phone", "text"], Languages = ["en", "es"], Interpretation = "Phone interpreters for any language.",
            Eligibility = "Anyone experiencing abuse, and friends or family worried about them.", ApplicationProcess = "Call or text 507-555-0196.",
            Phones = [Voice("507-555-0196"), Text("507-555-0196")], Hours = [AllDay], ServiceAreas = [County], VerifiedDaysAgo = 88,
        },
        new("mobile-crisis", PublicHealth, "Riverbend County Mobile Crisis Team",
            "A mental health professional talks with you by phone and, if needed, comes to you — at home, at school or at work — within an hour. An alternative to the emergency room for a mental health crisis.")
        {
            Needs = ["crisis-line", "crisis"], Delivery = ["phone", "in-person"], Interpretation = "Phone interpreters for any language.",
            Eligibility = "Anyone in Riverbend County, any age.", ApplicationProcess = "Call 507-555-0105 any time. In danger right now? Call 911.",
            Phones = [Voice("507-555-0105")], Hours = [AllDay], ServiceAreas = [County],
            Funding = "Minnesota Department of Human Services mobile crisis grant", VerifiedDaysAgo = 10,
        },
    ];
}
