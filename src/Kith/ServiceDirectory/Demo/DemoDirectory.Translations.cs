namespace Kith.ServiceDirectory.Demo;

// The demo's Spanish and Somali texts, keyed by the exact English they translate (ADR 29): the crisis lines and shared
// texts here, every other service in DemoDirectory.Translations.Services.cs. A text not listed is shown in English,
// marked as not yet translated.
// The Spanish was written for readers in the US. The Somali is plain, simple Somali written without a native speaker:
// it NEEDS NATIVE REVIEW before any real deployment uses it (see docs/adr/0029).
internal static partial class DemoDirectory
{
    private const string LineBackupEs = "Cuando la línea está cerrada, los mensajes y las llamadas pasan a la línea 988, para que nadie se quede sin respuesta.";
    private const string LineBackupSo = "Marka khadku xiran yahay, fariimaha iyo wicitaannada waxaa loo gudbiyaa khadka 988, si qofna uusan jawaab la'aan u harin.";

    private static IReadOnlyDictionary<string, (string? Es, string? So)>? translations;

    /// <summary>Every demo text with its Spanish and Somali. A property: static fields of partial classes initialise in no defined order across files.</summary>
    internal static IReadOnlyDictionary<string, (string? Es, string? So)> Translations =>
        translations ??= CrisisLineTexts.Concat(ServiceTexts).ToDictionary(StringComparer.Ordinal); // a text in both throws: one translation per text

    private static readonly Dictionary<string, (string? Es, string? So)> CrisisLineTexts = new(StringComparer.Ordinal)
    {
        // Shared texts and hours.
        ["Open 24 hours a day, every day of the year."] = ("Abierto las 24 horas del día, todos los días del año.", "Furan 24 saacadood maalintii, maalin kasta oo sanadka ah."),
        ["Anyone in Riverbend County."] = ("Cualquier persona del condado de Riverbend.", "Qof kasta oo ku nool Degmada Riverbend."),
        ["Free."] = ("Gratis.", "Bilaash."),
        ["Just come along; no appointment or referral needed."] = ("Solo venga; no necesita cita ni derivación.", "Kaliya imow; uma baahnid ballan ama u-gudbin."),
        ["Phone interpreters for any language."] = ("Intérpretes por teléfono para cualquier idioma.", "Turjubaanno telefoon ah oo luqad kasta ah."),
        ["Every day 8 am to 10 pm."] = ("Todos los días de 8 a. m. a 10 p. m.", "Maalin kasta 8-da subaxnimo ilaa 10-ka habeennimo."),
        ["Every day 10 am to 10 pm."] = ("Todos los días de 10 a. m. a 10 p. m.", "Maalin kasta 10-ka subaxnimo ilaa 10-ka habeennimo."),
        ["Monday to Saturday 9 am to 9 pm."] = ("De lunes a sábado de 9 a. m. a 9 p. m.", "Isniin ilaa Sabti 9-ka subaxnimo ilaa 9-ka habeennimo."),
        ["Monday to Friday 8 am to 5 pm."] = ("De lunes a viernes de 8 a. m. a 5 p. m.", "Isniin ilaa Jimce 8-da subaxnimo ilaa 5-ta galabnimo."),

        // Crisis lines.
        ["Call or text 988 any time, day or night, to reach a trained crisis counsellor. For thoughts of suicide, a mental health or substance-use crisis, or any emotional distress — for yourself or someone you're worried about."] = (
            "Llame o envíe un mensaje de texto al 988 a cualquier hora, de día o de noche, para hablar con un consejero de crisis capacitado. Para pensamientos de suicidio, una crisis de salud mental o de consumo de sustancias, o cualquier angustia emocional, ya sea por usted o por alguien que le preocupa.",
            "Wac ama fariin u dir 988 wakhti kasta, maalin iyo habeen, si aad ula hadasho la-taliye ku tababaran xaaladaha degdegga ah. Haddii aad ka fikirayso inaad naftaada dilto, aad qabto dhibaato caafimaadka maskaxda ah ama mid la xiriirta maandooriyaha, ama murug iyo walbahaar kasta — adiga naftaada ama qof aad u welwelsan tahay."),
        ["Spanish: press 2 when you call, or text AYUDA to 988. Interpreters in more than 240 languages by phone."] = (
            "Español: marque 2 cuando llame, o envíe AYUDA por mensaje de texto al 988. Intérpretes por teléfono en más de 240 idiomas.",
            "Isbaanish: riix 2 marka aad wacdo, ama u dir qoraalka AYUDA 988. Turjubaanno telefoon ah oo ku hadla in ka badan 240 luqadood."),
        ["Anyone, of any age, in any kind of distress."] = ("Cualquier persona, de cualquier edad, con cualquier tipo de angustia.", "Qof kasta, da' kasta, oo qaba walbahaar nooc kasta ah."),
        ["Call or text 988. You don't need to give your name."] = ("Llame o envíe un mensaje de texto al 988. No tiene que dar su nombre.", "Wac ama fariin u dir 988. Uma baahnid inaad magacaaga sheegto."),
        ["Text HOME to 741741 to reach a volunteer crisis counsellor by text message. Good when speaking out loud isn't possible or feels like too much."] = (
            "Envíe HOME por mensaje de texto al 741741 para hablar con un consejero de crisis voluntario por mensajes de texto. Es útil cuando no puede hablar en voz alta o cuando hablar le resulta demasiado.",
            "U dir qoraalka HOME lambarka 741741 si aad fariin qoraal ah ugula xiriirto la-taliye tabarruc ah. Waa ku habboon marka aadan codkaaga ku hadli karin ama ay hadalku kugu adag tahay."),
        ["Anyone in the US, of any age."] = ("Cualquier persona en los Estados Unidos, de cualquier edad.", "Qof kasta oo jooga Maraykanka, da' kasta."),
        ["Text HOME to 741741. The first replies are automated; a counsellor usually answers within five minutes."] = (
            "Envíe HOME por mensaje de texto al 741741. Las primeras respuestas son automáticas; normalmente un consejero contesta en menos de cinco minutos.",
            "U dir HOME lambarka 741741. Jawaabaha ugu horreeya waa kuwo otomaatig ah; la-taliye ayaa badanaa kuu jawaaba shan daqiiqo gudahood."),
        ["Confidential support from responders who are trained to work with veterans — many are veterans themselves. You don't have to be enrolled in VA benefits or health care."] = (
            "Apoyo confidencial de personas capacitadas para trabajar con veteranos; muchas de ellas son veteranas. No necesita estar inscrito en los beneficios ni en la atención médica del VA.",
            "Taageero qarsoodi ah oo ka timaadda dad loo tababaray inay la shaqeeyaan askartii hore — qaar badan oo ka mid ah ayaa iyagu ahaa askar. Uma baahnid inaad ka diiwaangashan tahay gargaarka ama daryeelka caafimaadka ee VA."),
        ["Veterans, service members, National Guard and Reserve, and their family and friends."] = (
            "Veteranos, miembros de las fuerzas armadas, de la Guardia Nacional y de la Reserva, y sus familiares y amigos.",
            "Askartii hore, askarta hadda shaqeysa, Ilaalada Qaranka iyo Kaydka, iyo qoysaskooda iyo saaxiibbadood."),
        ["Dial 988 then press 1, or text 838255."] = ("Marque 988 y luego pulse 1, o envíe un mensaje de texto al 838255.", "Garaac 988 kadibna riix 1, ama fariin qoraal ah u dir 838255."),
        ["Talk through what is happening in your relationship, make a safety plan, and find shelter and advocates near you. Confidential; you don't have to give your name."] = (
            "Hable de lo que está pasando en su relación, haga un plan de seguridad y encuentre refugio y personas que le apoyen cerca de usted. Es confidencial; no tiene que dar su nombre.",
            "Ka hadal waxa ka dhacaya xiriirkaaga, samee qorshe badbaado, oo hel hoy iyo dad kuu doodaya oo kuu dhow. Waa qarsoodi; uma baahnid inaad magacaaga sheegto."),
        ["Interpreters in more than 200 languages."] = ("Intérpretes en más de 200 idiomas.", "Turjubaanno ku hadla in ka badan 200 luqadood."),
        ["Anyone affected by relationship abuse, and people worried about them."] = (
            "Cualquier persona afectada por el maltrato en una relación, y quienes se preocupan por ella.",
            "Qof kasta oo ay saameysay xadgudub ka dhaca xiriirka lammaanaha, iyo dadka u welwelsan."),
        ["Call 800-799-7233 or text START to 88788."] = ("Llame al 800-799-7233 o envíe START por mensaje de texto al 88788.", "Wac 800-799-7233 ama u dir qoraalka START lambarka 88788."),
        ["Khadka Taageerada: talk or text in Somali with trained volunteers from Cedar Flats about stress, family worries or loneliness. " + LineBackup] = (
            "Khadka Taageerada: hable o escriba en somalí con voluntarios capacitados de Cedar Flats sobre el estrés, las preocupaciones familiares o la soledad. " + LineBackupEs,
            "Khadka Taageerada: kala hadal ama fariin ugu qor af-Soomaali tabarrucayaal tababaran oo ka yimid Cedar Flats walbahaarka, welwelka qoyska ama kelinimada. " + LineBackupSo),
        ["Anyone who prefers to talk in Somali."] = ("Cualquier persona que prefiera hablar en somalí.", "Qof kasta oo doorbida inuu ku hadlo af-Soomaali."),
        ["Text or call 507-555-0141."] = ("Envíe un mensaje de texto o llame al 507-555-0141.", "Fariin u dir ama wac 507-555-0141."),
        ["Talk with a local advocate about abuse at home, a safe place to stay tonight, or how to help someone else. Calls are confidential."] = (
            "Hable con una persona de apoyo de la zona sobre el maltrato en casa, un lugar seguro donde pasar esta noche o cómo ayudar a otra persona. Las llamadas son confidenciales.",
            "La hadal qof deegaanka ah oo kaa caawiya xadgudubka guriga, meel ammaan ah oo aad caawa joogto, ama sida loo caawiyo qof kale. Wicitaannadu waa qarsoodi."),
        ["Anyone experiencing abuse, and friends or family worried about them."] = (
            "Cualquier persona que sufre maltrato, y sus amigos o familiares que se preocupan por ella.",
            "Qof kasta oo la kulmaya xadgudub, iyo saaxiibbo ama qoys u welwelsan."),
        ["Call or text 507-555-0196."] = ("Llame o envíe un mensaje de texto al 507-555-0196.", "Wac ama fariin u dir 507-555-0196."),
        ["A mental health professional talks with you by phone and, if needed, comes to you — at home, at school or at work — within an hour. An alternative to the emergency room for a mental health crisis."] = (
            "Un profesional de salud mental habla con usted por teléfono y, si hace falta, va a donde usted esté (en casa, en la escuela o en el trabajo) en menos de una hora. Es una alternativa a la sala de emergencias ante una crisis de salud mental.",
            "Khabiir caafimaadka maskaxda ah ayaa telefoonka kugula hadlaya, haddii loo baahdona wuu kuu imaanayaa — guriga, dugsiga ama shaqada — saacad gudaheed. Waa beddel qolka gurmadka degdegga ah marka ay jirto dhibaato caafimaadka maskaxda ah."),
        ["Anyone in Riverbend County, any age."] = ("Cualquier persona del condado de Riverbend, de cualquier edad.", "Qof kasta oo ku nool Degmada Riverbend, da' kasta."),
        ["Call 507-555-0105 any time. In danger right now? Call 911."] = ("Llame al 507-555-0105 a cualquier hora. ¿Está en peligro ahora mismo? Llame al 911.", "Wac 507-555-0105 wakhti kasta. Hadda khatar ma ku jirtaa? Wac 911."),
        ["Fellow veterans text you on the schedule you choose — \"how are you doing, 1 to 5?\" — and call back when a week looks rough. Text any time to talk. " + LineBackup] = (
            "Otros veteranos le escriben con la frecuencia que usted elija («¿cómo está, del 1 al 5?») y le llaman cuando la semana se ve difícil. Escriba cuando quiera para hablar. " + LineBackupEs,
            "Askar hore oo kale ayaa fariin kuu soo dira wakhtiga aad doorato — \"sidee tahay, 1 ilaa 5?\" — waxayna ku soo wacaan marka toddobaadku adag yahay. Fariin soo dir wakhti kasta si aad u hadasho. " + LineBackupSo),
        ["Veterans, service members and their families."] = ("Veteranos, miembros de las fuerzas armadas y sus familias.", "Askartii hore, askarta hadda shaqeysa iyo qoysaskooda."),
        ["Text JOIN to 507-555-0181, or ask at the Veterans' Hall."] = ("Envíe JOIN por mensaje de texto al 507-555-0181, o pregunte en el Veterans' Hall.", "U dir qoraalka JOIN lambarka 507-555-0181, ama weydii Veterans' Hall."),
        ["Farming is hard on people. Call or text to talk with a crisis specialist who understands weather, markets, debt and family farm pressures — any hour."] = (
            "El trabajo en el campo es duro para las personas. Llame o envíe un mensaje de texto para hablar con un especialista en crisis que entiende el clima, los mercados, las deudas y las presiones de una granja familiar, a cualquier hora.",
            "Beeraha waa shaqo ku adag dadka. Wac ama fariin soo dir si aad ula hadasho khabiir xaaladaha degdegga ah oo fahansan cimilada, suuqyada, deymaha iyo cadaadiska beerta qoyska — saacad kasta."),
        ["Interpreters for other languages on the call."] = ("Intérpretes para otros idiomas durante la llamada.", "Turjubaanno luqado kale ah inta wicitaanku socdo."),
        ["Farmers, ranchers, farmworkers and their families."] = ("Agricultores, ganaderos, trabajadores agrícolas y sus familias.", "Beeraleyda, xoolo-dhaqatada, shaqaalaha beeraha iyo qoysaskooda."),
        ["Call or text 833-897-2474."] = ("Llame o envíe un mensaje de texto al 833-897-2474.", "Wac ama fariin u dir 833-897-2474."),
        ["Text or call neighbours who farm and have been trained to listen — about a bad harvest, a loan, a family fight or just a long winter. " + LineBackup] = (
            "Escriba o llame a vecinos que trabajan en el campo y que se han capacitado para escuchar: sobre una mala cosecha, un préstamo, una pelea familiar o simplemente un invierno largo. " + LineBackupEs,
            "Fariin u dir ama wac deris beeraley ah oo loo tababaray inay dhegeystaan — wax ku saabsan goosasho xun, deyn, muran qoys ama jiilaal dheer oo keliya. " + LineBackupSo),
        ["Farm families and farmworkers in Riverbend County."] = ("Familias y trabajadores agrícolas del condado de Riverbend.", "Qoysaska beeraleyda ah iyo shaqaalaha beeraha ee Degmada Riverbend."),
        ["Text or call 507-555-0191."] = ("Envíe un mensaje de texto o llame al 507-555-0191.", "Fariin u dir ama wac 507-555-0191."),
        ["Every day 5 am to 11 pm, early for chores and late for the combine."] = (
            "Todos los días de 5 a. m. a 11 p. m.: temprano para las tareas y tarde para la cosechadora.",
            "Maalin kasta 5-ta subaxnimo ilaa 11-ka habeennimo — goor hore shaqada beerta, goor dambe mashiinka goosashada."),
        ["Una línea de apoyo por texto y teléfono, en español, con voluntarios capacitados de la comunidad. A support line by text and phone in Spanish, answered by trained community volunteers. " + LineBackup] = (
            "Una línea de apoyo por texto y teléfono, en español, con voluntarios capacitados de la comunidad. " + LineBackupEs,
            "Khad taageero oo qoraal iyo telefoon ah, af-Isbaanish ah, oo ay ka jawaabaan tabarrucayaal bulshada ka mid ah oo tababaran. " + LineBackupSo),
        ["Envíe un texto o llame al 507-555-0132. Text or call 507-555-0132."] = ("Envíe un mensaje de texto o llame al 507-555-0132.", "Fariin u dir ama wac 507-555-0132."),
        ["Anyone who prefers to talk in Spanish."] = ("Cualquier persona que prefiera hablar en español.", "Qof kasta oo doorbida inuu ku hadlo af-Isbaanish."),
    };
}
