using static Kith.ServiceDirectory.Demo.DemoHours;
using static Kith.ServiceDirectory.Demo.DemoPhone;

namespace Kith.ServiceDirectory.Demo;

internal static partial class DemoDirectory
{
    private const string GriefPodJoin = "Call the clinic's grief coordinator at 507-555-0124 for a short, friendly conversation before your first meeting. New pods start every ten weeks.";

    /// <summary>Grief pods by type of loss, support groups, workshops and trainings from the field write-ups.</summary>
    private static readonly DemoService[] Groups =
    [
        GriefPod("grief-pod-partner", "loss of a spouse or partner", "senior-centre", Weekly("TU", "14:00", "15:30", "Tuesdays 2 to 3:30 pm."), 3,
            "For anyone whose husband, wife or partner has died, whether it was last month or years ago."),
        GriefPod("grief-pod-child", "loss of a child", "library", Monthly("1TH,3TH", "18:30", "20:00", "First and third Thursday, 6:30 to 8 pm."), 2,
            "For parents and grandparents whose child has died, at any age and from any cause."),
        GriefPod("grief-pod-parent", "loss of a parent", "clinic", Weekly("MO", "18:00", "19:30", "Mondays 6 to 7:30 pm."), 0,
            "For adults whose mother, father or the person who raised them has died."),
        GriefPod("grief-pod-friend", "loss of a friend", "library", Weekly("WE", "16:00", "17:30", "Wednesdays 4 to 5:30 pm, after school."), 5,
            "For teens and adults grieving a friend; many members are students who lost a classmate.") with { MinimumAge = 14 },
        GriefPod("grief-pod-suicide", "loss to suicide", "st-marys", Monthly("2TU,4TU", "18:30", "20:00", "Second and fourth Tuesday, 6:30 to 8 pm."), 4,
            "For anyone who has lost someone to suicide. Facilitated by a counsellor and a peer who has lived this loss.") with { VerifiedDaysAgo = 240 },
        new("grupo-de-duelo", Parish, "Grupo de duelo en español",
            "Spanish-language grief circle at St. Mary's for anyone mourning a loved one, led by a trained parish volunteer and the clinic's bilingual counsellor. Círculo de apoyo para personas en duelo.")
        {
            Needs = ["grief", "peer-support"], Languages = ["es"], Places = ["st-marys"],
            Hours = [Weekly("TH", "19:00", "20:30", "Jueves 7 a 8:30 pm. Thursdays 7 to 8:30 pm.")], ServiceAreas = ["southgate"], VerifiedDaysAgo = 130,
        },
        new("veterans-coffee", VeteransHall, "Veterans' coffee group",
            "Saturday morning coffee, donuts and conversation with other veterans. No agenda and no speeches; come once or every week. Partners welcome on the last Saturday of the month.")
        {
            Needs = ["veterans", "peer-support"], Places = ["veterans-hall"], Eligibility = "Veterans of any era and branch, service members and their partners.",
            Hours = [Weekly("SA", "08:00", "10:00", "Saturdays 8 to 10 am.")], ServiceAreas = [County], VerifiedDaysAgo = 19,
        },
        new("veterans-peer-mentors", VeteransHall, "Veterans' peer mentors",
            "A trained veteran mentor meets you for coffee or a walk, helps with VA paperwork and rides, and checks in during the weeks that are hard.")
        {
            Needs = ["veterans", "peer-support"], Delivery = ["in-person", "phone"], Places = ["veterans-hall"],
            Eligibility = "Veterans and service members.", ApplicationProcess = "Call 507-555-0180 or ask at the coffee group; you'll be matched within a week.",
            Phones = [Voice("507-555-0180")], Hours = [Weekly("TU,TH", "10:00", "16:00", "Office hours Tuesdays and Thursdays 10 am to 4 pm; mentors meet at any time that suits you.")],
            ServiceAreas = [County], VerifiedDaysAgo = 260,
        },
        new("recovery-meeting-hall", VeteransHall, "Open recovery meeting at the Veterans' Hall",
            "An open twelve-step meeting for anyone who wants to stop drinking or using. Veterans and non-veterans welcome.")
        {
            Needs = ["substance-use", "peer-support"], Places = ["veterans-hall"], Eligibility = "Anyone with a desire to stop drinking or using.",
            Hours = [Weekly("MO,FR", "19:00", "20:00", "Mondays and Fridays 7 to 8 pm.")], ServiceAreas = ["hillcrest"], VerifiedDaysAgo = 300,
        },
        new("emotional-preparedness", PublicHealth, "Emotional-preparedness workshop",
            "Before the next fire, flood or layoff: two hours on what stress does to body and mind, how to support children through a disaster, and how to make a family plan. Designed with people who lived through the Riverside wildfire.")
        {
            Needs = ["training", "wellbeing"], Places = ["senior-centre"], Interpretation = "Spanish and Somali interpreters on request.",
            ApplicationProcess = "Sign up by phone at 507-555-0100 or just come.", Phones = [Voice("507-555-0100")],
            Hours = [Monthly("2SA", "10:00", "12:00", "Second Saturday of the month, 10 am to noon.")], ServiceAreas = [County], VerifiedDaysAgo = 55,
        },
        new("pfa-training", PublicHealth, "Psychological first aid training for lay leaders",
            "A one-day training in psychological first aid for faith leaders, coaches, barbers, teachers and neighbours: how to notice distress, listen, keep someone safe and connect them to help. Certificate valid for two years.")
        {
            Program = "lay-leaders", Needs = ["training", "crisis"], Places = ["government-center"], MinimumAge = 18,
            Eligibility = "Adults who are trusted by people in their community; no prior training needed.",
            ApplicationProcess = "Register by phone or email; places are limited to 20 per session.", Phones = [Voice("507-555-0103")],
            Hours = [Monthly("3TH", "09:00", "16:00", "Third Thursday of the month, 9 am to 4 pm; lunch provided.")],
            ServiceAreas = [County], Capacity = new("places", 7, 20, "Places left in the next session"),
            Contact = new("Amina Yusuf", "Lay leader programme coordinator", "layleaders@health.riverbendcounty.example", "507-555-0103"),
            Funding = "SAMHSA community mental health grant", VerifiedDaysAgo = 15,
        },
        new("barbershop-listening", PublicHealth, "Barbershop listening hours in Millside",
            "The barbers at Sharp & Steady are trained lay listeners. Come for a cut or just a chair and a conversation; they can connect you to counselling quietly, with no forms.")
        {
            Program = "lay-leaders", Needs = ["wellbeing", "peer-support"], Places = ["barbershop"],
            Eligibility = "Anyone; especially men who wouldn't walk into a clinic.", Fees = "Listening is free; haircuts at the usual price.",
            Hours = [Weekly("TH,FR", "17:00", "20:00", "Thursdays and Fridays 5 to 8 pm."), Weekly("SA", "09:00", "14:00", "Saturdays 9 am to 2 pm.")],
            ServiceAreas = ["millside"], VerifiedDaysAgo = 200,
        },
        new("storytelling-circle", CedarCentre, "Storytelling circle at Cedar Flats",
            "Elders and young people share stories, poems and memories from Somalia and from Riverbend over tea. A gentle way to talk about loss, change and hope.")
        {
            Needs = ["wellbeing", "peer-support"], Languages = ["so", "en"], Places = ["cedar-centre"],
            Hours = [Weekly("SU", "16:00", "18:00", "Sundays 4 to 6 pm.")], ServiceAreas = ["cedar-flats"], VerifiedDaysAgo = 27,
        },
        new("somali-womens-circle", CedarCentre, "Women's wellbeing circle",
            "A circle for Somali women to talk about family, health and stress, with a Somali-speaking counsellor from the clinic every other week. Childcare in the next room.")
        {
            Needs = ["wellbeing", "peer-support", "counselling"], Languages = ["so"], Places = ["cedar-centre"], Eligibility = "Women, 16 and older.", MinimumAge = 16,
            Hours = [Weekly("SA", "10:00", "12:00", "Saturdays 10 am to noon.")], ServiceAreas = ["cedar-flats"], VerifiedDaysAgo = 190,
        },
        new("parenting-workshops", Parish, "Parenting and stress workshops with childcare",
            "Six evenings for parents on stress, sleep, screens, and staying calm when children aren't. A hot supper first and free childcare in the nursery, so both parents can come. Talleres en español y en inglés.")
        {
            Needs = ["youth", "wellbeing", "childcare"], Languages = ["es", "en"], Places = ["st-marys"],
            Eligibility = "Parents and caregivers of children of any age.", ApplicationProcess = "Call or text 507-555-0130 to reserve childcare spots.",
            Phones = [Voice("507-555-0130"), Text("507-555-0130")],
            Hours = [Weekly("TU", "18:00", "19:30", "Tuesdays 6 to 7:30 pm (supper from 5:30).")], ServiceAreas = ["southgate", "cedar-flats"],
            Capacity = new("childcare places", 4, 15), Funding = "Riverbend Community Foundation", VerifiedDaysAgo = 61,
        },
        new("shift-support-group", Plant, "Shift-friendly support group at the plant",
            "A peer support group run by a counsellor, timed around the shifts: after nights, between days and evenings, and during the night crew's meal break. Talk about sleep, family, money or anything else.")
        {
            Needs = ["peer-support", "wellbeing"], Places = ["plant"], Eligibility = "Millside Manufacturing employees and contractors.", MinimumAge = 18,
            Hours =
            [
                Weekly("TU", "06:30", "07:30", "Tuesdays 6:30 to 7:30 am, after the night shift."),
                Weekly("TU", "15:00", "16:00", "Tuesdays 3 to 4 pm, between day and evening shifts."),
                Weekly("TH", "23:30", "00:30", "Thursday nights 11:30 pm to 12:30 am, during the night crew's meal break."),
            ],
            ServiceAreas = ["millside"], VerifiedDaysAgo = 36,
        },
        new("walk-and-talk", SeniorCentre, "Walk-and-talk in Riverside Park",
            "An easy walk around the river loop with a trained volunteer and whoever shows up. Talking is optional; fresh air is not. Walking poles to borrow.")
        {
            Needs = ["wellbeing", "older-adults"], Places = ["riverside-park"],
            Hours = [Weekly("MO,WE,FR", "09:30", "10:30", "Mondays, Wednesdays and Fridays 9:30 to 10:30 am; cancelled in storms.")],
            ServiceAreas = ["riverside"], VerifiedDaysAgo = 8,
        },
        new("therapy-dogs", Library, "Therapy-dog hours at the library",
            "Sit with a calm, certified therapy dog and its handler. Loved by children practising reading, students before exams and anyone who misses a pet.")
        {
            Needs = ["wellbeing", "youth"], Places = ["library"],
            Hours = [Weekly("WE", "15:30", "17:00", "Wednesdays 3:30 to 5 pm."), Weekly("SA", "10:00", "12:00", "Saturdays 10 am to noon.")],
            ServiceAreas = [County], VerifiedDaysAgo = 400,
        },
        new("caregiver-support", SeniorCentre, "Caregiver support group",
            "For people caring for a partner or parent with dementia, cancer or frailty. Respite companions look after your person in the lounge while you meet.")
        {
            Needs = ["peer-support", "older-adults"], Places = ["senior-centre"],
            Hours = [Monthly("2TH", "13:30", "15:00", "Second Thursday, 1:30 to 3 pm.")], ServiceAreas = [County], VerifiedDaysAgo = 330,
        },
        new("parent-night", School, "Parent night: talking with teens about mental health",
            "The counselling team shows parents the signs that a teenager is struggling, how to start the conversation and where to turn. Spanish and Somali interpreters at every session.")
        {
            Needs = ["youth", "training"], Places = ["high-school"], Interpretation = "Spanish and Somali interpreters in the room.",
            Eligibility = "Parents and caregivers of Riverbend teens.", Hours = [Monthly("1TU", "18:30", "20:00", "First Tuesday, 6:30 to 8 pm, during the school year.")],
            ServiceAreas = [County], VerifiedDaysAgo = 115,
        },
        new("peer-listeners", School, "Peer listeners at Riverbend High",
            "Trained students listen to classmates at lunch and pass on worries to the counselling team when someone may not be safe.")
        {
            Needs = ["youth", "peer-support"], Places = ["high-school"], MinimumAge = 14, MaximumAge = 19,
            Eligibility = "Riverbend High School students.", Hours = [Weekly(Weekdays, "11:30", "12:30", "School days at lunch, room 114.")],
            ServiceAreas = ["eastbank"], VerifiedDaysAgo = 170,
        },
    ];

    private static DemoService GriefPod(string key, string loss, string place, DemoHours hours, int placesLeft, string eligibility) =>
        new(key, Clinic, "Grief pod: " + loss,
            $"A small group for people living with the {loss}. Ten weekly meetings with a trained facilitator and the same few people, so trust can grow. Coffee, tissues and no pressure to speak.")
        {
            Program = "grief-pods", Needs = ["grief", "peer-support"], Places = [place], Eligibility = eligibility, MinimumAge = 18,
            ApplicationProcess = GriefPodJoin, Phones = [Voice("507-555-0124")], Hours = [hours], ServiceAreas = [County],
            Capacity = new("places", placesLeft, 8, "Places left in the next pod"), VerifiedDaysAgo = 45,
        };
}
