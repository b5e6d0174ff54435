using static Kith.ServiceDirectory.Demo.DemoHours;
using static Kith.ServiceDirectory.Demo.DemoPhone;

namespace Kith.ServiceDirectory.Demo;

internal static partial class DemoDirectory
{
    private const string SlidingScaleFees = "Sliding scale by household income, from $10 a visit; most insurance and Medical Assistance accepted. Nobody is turned away for inability to pay.";

    private static readonly DemoCost[] SlidingScale =
    [
        new("Sliding scale", 10m, "From $10 a visit, depending on household size and income"),
        new("Full fee", 140m, "Per visit before insurance"),
    ];

    private static readonly string[] ClinicDocuments = ["Photo ID, if you have one", "Insurance or Medical Assistance card, if you have one", "Proof of income for the sliding scale (a pay stub is fine)"];

    /// <summary>Counselling, psychiatry and health services.</summary>
    private static readonly DemoService[] Clinical =
    [
        new("clinic-counselling", Clinic, "Counselling for adults",
            "One-to-one counselling with licensed therapists for depression, anxiety, trauma, grief, relationship trouble and stress. Evening appointments on Tuesdays and Thursdays.")
        {
            Needs = ["counselling"], Delivery = ["in-person", "phone"], Places = ["clinic"], MinimumAge = 18, Languages = ["en", "es"],
            Interpretation = "Free phone interpreters for any language; bilingual Spanish counsellors.",
            Fees = SlidingScaleFees, Costs = SlidingScale, Documents = ClinicDocuments,
            ApplicationProcess = "Call 507-555-0121 for an intake appointment; most people are seen within two weeks. No referral needed.",
            Phones = [Voice("507-555-0121", "Counselling intake"), Fax("507-555-0129", "Referrals from other providers")],
            Hours = [Weekly(Weekdays, "08:00", "17:00", "Monday to Friday 8 am to 5 pm."), Weekly("TU,TH", "17:00", "20:00", "Tuesday and Thursday evenings until 8 pm.")],
            ServiceAreas = [County], Capacity = new("appointments this week", 6, 40, "New-client appointments free this week"), VerifiedDaysAgo = 6,
            Contact = new("Casey Coordinator", "Behavioural health coordinator", "coordinator@riverbend.example", "507-555-0121"),
        },
        new("clinic-psychiatry", Clinic, "Psychiatry and medication management",
            "Assessment and medication care from a psychiatrist and a psychiatric nurse practitioner, working with your counsellor or family doctor.")
        {
            Needs = ["psychiatry", "counselling"], Delivery = ["in-person", "video"], Places = ["clinic"],
            Interpretation = "Free phone interpreters for any language.", Fees = SlidingScaleFees, Costs = SlidingScale, Documents = ClinicDocuments,
            Eligibility = "Adults and teens 13 and older, referred by a counsellor or doctor.", MinimumAge = 13,
            ApplicationProcess = "Ask your counsellor or doctor to refer you (fax 507-555-0129). The waiting list is about six weeks; in a crisis call 988 or the mobile crisis team.",
            Phones = [Voice("507-555-0122"), Fax("507-555-0129")], Hours = [Weekly("MO,WE,FR", "08:30", "16:30", "Mondays, Wednesdays and Fridays 8:30 am to 4:30 pm.")],
            ServiceAreas = [County], Waitlist = true, VerifiedDaysAgo = 22, Alert = "Waiting list about six weeks for new patients.",
        },
        new("clinic-telehealth", Clinic, "Telehealth counselling",
            "Counselling by secure video from home — good for farm families, night-shift workers and anyone without a ride. A phone call works too if video doesn't.")
        {
            Needs = ["counselling"], Delivery = ["video", "phone"], Places = ["clinic-telehealth"], MinimumAge = 16, Languages = ["en", "es"],
            Fees = SlidingScaleFees, Costs = SlidingScale, ApplicationProcess = "Call 507-555-0121 and ask for telehealth; we'll text you the link.",
            Phones = [Voice("507-555-0121")], Hours = [Weekly(Weekdays, "07:00", "20:00", "Monday to Friday 7 am to 8 pm.")],
            ServiceAreas = [County], VerifiedDaysAgo = 14,
        },
        new("clinic-child-family", Clinic, "Child and family counselling",
            "Play-based and family therapy for children and their parents: worries, anger, school refusal, loss, and big changes at home.")
        {
            Needs = ["counselling", "youth"], Places = ["clinic"], MinimumAge = 4, MaximumAge = 17, Eligibility = "Children 4 to 17 with a parent or guardian.",
            Fees = SlidingScaleFees, Costs = SlidingScale, Documents = ClinicDocuments, ApplicationProcess = "A parent or guardian calls 507-555-0121.",
            Phones = [Voice("507-555-0121")], Hours = [Weekly(Weekdays, "08:00", "18:00", "Monday to Friday 8 am to 6 pm.")], ServiceAreas = [County], VerifiedDaysAgo = 70,
        },
        new("clinic-same-day", Clinic, "Same-day crisis counselling",
            "Walk in without an appointment if things feel unmanageable today. A counsellor sees you the same afternoon and makes a safety plan with you.")
        {
            Needs = ["crisis", "counselling"], Places = ["clinic"], ApplicationProcess = "Walk in and tell the front desk you need to see someone today.",
            Phones = [Voice("507-555-0120")], Hours = [Weekly(Weekdays, "12:00", "16:00", "Monday to Friday noon to 4 pm.")],
            ServiceAreas = [County], VerifiedDaysAgo = 9, Interpretation = "Free phone interpreters for any language.",
        },
        new("clinic-cedar-flats", Clinic, "Somali family counselling at Cedar Flats",
            "A Somali-speaking counsellor from the clinic sees families and individuals at the community centre, close to home and without a waiting room full of strangers.")
        {
            Needs = ["counselling"], Languages = ["so", "en"], Places = ["cedar-centre"], Fees = SlidingScaleFees, Costs = SlidingScale,
            ApplicationProcess = "Ask at the community centre front desk or call 507-555-0140.", Phones = [Voice("507-555-0140")],
            Hours = [Weekly("WE", "10:00", "16:00", "Wednesdays 10 am to 4 pm.")], ServiceAreas = ["cedar-flats"], VerifiedDaysAgo = 52,
        },
        new("consejeria-southgate", Clinic, "Consejería en español en St. Mary's",
            "Spanish-language counselling at the parish hall with the clinic's bilingual therapist. Consejería individual y familiar en español, cerca de casa.")
        {
            AlternateName = "Spanish-language counselling", Needs = ["counselling"], Languages = ["es"], Places = ["st-marys"],
            Fees = SlidingScaleFees, Costs = SlidingScale, ApplicationProcess = "Llame al 507-555-0121 y pida consejería en español.",
            Phones = [Voice("507-555-0121")], Hours = [Weekly("TH", "13:00", "19:00", "Jueves 1 a 7 pm. Thursdays 1 to 7 pm.")],
            ServiceAreas = ["southgate"], VerifiedDaysAgo = 210,
        },
        new("school-counselling", School, "School counselling at Riverbend High",
            "Counsellors and a school social worker for students: stress, friendships, family trouble, grief, self-harm, or worry about a friend. Students can drop in or be referred by a teacher.")
        {
            Needs = ["youth", "counselling"], Places = ["high-school"], MinimumAge = 14, MaximumAge = 19, Interpretation = "Interpreters for family meetings.",
            Eligibility = "Students at Riverbend High School.", ApplicationProcess = "Drop in at student services or send a message through the school's help-a-friend form.",
            Phones = [Voice("507-555-0111")], Hours = [Weekly(Weekdays, "07:30", "15:30", "School days 7:30 am to 3:30 pm.")],
            ServiceAreas = [County], VerifiedDaysAgo = 4, Contact = new("Robin Responder", "School counsellor", "responder@riverbend.example", "507-555-0111"),
        },
        new("employee-assistance", Plant, "Employee assistance programme",
            "Up to six free, confidential counselling sessions a year for each problem, plus money and legal advice, for employees and everyone in their household. Your supervisor is never told.")
        {
            Needs = ["counselling", "wellbeing"], Delivery = ["phone", "in-person", "video"], Places = ["plant"],
            Eligibility = "Millside Manufacturing employees and their household members.", Fees = "Free to employees and household members.",
            ApplicationProcess = "Call 507-555-0171 at any hour; say you work at Millside.", Phones = [Voice("507-555-0171")],
            Hours = [AllDay], ServiceAreas = [County], VerifiedDaysAgo = 160,
        },
        new("substance-assessment", PublicHealth, "Alcohol and drug assessment",
            "A confidential assessment with a licensed counsellor to find the right treatment — outpatient, residential or recovery support — and help paying for it.")
        {
            Needs = ["substance-use"], Delivery = ["in-person", "phone"], Places = ["government-center"], MinimumAge = 13,
            Fees = "Free for county residents; the county can pay for treatment if you qualify.", Documents = ["Photo ID", "Insurance card, if you have one"],
            ApplicationProcess = "Call 507-555-0106; assessments within a week, often sooner.", Phones = [Voice("507-555-0106")],
            Hours = [Weekly(Weekdays, "08:00", "16:30", "Monday to Friday 8 am to 4:30 pm.")], ServiceAreas = [County], VerifiedDaysAgo = 120,
        },
        new("naloxone", PublicHealth, "Free naloxone and overdose training",
            "Take-home naloxone (Narcan) kits and a ten-minute lesson on how to use them. No name needed. Fentanyl test strips too.")
        {
            Needs = ["substance-use", "health"], Places = ["government-center", "veterans-hall"],
            Hours = [Weekly(Weekdays, "08:00", "16:30", "Monday to Friday 8 am to 4:30 pm at the Government Center.") with { Place = "government-center" },
                Monthly("1MO", "10:00", "13:00", "First Monday 10 am to 1 pm at the Veterans' Hall.") with { Place = "veterans-hall" }],
            ServiceAreas = [County], VerifiedDaysAgo = 380,
        },
        new("nurse-visits", PublicHealth, "Public-health nurse home visits",
            "A public-health nurse visits you at home: for new parents, for older adults living alone, and after a hospital stay. Help with feeding, medications, low mood and connecting to services.")
        {
            Needs = ["health", "youth", "older-adults"], Delivery = ["in-person", "phone"], Places = ["government-center"], Languages = ["en", "es", "so"],
            Interpretation = "Somali- and Spanish-speaking nurses; interpreters for other languages.",
            ApplicationProcess = "Call 507-555-0104, or ask your doctor or the hospital to refer you.", Phones = [Voice("507-555-0104")],
            Hours = [Weekly(Weekdays, "08:00", "16:30", "Visits Monday to Friday, 8 am to 4:30 pm.")], ServiceAreas = [County],
            Funding = "Minnesota Department of Health family home visiting grant", VerifiedDaysAgo = 58,
        },
        new("hillcrest-nurse-clinic", PublicHealth, "Hillcrest community nurse clinic",
            "Blood pressure and blood sugar checks, flu shots, and a short wellbeing check-in with a nurse who can help with the next step.")
        {
            Needs = ["health", "wellbeing"], Places = ["veterans-hall"], Hours = [Monthly("1MO,3MO", "13:00", "16:00", "First and third Monday, 1 to 4 pm.")],
            ServiceAreas = ["hillcrest"], VerifiedDaysAgo = 145,
        },
    ];
}
