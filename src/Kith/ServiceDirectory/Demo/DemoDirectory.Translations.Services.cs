namespace Kith.ServiceDirectory.Demo;

// The rest of the demo in Spanish and Somali (ADR 29): every service's texts, its hours and its organisation's description,
// keyed by the exact English they translate, like the crisis lines in DemoDirectory.Translations.cs.
// The Spanish uses "usted" and was written for readers in the US. The Somali is plain, simple Somali written WITHOUT a
// native speaker: every Somali text here NEEDS REVIEW BY A NATIVE SPEAKER before a real deployment relies on it.
internal static partial class DemoDirectory
{
    private static readonly Dictionary<string, (string? Es, string? So)> ServiceTexts = new(StringComparer.Ordinal)
    {
        ["A Somali-speaking counsellor from the clinic sees families and individuals at the community centre, close to home and without a waiting room full of strangers."] = (
            "Un consejero de la clínica que habla somalí atiende a familias y a personas en el centro comunitario, cerca de casa y sin una sala de espera llena de desconocidos.",
            "La-taliye ku hadla af-Soomaali oo ka socda rugta caafimaadka ayaa qoysaska iyo shakhsiyaadka ku qaabila xarunta bulshada, meel guriga u dhow, iyadoo aanu jirin qol sugitaan oo ay ka buuxaan dad aadan aqoon."),
        ["A calm, private room to breathe, pray, cry or just be alone for a while. Soft light, a comfortable chair and a list of who to call."] = (
            "Una sala tranquila y privada para respirar, rezar, llorar o simplemente estar a solas un rato. Luz suave, una silla cómoda y una lista de a quién llamar.",
            "Qol deggan oo gaar ah oo aad ku neefsan karto, ku tukan karto, ku ooyi karto ama aad keligaa in yar ku joogi karto. Iftiin jilicsan, kursi raaxo leh iyo liis ah dadka aad wici karto."),
        ["A circle for Somali women to talk about family, health and stress, with a Somali-speaking counsellor from the clinic every other week. Childcare in the next room."] = (
            "Un círculo para mujeres somalíes donde hablar de la familia, la salud y el estrés, con una consejera de la clínica que habla somalí cada dos semanas. Cuidado de niños en la sala de al lado.",
            "Fadhi ay haweenka Soomaaliyeed kaga wada hadlaan qoyska, caafimaadka iyo walbahaarka, iyadoo la-taliye ku hadla af-Soomaali oo ka socda rugta caafimaadka uu imaado labadii toddobaadba mar. Daryeel carruureed ayaa ka jira qolka xiga."),
        ["A confidential assessment with a licensed counsellor to find the right treatment — outpatient, residential or recovery support — and help paying for it."] = (
            "Una evaluación confidencial con un consejero con licencia para encontrar el tratamiento adecuado (ambulatorio, residencial o de apoyo a la recuperación) y ayuda para pagarlo.",
            "Qiimeyn qarsoodi ah oo lala yeesho la-taliye shati haysta si loo helo daaweynta kuu habboon — adigoo guriga jooga, adigoo xarun deggan, ama taageero soo-kabasho — iyo caawimaad lagu bixiyo kharashkeeda."),
        ["A confidential safe house for adults and children escaping abuse: a private room, advocates on site day and night, and help with what comes next. Pets welcome."] = (
            "Una casa de refugio confidencial para adultos y niños que escapan del maltrato: una habitación privada, personas de apoyo en el lugar de día y de noche, y ayuda con los siguientes pasos. Se admiten mascotas.",
            "Guri ammaan ah oo qarsoodi ah oo loogu talagalay dadka waaweyn iyo carruurta ka baxsanaya xadgudub: qol gaar ah, dad kuu doodaya oo goobta jooga maalin iyo habeen, iyo caawimaad waxa xiga. Xayawaanka guriga waa la keeni karaa."),
        ["A crisis and support line for people who work in agriculture and their families, answered by specialists who know farm life."] = (
            "Una línea de crisis y apoyo para quienes trabajan en la agricultura y sus familias, atendida por especialistas que conocen la vida del campo.",
            "Khad xaaladaha degdegga ah iyo taageero oo loogu talagalay dadka ka shaqeeya beeraha iyo qoysaskooda, oo ay ka jawaabaan khubaro yaqaan nolosha beeraha."),
        ["A farm financial analyst sits at your kitchen table or the bureau office to look at cash flow, loans and options — restructuring, transition or sale — confidentially and for free."] = (
            "Un analista financiero agrícola se sienta con usted a la mesa de su cocina o en la oficina de la asociación para revisar el flujo de caja, los préstamos y las opciones (reestructurar, traspasar o vender), de forma confidencial y gratuita.",
            "Falanqeeye maaliyadeed oo beeraha ah ayaa kula fadhiisanaya miiska jikadaada ama xafiiska ururka si uu u eego lacagta soo gasha iyo tan baxda, deymaha iyo waxyaabaha aad dooran karto — dib-u-habeyn, wareejin ama iib — si qarsoodi ah oo bilaash ah."),
        ["A farm outreach worker who grew up farming visits you at home to talk about stress, sleep and family — and to listen."] = (
            "Un trabajador de apoyo a las familias del campo, que creció en una granja, le visita en casa para hablar del estrés, el sueño y la familia, y para escucharle.",
            "Shaqaale beeraha u adeega oo ku soo koray beero ayaa gurigaaga kuu imaanaya si aad ugala hadashaan walbahaarka, hurdada iyo qoyska — iyo si uu kuu dhegeysto."),
        ["A free hot supper for anyone who comes, served at long tables so nobody eats alone. Cena comunitaria gratis todos los miércoles."] = (
            "Una cena caliente y gratuita para cualquiera que venga, servida en mesas largas para que nadie coma solo. Cena comunitaria gratis todos los miércoles.",
            "Casho kulul oo bilaash ah qof kasta oo yimaada, oo lagu bixiyo miisas dhaadheer si qofna uusan keligiis u cunin. Arbaco kasta."),
        ["A hot lunch with company, five days a week, in the senior centre dining room. Special diets on request."] = (
            "Un almuerzo caliente y en compañía, cinco días a la semana, en el comedor del centro para personas mayores. Dietas especiales si las pide.",
            "Qado kulul oo dad kale lala cuno, shan maalmood toddobaadkii, qolka cuntada ee xarunta waayeelka. Cunto gaar ah waa la heli karaa haddii aad codsato."),
        ["A one-day training in psychological first aid for faith leaders, coaches, barbers, teachers and neighbours: how to notice distress, listen, keep someone safe and connect them to help. Certificate valid for two years."] = (
            "Una capacitación de un día en primeros auxilios psicológicos para líderes religiosos, entrenadores, barberos, maestros y vecinos: cómo notar la angustia, escuchar, mantener a alguien a salvo y conectarle con ayuda. El certificado vale por dos años.",
            "Tababar hal maalin ah oo ku saabsan gargaarka koowaad ee maskaxda, loogu talagalay hoggaamiyeyaasha diinta, tababareyaasha ciyaaraha, timo-jarayaasha, macallimiinta iyo deriska: sida loo dareemo qof dhib qaba, loo dhegeysto, loo ilaaliyo, loona gaarsiiyo caawimaad. Shahaadadu waxay shaqeysaa laba sano."),
        ["A parent or guardian calls 507-555-0121."] = (
            "Uno de los padres o el tutor llama al 507-555-0121.",
            "Waalid ama mas'uul ayaa wacaya 507-555-0121."),
        ["A peer support group run by a counsellor, timed around the shifts: after nights, between days and evenings, and during the night crew's meal break. Talk about sleep, family, money or anything else."] = (
            "Un grupo de apoyo entre compañeros, dirigido por un consejero y con horarios pensados para los turnos: después de la noche, entre el turno de día y el de tarde, y durante la pausa para comer del turno de noche. Hable del sueño, la familia, el dinero o de cualquier otra cosa.",
            "Koox taageero oo asxaab ah oo uu hoggaamiyo la-taliye, waqtigeedana loo dhigay shifooyinka: shifada habeenka kadib, inta u dhaxaysa shifada maalinta iyo tan fiidka, iyo nasashada cuntada ee shaqaalaha habeenka. Ka hadal hurdada, qoyska, lacagta ama wax kale."),
        ["A place to be after school: homework help, basketball, video games, snacks and a youth worker to talk to."] = (
            "Un lugar donde estar después de la escuela: ayuda con las tareas, básquetbol, videojuegos, meriendas y un trabajador juvenil con quien hablar.",
            "Meel aad joogto dugsiga kadib: caawimaad casharrada guriga, kubbadda koleyga, ciyaaraha fiidiyowga, cunto fudud iyo shaqaale dhallinyarada oo aad la hadli karto."),
        ["A public-health nurse visits you at home: for new parents, for older adults living alone, and after a hospital stay. Help with feeding, medications, low mood and connecting to services."] = (
            "Una enfermera de salud pública le visita en casa: a padres y madres con un bebé recién nacido, a personas mayores que viven solas y después de una estancia en el hospital. Ayuda con la alimentación, los medicamentos, el ánimo bajo y el contacto con otros servicios.",
            "Kalkaaliye caafimaadka dadweynaha ah ayaa gurigaaga kuu imaanaya: waalidiinta cusub, dadka waayeelka ah ee keligood nool, iyo kadib marka isbitaal laga soo baxo. Caawimaad quudinta, daawooyinka, niyad-jabka iyo la xiriirka adeegyada kale."),
        ["A small group for people living with the loss of a child. Ten weekly meetings with a trained facilitator and the same few people, so trust can grow. Coffee, tissues and no pressure to speak."] = (
            "Un grupo pequeño para personas que viven con la pérdida de un hijo o una hija. Diez reuniones semanales con un facilitador capacitado y siempre las mismas pocas personas, para que crezca la confianza. Café, pañuelos y ninguna presión para hablar.",
            "Koox yar oo loogu talagalay dadka la nool geerida ilmo. Toban kulan oo toddobaadle ah oo lala yeesho hage tababaran iyo isla dad yar, si kalsoonidu u korto. Qaxwo iyo tishuu, cidina kuma qasbayso inaad hadasho."),
        ["A small group for people living with the loss of a friend. Ten weekly meetings with a trained facilitator and the same few people, so trust can grow. Coffee, tissues and no pressure to speak."] = (
            "Un grupo pequeño para personas que viven con la pérdida de un amigo o una amiga. Diez reuniones semanales con un facilitador capacitado y siempre las mismas pocas personas, para que crezca la confianza. Café, pañuelos y ninguna presión para hablar.",
            "Koox yar oo loogu talagalay dadka la nool geerida saaxiib. Toban kulan oo toddobaadle ah oo lala yeesho hage tababaran iyo isla dad yar, si kalsoonidu u korto. Qaxwo iyo tishuu, cidina kuma qasbayso inaad hadasho."),
        ["A small group for people living with the loss of a parent. Ten weekly meetings with a trained facilitator and the same few people, so trust can grow. Coffee, tissues and no pressure to speak."] = (
            "Un grupo pequeño para personas que viven con la pérdida de su padre o de su madre. Diez reuniones semanales con un facilitador capacitado y siempre las mismas pocas personas, para que crezca la confianza. Café, pañuelos y ninguna presión para hablar.",
            "Koox yar oo loogu talagalay dadka la nool geerida waalid. Toban kulan oo toddobaadle ah oo lala yeesho hage tababaran iyo isla dad yar, si kalsoonidu u korto. Qaxwo iyo tishuu, cidina kuma qasbayso inaad hadasho."),
        ["A small group for people living with the loss of a spouse or partner. Ten weekly meetings with a trained facilitator and the same few people, so trust can grow. Coffee, tissues and no pressure to speak."] = (
            "Un grupo pequeño para personas que viven con la pérdida de su cónyuge o pareja. Diez reuniones semanales con un facilitador capacitado y siempre las mismas pocas personas, para que crezca la confianza. Café, pañuelos y ninguna presión para hablar.",
            "Koox yar oo loogu talagalay dadka la nool geerida xaas ama lammaane. Toban kulan oo toddobaadle ah oo lala yeesho hage tababaran iyo isla dad yar, si kalsoonidu u korto. Qaxwo iyo tishuu, cidina kuma qasbayso inaad hadasho."),
        ["A small group for people living with the loss to suicide. Ten weekly meetings with a trained facilitator and the same few people, so trust can grow. Coffee, tissues and no pressure to speak."] = (
            "Un grupo pequeño para personas que viven con la pérdida de alguien por suicidio. Diez reuniones semanales con un facilitador capacitado y siempre las mismas pocas personas, para que crezca la confianza. Café, pañuelos y ninguna presión para hablar.",
            "Koox yar oo loogu talagalay dadka la nool geerida qof isdilay. Toban kulan oo toddobaadle ah oo lala yeesho hage tababaran iyo isla dad yar, si kalsoonidu u korto. Qaxwo iyo tishuu, cidina kuma qasbayso inaad hadasho."),
        ["A trained veteran mentor meets you for coffee or a walk, helps with VA paperwork and rides, and checks in during the weeks that are hard."] = (
            "Un mentor veterano capacitado se reúne con usted para tomar un café o caminar, le ayuda con los trámites del VA y con el transporte, y se mantiene en contacto durante las semanas difíciles.",
            "Askari hore oo tababaran oo hage ah ayaa kula kulmaya qaxwo ama socod, kaa caawinaya waraaqaha VA iyo gaadiidka, oo kula soo xiriiraya toddobaadyada adag."),
        ["A volunteer calls you every day at a time you choose, just to talk and make sure you're all right. If you don't answer, they check on you."] = (
            "Un voluntario le llama todos los días a la hora que usted elija, solo para conversar y asegurarse de que está bien. Si no contesta, alguien va a ver cómo está.",
            "Tabarruce ayaa ku soo wacaya maalin kasta waqtiga aad doorato, si uu kula sheekeysto oo u hubiyo inaad nabad qabto. Haddii aadan ka jawaabin, qof ayaa kuu imaanaya si uu kuu soo eego."),
        ["A volunteer-driven van to the Minneapolis VA and the Rochester VA clinic, leaving the Veterans' Hall early in the morning."] = (
            "Una camioneta conducida por voluntarios al VA de Minneapolis y a la clínica del VA de Rochester, que sale del Veterans' Hall temprano por la mañana.",
            "Baabuur ay wadaan tabarrucayaal oo aada VA-da Minneapolis iyo rugta VA ee Rochester, kana baxa Veterans' Hall subaxda hore."),
        ["Adults and teens 13 and older, referred by a counsellor or doctor."] = (
            "Adultos y adolescentes de 13 años o más, derivados por un consejero o un médico.",
            "Dadka waaweyn iyo dhallinyarada 13 jir iyo ka weyn, oo uu u soo gudbiyey la-taliye ama dhakhtar."),
        ["Adults who are trusted by people in their community; no prior training needed."] = (
            "Adultos en quienes confía la gente de su comunidad; no se necesita capacitación previa.",
            "Dad waaweyn oo ay dadka bulshadoodu ku kalsoon yihiin; looma baahna tababar hore."),
        ["An advocate explains your options, helps with a safety plan and an order for protection, and goes to court with you."] = (
            "Una persona de apoyo le explica sus opciones, le ayuda con un plan de seguridad y una orden de protección, y le acompaña al tribunal.",
            "Qof kuu doodaya ayaa kuu sharraxaya waxyaabaha aad dooran karto, kaa caawinaya qorshe badbaado iyo amar ilaalin, oo maxkamadda kula raacaya."),
        ["An easy walk around the river loop with a trained volunteer and whoever shows up. Talking is optional; fresh air is not. Walking poles to borrow."] = (
            "Una caminata fácil por el circuito del río con un voluntario capacitado y con quien se presente. Hablar es opcional; el aire fresco, no. Se prestan bastones para caminar.",
            "Socod fudud oo lagu wareegayo jidka webiga, lala socdo tabarruce tababaran iyo qof kasta oo yimaada. Hadalku waa ikhtiyaar; hawada nadiifka ahi maaha. Ulo socod ayaa la amaahin karaa."),
        ["An open twelve-step meeting for anyone who wants to stop drinking or using. Veterans and non-veterans welcome."] = (
            "Una reunión abierta de doce pasos para cualquiera que quiera dejar de beber o de consumir drogas. Son bienvenidos veteranos y no veteranos.",
            "Kulan furan oo ah barnaamijka laba iyo tobanka tallaabo, loogu talagalay qof kasta oo doonaya inuu joojiyo khamriga ama maandooriyaha. Askartii hore iyo dadka kaleba waa soo dhaweyn yihiin."),
        ["Anyone experiencing domestic or sexual violence, with their children."] = (
            "Cualquier persona que sufra violencia doméstica o sexual, con sus hijos.",
            "Qof kasta oo la kulmaya rabshad qoys ama rabshad galmo, iyo carruurtiisa."),
        ["Anyone with a desire to stop drinking or using."] = (
            "Cualquier persona que desee dejar de beber o de consumir drogas.",
            "Qof kasta oo doonaya inuu joojiyo khamriga ama maandooriyaha."),
        ["Anyone; especially men who wouldn't walk into a clinic."] = (
            "Cualquier persona; sobre todo hombres que no entrarían a una clínica.",
            "Qof kasta; gaar ahaan ragga aan rug caafimaad soo gelin lahayn."),
        ["Ask at the community centre front desk or call 507-555-0140."] = (
            "Pregunte en la recepción del centro comunitario o llame al 507-555-0140.",
            "Weydii miiska soo dhaweynta ee xarunta bulshada ama wac 507-555-0140."),
        ["Ask your counsellor or doctor to refer you (fax 507-555-0129). The waiting list is about six weeks; in a crisis call 988 or the mobile crisis team."] = (
            "Pida a su consejero o a su médico que le derive (fax 507-555-0129). La lista de espera es de unas seis semanas; en una crisis, llame al 988 o al equipo móvil de crisis.",
            "Ka codso la-taliyahaaga ama dhakhtarkaaga inuu ku soo gudbiyo (fakis 507-555-0129). Liiska sugitaanku waa qiyaastii lix toddobaad; haddii aad xaalad degdeg ah ku jirto, wac 988 ama kooxda gurmadka ee socota."),
        ["Assessment and medication care from a psychiatrist and a psychiatric nurse practitioner, working with your counsellor or family doctor."] = (
            "Evaluación y atención con medicamentos a cargo de un psiquiatra y de una enfermera especializada en psiquiatría, en colaboración con su consejero o su médico de familia.",
            "Qiimeyn iyo daryeel daawo oo ay bixiyaan dhakhtar maskaxeed iyo kalkaaliye caafimaad oo ku takhasusay caafimaadka maskaxda, iyagoo la shaqeynaya la-taliyahaaga ama dhakhtarka qoyskaaga."),
        ["Before the next fire, flood or layoff: two hours on what stress does to body and mind, how to support children through a disaster, and how to make a family plan. Designed with people who lived through the Riverside wildfire."] = (
            "Antes del próximo incendio, inundación o despido: dos horas sobre lo que el estrés le hace al cuerpo y a la mente, cómo apoyar a los niños durante un desastre y cómo hacer un plan familiar. Diseñado con personas que vivieron el incendio forestal de Riverside.",
            "Ka hor dabka, daadka ama shaqo-ka-eryidda xigta: laba saacadood oo ku saabsan waxa walbahaarku ku sameeyo jirka iyo maskaxda, sida carruurta loogu taageero musiibo dhexdeed, iyo sida loo sameeyo qorshe qoys. Waxaa lala diyaariyey dad soo maray dabkii duurka ee Riverside."),
        ["Behind on rent, facing eviction or sleeping in your car? A housing navigator helps with emergency rental assistance, landlord mediation and applications for affordable housing."] = (
            "¿Está atrasado con el alquiler, a punto de ser desalojado o durmiendo en su auto? Un orientador de vivienda le ayuda con asistencia de emergencia para el alquiler, mediación con el propietario y solicitudes de vivienda asequible.",
            "Kiradii ma kaa dib dhacday, ma lagaa saarayaa guriga, mise gaarigaaga ayaad ku seexataa? Hage guryaha ayaa kaa caawinaya gargaarka degdegga ah ee kirada, dhexdhexaadinta mulkiilaha guriga iyo codsiyada guryaha qiimaha jaban."),
        ["Blood pressure and blood sugar checks, flu shots, and a short wellbeing check-in with a nurse who can help with the next step."] = (
            "Control de la presión arterial y del azúcar en la sangre, vacunas contra la gripe y una breve conversación sobre cómo se siente con una enfermera que puede ayudarle con el siguiente paso.",
            "Baaritaanka dhiig-karka iyo sonkorta dhiigga, tallaalka hargabka, iyo wada-hadal gaaban oo ku saabsan sida aad dareemayso oo lala yeesho kalkaaliye caafimaad oo kaa caawin kara tallaabada xigta."),
        ["Booking line Monday to Friday 7 am to 6 pm."] = (
            "Línea de reservas de lunes a viernes de 7 a. m. a 6 p. m.",
            "Khadka ballansashada: Isniin ilaa Jimce, 7-da subaxnimo ilaa 6-da fiidnimo."),
        ["By appointment, Monday to Friday 7 am to 7 pm."] = (
            "Con cita previa, de lunes a viernes de 7 a. m. a 7 p. m.",
            "Ballan ku imow: Isniin ilaa Jimce, 7-da subaxnimo ilaa 7-da fiidnimo."),
        ["Call 507-555-0104, or ask your doctor or the hospital to refer you."] = (
            "Llame al 507-555-0104 o pida a su médico o al hospital que le deriven.",
            "Wac 507-555-0104, ama ka codso dhakhtarkaaga ama isbitaalka inay ku soo gudbiyaan."),
        ["Call 507-555-0106; assessments within a week, often sooner."] = (
            "Llame al 507-555-0106; las evaluaciones se hacen en menos de una semana, muchas veces antes.",
            "Wac 507-555-0106; qiimeynta waxaa lagu sameeyaa toddobaad gudihiis, inta badan ka hor."),
        ["Call 507-555-0107 or walk in; bring any papers you have, but don't wait for them."] = (
            "Llame al 507-555-0107 o venga sin cita; traiga los papeles que tenga, pero no espere a tenerlos para venir.",
            "Wac 507-555-0107 ama si toos ah u soo gal; keen waraaqaha aad haysato, laakiin ha sugin ilaa aad hesho."),
        ["Call 507-555-0108 at least two working days ahead."] = (
            "Llame al 507-555-0108 con al menos dos días hábiles de anticipación.",
            "Wac 507-555-0108 ugu yaraan laba maalmood oo shaqo ka hor."),
        ["Call 507-555-0121 and ask for telehealth; we'll text you the link."] = (
            "Llame al 507-555-0121 y pida telesalud; le enviaremos el enlace por mensaje de texto.",
            "Wac 507-555-0121 oo weydii la-talin fogaan ah (telehealth); linkiga waxaan kuugu soo diri doonnaa fariin qoraal ah."),
        ["Call 507-555-0121 for an intake appointment; most people are seen within two weeks. No referral needed."] = (
            "Llame al 507-555-0121 para pedir una primera cita; a la mayoría de las personas se las atiende en menos de dos semanas. No necesita derivación.",
            "Wac 507-555-0121 si aad u hesho ballanta koowaad; dadka badankood waxaa la arkaa laba toddobaad gudahood. Uma baahnid u-gudbin."),
        ["Call 507-555-0135 at any hour for intake; staff will tell you where to go."] = (
            "Llame al 507-555-0135 a cualquier hora para pedir un lugar; el personal le dirá adónde ir.",
            "Wac 507-555-0135 saacad kasta si laguu diiwaangeliyo; shaqaaluhu waxay kuu sheegi doonaan meesha aad aadayso."),
        ["Call 507-555-0160 by 10 am the day before to reserve a meal."] = (
            "Llame al 507-555-0160 antes de las 10 a. m. del día anterior para reservar una comida.",
            "Wac 507-555-0160 ka hor 10-ka subaxnimo maalinta ka horreysa si aad cunto u ballansato."),
        ["Call 507-555-0162; a volunteer visits to sign you up."] = (
            "Llame al 507-555-0162; un voluntario irá a verle para inscribirle.",
            "Wac 507-555-0162; tabarruce ayaa kuu imaanaya si uu kuu diiwaangeliyo."),
        ["Call 507-555-0163 to sign up yourself or someone you care about."] = (
            "Llame al 507-555-0163 para inscribirse usted o inscribir a alguien que le importa.",
            "Wac 507-555-0163 si aad isu diiwaangeliso adiga ama qof aad daryeesho."),
        ["Call 507-555-0171 at any hour; say you work at Millside."] = (
            "Llame al 507-555-0171 a cualquier hora; diga que trabaja en Millside.",
            "Wac 507-555-0171 saacad kasta; sheeg inaad ka shaqeyso Millside."),
        ["Call 507-555-0180 or ask at the coffee group; you'll be matched within a week."] = (
            "Llame al 507-555-0180 o pregunte en el grupo del café; en menos de una semana le asignarán un mentor.",
            "Wac 507-555-0180 ama weydii kooxda qaxwada; toddobaad gudihiis ayaa laguu helayaa hage."),
        ["Call 507-555-0182 by noon the day before."] = (
            "Llame al 507-555-0182 antes del mediodía del día anterior.",
            "Wac 507-555-0182 ka hor duhurka maalinta ka horreysa."),
        ["Call 507-555-0192 to book; visits at your farm if you prefer."] = (
            "Llame al 507-555-0192 para pedir cita; si lo prefiere, le visitan en su granja.",
            "Wac 507-555-0192 si aad ballan u qabsato; haddii aad doorbido, beertaada ayaa laguugu imaanayaa."),
        ["Call or text 507-555-0130 to reserve childcare spots."] = (
            "Llame o envíe un mensaje de texto al 507-555-0130 para reservar lugares en el cuidado de niños.",
            "Wac ama fariin u dir 507-555-0130 si aad meel ugu ballansato daryeelka carruurta."),
        ["Call or text 507-555-0133 a day ahead."] = (
            "Llame o envíe un mensaje de texto al 507-555-0133 con un día de anticipación.",
            "Wac ama fariin u dir 507-555-0133 maalin ka hor."),
        ["Call or text 507-555-0191."] = (
            "Llame o envíe un mensaje de texto al 507-555-0191.",
            "Wac ama fariin u dir 507-555-0191."),
        ["Call the 24-hour line at 507-555-0196; an advocate arranges a safe meeting place. The address is never given out."] = (
            "Llame a la línea de 24 horas al 507-555-0196; una persona de apoyo acordará con usted un lugar seguro para encontrarse. La dirección nunca se da a conocer.",
            "Wac khadka 24-ka saacadood ee 507-555-0196; qof kuu doodaya ayaa diyaarinaya meel ammaan ah oo aad ku kulantaan. Cinwaanka weligiis lama bixiyo."),
        ["Call the clinic's grief coordinator at 507-555-0124 for a short, friendly conversation before your first meeting. New pods start every ten weeks."] = (
            "Llame a la coordinadora de duelo de la clínica al 507-555-0124 para tener una conversación breve y amable antes de su primera reunión. Cada diez semanas empiezan grupos nuevos.",
            "Wac isku-duwaha murugada ee rugta caafimaadka 507-555-0124 si aad u yeelataan wada-hadal gaaban oo saaxiibtinimo leh ka hor kulankaaga ugu horreeya. Kooxo cusub ayaa bilaabma toban toddobaadba mar."),
        ["Calls every day between 9 am and 5 pm."] = (
            "Llamadas todos los días entre las 9 a. m. y las 5 p. m.",
            "Wicitaanno maalin kasta inta u dhaxaysa 9-ka subaxnimo iyo 5-ta galabnimo."),
        ["Catholic parish; Spanish-language ministry, parenting workshops with childcare."] = (
            "Parroquia católica; pastoral en español y talleres para padres con cuidado de niños.",
            "Kaniisad Katoolik ah; adeeg diimeed oo af-Isbaanish ah, iyo aqoon-isweydaarsiyo waalidnimo oo leh daryeel carruureed."),
        ["Children 4 to 17 with a parent or guardian."] = (
            "Niños de 4 a 17 años con uno de sus padres o su tutor.",
            "Carruurta 4 ilaa 17 jir ah oo la socda waalid ama mas'uul."),
        ["Choose a week of groceries — fresh produce, milk, eggs, meat, halal and culturally familiar foods — once a week, no questions asked. Diapers and hygiene items too."] = (
            "Elija las compras de una semana (frutas y verduras frescas, leche, huevos, carne, alimentos halal y comidas de su cultura) una vez por semana, sin preguntas. También pañales y artículos de higiene.",
            "Dooro cunto toddobaad kugu filan — khudaar iyo miro cusub, caano, ukun, hilib, cunto xalaal ah iyo cuntooyin aad taqaanno — toddobaadkii mar, su'aal la'aan. Xafaayado iyo alaabta nadaafadda sidoo kale."),
        ["Closed: the recovery centre shut after the rebuild. Housing help and counselling continue at the Government Center."] = (
            "Cerrado: el centro de recuperación cerró después de la reconstrucción. La ayuda con la vivienda y la consejería siguen en el Government Center.",
            "Waa xiran yahay: xarunta soo-kabashada waa la xiray kadib dib-u-dhiska. Caawimaadda guryaha iyo la-talintu waxay ka socdaan Government Center."),
        ["Come during open hours and give your name and household size; no ID or proof of income needed."] = (
            "Venga en el horario de atención y diga su nombre y cuántas personas viven en su hogar; no necesita identificación ni comprobante de ingresos.",
            "Imow saacadaha furan oo sheeg magacaaga iyo tirada dadka qoyskaaga; uma baahnid aqoonsi ama caddeyn dakhli."),
        ["Confidential crisis support for veterans, service members, National Guard and Reserve members, and the people who support them."] = (
            "Apoyo confidencial en crisis para veteranos, miembros de las fuerzas armadas, de la Guardia Nacional y de la Reserva, y las personas que los apoyan.",
            "Taageero qarsoodi ah oo xaaladaha degdegga ah loogu talagalay askartii hore, askarta hadda shaqeysa, xubnaha Ilaalada Qaranka iyo Kaydka, iyo dadka taageera."),
        ["Counselling by secure video from home — good for farm families, night-shift workers and anyone without a ride. A phone call works too if video doesn't."] = (
            "Consejería por video seguro desde casa: ideal para familias del campo, personas que trabajan de noche y cualquiera que no tenga cómo llegar. Si el video no funciona, también sirve una llamada.",
            "La-talin fiidiyow ammaan ah adigoo guriga jooga — ku habboon qoysaska beeraleyda, shaqaalaha habeenka iyo qof kasta oo aan gaadiid haysan. Haddii fiidiyowgu shaqeyn waayo, wicitaan telefoon ayaa la isticmaali karaa."),
        ["Counsellors and a school social worker for students: stress, friendships, family trouble, grief, self-harm, or worry about a friend. Students can drop in or be referred by a teacher."] = (
            "Consejeros y un trabajador social escolar para estudiantes: estrés, amistades, problemas en la familia, duelo, autolesiones o preocupación por un amigo. Los estudiantes pueden pasar sin cita o ser enviados por un maestro.",
            "La-taliyeyaal iyo shaqaale bulsho oo dugsiga ah oo loogu talagalay ardayda: walbahaar, saaxiibtinimo, dhibaato qoys, murugo, is-dhaawac, ama welwel ku saabsan saaxiib. Ardaydu si toos ah ayay u iman karaan, ama macallin ayaa soo diri kara."),
        ["County residents without a car or who can't drive; priority for farms and Hillcrest."] = (
            "Residentes del condado sin auto o que no pueden manejar; tienen prioridad las granjas y Hillcrest.",
            "Dadka degmada deggan ee aan gaari lahayn ama aan wadi karin; mudnaanta waxaa leh beeraha iyo Hillcrest."),
        ["Deliveries Monday to Friday."] = (
            "Entregas de lunes a viernes.",
            "Cuntada waxaa la keenaa Isniin ilaa Jimce."),
        ["Drop in at student services or send a message through the school's help-a-friend form."] = (
            "Pase por servicios estudiantiles o envíe un mensaje con el formulario de la escuela para ayudar a un amigo.",
            "Ku soo gal xafiiska adeegyada ardayda ama fariin ku soo dir foomka dugsiga ee \"caawi saaxiib\"."),
        ["Drop-in help for households affected by the Riverside wildfire: insurance claims, rebuilding permits, counselling and supplies."] = (
            "Ayuda sin cita para los hogares afectados por el incendio forestal de Riverside: reclamos al seguro, permisos de reconstrucción, consejería y suministros.",
            "Caawimaad ballan la'aan ah oo loogu talagalay qoysaska uu saameeyey dabkii duurka ee Riverside: dalabaadka caymiska, oggolaanshaha dib-u-dhiska, la-talin iyo agab."),
        ["Elders and young people share stories, poems and memories from Somalia and from Riverbend over tea. A gentle way to talk about loss, change and hope."] = (
            "Personas mayores y jóvenes comparten, tomando té, historias, poemas y recuerdos de Somalia y de Riverbend. Una forma suave de hablar de la pérdida, el cambio y la esperanza.",
            "Waayeelka iyo dhallinyaradu shaah ayay ku wadaagaan sheekooyin, gabayo iyo xusuus ka timid Soomaaliya iyo Riverbend. Hab deggan oo looga hadlo luminta, isbeddelka iyo rajada."),
        ["Families with children, and pregnant people."] = (
            "Familias con hijos y personas embarazadas.",
            "Qoysaska carruurta leh, iyo dumarka uurka leh."),
        ["Farm families in Riverbend County, members or not."] = (
            "Familias del campo del condado de Riverbend, sean o no miembros.",
            "Qoysaska beeraleyda ah ee Degmada Riverbend, xubno ha ahaadeen ama yaysan ahaan."),
        ["Farm families' association; farm stress outreach."] = (
            "Asociación de familias agricultoras; apoyo ante el estrés en el campo.",
            "Ururka qoysaska beeraleyda; taageero walbahaarka beeraha."),
        ["Fill in an enrolment form at the front desk."] = (
            "Llene un formulario de inscripción en la recepción.",
            "Buuxi foomka diiwaangelinta ee miiska soo dhaweynta."),
        ["First Monday 10 am to 1 pm at the Veterans' Hall."] = (
            "Primer lunes de cada mes, de 10 a. m. a 1 p. m., en el Veterans' Hall.",
            "Isniinta koowaad ee bisha, 10-ka subaxnimo ilaa 1-da duhurnimo, Veterans' Hall."),
        ["First Tuesday, 6:30 to 8 pm, during the school year."] = (
            "Primer martes de cada mes, de 6:30 a 8 p. m., durante el año escolar.",
            "Talaadada koowaad ee bisha, 6:30 ilaa 8-da fiidnimo, inta sannad-dugsiyeedku socdo."),
        ["First Wednesday, 3 to 6 pm, at the farm bureau."] = (
            "Primer miércoles de cada mes, de 3 a 6 p. m., en la asociación agrícola (farm bureau).",
            "Arbacada koowaad ee bisha, 3-da ilaa 6-da galabnimo, xafiiska ururka beeraleyda (farm bureau)."),
        ["First and third Monday, 1 to 4 pm."] = (
            "Primer y tercer lunes de cada mes, de 1 a 4 p. m.",
            "Isniinta koowaad iyo tan saddexaad ee bisha, 1-da ilaa 4-ta galabnimo."),
        ["First and third Thursday, 6:30 to 8 pm."] = (
            "Primer y tercer jueves de cada mes, de 6:30 a 8 p. m.",
            "Khamiista koowaad iyo tan saddexaad ee bisha, 6:30 ilaa 8-da fiidnimo."),
        ["For adults whose mother, father or the person who raised them has died."] = (
            "Para adultos cuya madre, cuyo padre o la persona que los crió ha muerto.",
            "Loogu talagalay dadka waaweyn ee ay hooyadood, aabbahood ama qofkii koriyey dhintay."),
        ["For anyone who has lost someone to suicide. Facilitated by a counsellor and a peer who has lived this loss."] = (
            "Para cualquier persona que haya perdido a alguien por suicidio. Lo guían un consejero y una persona que ha vivido esta misma pérdida.",
            "Loogu talagalay qof kasta oo qof uu jeclaa isdilay. Waxaa hagaya la-taliye iyo qof isagu soo maray isla luminta."),
        ["For anyone whose husband, wife or partner has died, whether it was last month or years ago."] = (
            "Para cualquier persona cuyo esposo, esposa o pareja haya muerto, ya sea el mes pasado o hace años.",
            "Loogu talagalay qof kasta oo ay ninkiisa, xaaskiisa ama lammaanihiisu dhintay, ha ahaato bishii hore ama sannado ka hor."),
        ["For parents and grandparents whose child has died, at any age and from any cause."] = (
            "Para padres, madres, abuelos y abuelas cuyo hijo haya muerto, a cualquier edad y por cualquier causa.",
            "Loogu talagalay waalidiinta iyo awoowayaasha uu ilmahoodu dhintay, da' kasta iyo sabab kasta."),
        ["For people caring for a partner or parent with dementia, cancer or frailty. Respite companions look after your person in the lounge while you meet."] = (
            "Para personas que cuidan a su pareja, a su padre o a su madre con demencia, cáncer o fragilidad. Mientras usted está en la reunión, acompañantes de relevo cuidan a su ser querido en la sala de estar.",
            "Loogu talagalay dadka daryeela lammaane ama waalid qaba xusuus-lumis, kansar ama daciifnimo. Inta aad kulanka ku jirto, wehelyaal ayaa qofkaaga ku ilaaliya qolka fadhiga."),
        ["For teens and adults grieving a friend; many members are students who lost a classmate."] = (
            "Para adolescentes y adultos en duelo por un amigo; muchos de los miembros son estudiantes que perdieron a un compañero de clase.",
            "Loogu talagalay dhallinyarada iyo dadka waaweyn ee u murugoonaya saaxiib; xubno badan waa arday uu ka dhintay arday ay fasal wada ahaayeen."),
        ["Free childcare in the parish nursery while you go to an appointment, a job interview or just need two hours."] = (
            "Cuidado de niños gratis en la guardería de la parroquia mientras usted va a una cita, a una entrevista de trabajo o simplemente necesita dos horas.",
            "Daryeel carruureed oo bilaash ah oo ka dhaca xannaanada kaniisadda inta aad aadayso ballan, wareysi shaqo, ama aad u baahan tahay laba saacadood oo keliya."),
        ["Free for county residents; the county can pay for treatment if you qualify."] = (
            "Gratis para los residentes del condado; el condado puede pagar el tratamiento si usted cumple los requisitos.",
            "Bilaash u ah dadka degmada deggan; degmadu way bixin kartaa kharashka daaweynta haddii aad u qalanto."),
        ["Free groceries, no questions asked."] = (
            "Alimentos gratis, sin preguntas.",
            "Cunto bilaash ah, su'aal la'aan."),
        ["Free phone interpreters for any language."] = (
            "Intérpretes telefónicos gratuitos para cualquier idioma.",
            "Turjubaanno telefoon ah oo bilaash ah, luqad kasta."),
        ["Free phone interpreters for any language; bilingual Spanish counsellors."] = (
            "Intérpretes telefónicos gratuitos para cualquier idioma; consejeros bilingües que hablan español.",
            "Turjubaanno telefoon ah oo bilaash ah, luqad kasta; la-taliyeyaal ku hadla af-Isbaanish."),
        ["Free to employees and household members."] = (
            "Gratis para los empleados y las personas de su hogar.",
            "Bilaash u ah shaqaalaha iyo dadka qoyskooda."),
        ["Free, 24/7 text-based mental health support and crisis intervention from trained volunteer crisis counsellors."] = (
            "Apoyo gratuito de salud mental e intervención en crisis por mensajes de texto, las 24 horas, todos los días, a cargo de consejeros de crisis voluntarios y capacitados.",
            "Taageero caafimaadka maskaxda iyo gargaar xaaladaha degdegga ah oo bilaash ah, fariin qoraal ah, 24 saacadood maalin kasta, oo ay bixiyaan la-taliyeyaal tabarruc ah oo tababaran."),
        ["Free, confidential support, safety planning and referrals for anyone affected by relationship abuse."] = (
            "Apoyo gratuito y confidencial, planes de seguridad y derivaciones para cualquier persona afectada por el maltrato en una relación.",
            "Taageero bilaash ah oo qarsoodi ah, qorshe badbaado iyo u-gudbin, loogu talagalay qof kasta oo ay saameysay xadgudub ka dhaca xiriirka lammaanaha."),
        ["Friday and Saturday 9 am to 5 pm."] = (
            "Viernes y sábado de 9 a. m. a 5 p. m.",
            "Jimce iyo Sabti, 9-ka subaxnimo ilaa 5-ta galabnimo."),
        ["Games, crafts and pizza in the teen room, and a librarian who knows where to find help with anything."] = (
            "Juegos, manualidades y pizza en la sala para adolescentes, y una bibliotecaria que sabe dónde encontrar ayuda para lo que sea.",
            "Ciyaaro, farsamo-gacmeed iyo biisa qolka dhallinyarada, iyo shaqaale maktabadeed oo yaqaan meesha laga helo caawimaad wax kasta."),
        ["Grades 9–12; counselling team and student support."] = (
            "Grados 9 a 12; equipo de consejería y apoyo a los estudiantes.",
            "Fasallada 9 ilaa 12; kooxda la-talinta iyo taageerada ardayda."),
        ["Interpreters for family meetings."] = (
            "Intérpretes para las reuniones con la familia.",
            "Turjubaanno kulamada qoyska."),
        ["Jueves 1 a 7 pm. Thursdays 1 to 7 pm."] = (
            "Los jueves de 1 a 7 p. m.",
            "Khamiis kasta, 1-da duhurnimo ilaa 7-da fiidnimo."),
        ["Jueves 7 a 8:30 pm. Thursdays 7 to 8:30 pm."] = (
            "Los jueves de 7 a 8:30 p. m.",
            "Khamiis kasta, 7-da ilaa 8:30 fiidnimo."),
        ["Just come to a stop; bring bags if you can."] = (
            "Solo venga a una de las paradas; traiga bolsas si puede.",
            "Kaliya imow meel uu gaarigu istaago; keen bacaha haddii aad awooddo."),
        ["Library with quiet rooms, therapy-dog hours and free internet."] = (
            "Biblioteca con salas tranquilas, horas con perros de terapia e internet gratis.",
            "Maktabad leh qolal deggan, saacado eeyaha daaweynta iyo internet bilaash ah."),
        ["Licensed after-school care with Somali- and English-speaking staff, Quran study and homework time."] = (
            "Cuidado después de la escuela, con licencia y con personal que habla somalí e inglés, estudio del Corán y tiempo para las tareas.",
            "Daryeel dugsi-ka-dib ah oo shati leh, leh shaqaale ku hadla af-Soomaali iyo Ingiriisi, barashada Quraanka iyo waqti casharrada guriga."),
        ["Listening is free; haircuts at the usual price."] = (
            "Escuchar es gratis; los cortes de pelo, al precio de siempre.",
            "Dhegeysigu waa bilaash; timo-jaristu waa qiimaha caadiga ah."),
        ["Llame al 507-555-0121 y pida consejería en español."] = (
            "Llame al 507-555-0121 y pida consejería en español.",
            "Wac 507-555-0121 oo weydii la-talin af-Isbaanish ah."),
        ["Meals, activities and walk-and-talk for older residents."] = (
            "Comidas, actividades y caminatas con conversación para los residentes mayores.",
            "Cunto, hawlo iyo socod-iyo-sheeko loogu talagalay dadka waayeelka ah."),
        ["Millside Manufacturing employees and contractors."] = (
            "Empleados y contratistas de Millside Manufacturing.",
            "Shaqaalaha iyo qandaraaslayaasha Millside Manufacturing."),
        ["Millside Manufacturing employees and their household members."] = (
            "Empleados de Millside Manufacturing y las personas de su hogar.",
            "Shaqaalaha Millside Manufacturing iyo dadka qoyskooda."),
        ["Monday to Friday 11:30 am to 1 pm."] = (
            "De lunes a viernes de 11:30 a. m. a 1 p. m.",
            "Isniin ilaa Jimce, 11:30 subaxnimo ilaa 1-da duhurnimo."),
        ["Monday to Friday 7 am to 8 pm."] = (
            "De lunes a viernes de 7 a. m. a 8 p. m.",
            "Isniin ilaa Jimce, 7-da subaxnimo ilaa 8-da fiidnimo."),
        ["Monday to Friday 8 am to 4:30 pm at the Government Center."] = (
            "De lunes a viernes de 8 a. m. a 4:30 p. m. en el Government Center.",
            "Isniin ilaa Jimce, 8-da subaxnimo ilaa 4:30 galabnimo, Government Center."),
        ["Monday to Friday 8 am to 4:30 pm."] = (
            "De lunes a viernes de 8 a. m. a 4:30 p. m.",
            "Isniin ilaa Jimce, 8-da subaxnimo ilaa 4:30 galabnimo."),
        ["Monday to Friday 8 am to 6 pm."] = (
            "De lunes a viernes de 8 a. m. a 6 p. m.",
            "Isniin ilaa Jimce, 8-da subaxnimo ilaa 6-da fiidnimo."),
        ["Monday to Friday 9 am to 5 pm."] = (
            "De lunes a viernes de 9 a. m. a 5 p. m.",
            "Isniin ilaa Jimce, 9-ka subaxnimo ilaa 5-ta galabnimo."),
        ["Monday to Friday noon to 4 pm."] = (
            "De lunes a viernes, del mediodía a las 4 p. m.",
            "Isniin ilaa Jimce, duhurka ilaa 4-ta galabnimo."),
        ["Monday to Thursday 3:30 to 7 pm."] = (
            "De lunes a jueves de 3:30 a 7 p. m.",
            "Isniin ilaa Khamiis, 3:30 galabnimo ilaa 7-da fiidnimo."),
        ["Monday to Thursday 9 am to 8 pm."] = (
            "De lunes a jueves de 9 a. m. a 8 p. m.",
            "Isniin ilaa Khamiis, 9-ka subaxnimo ilaa 8-da fiidnimo."),
        ["Mondays 6 to 7:30 pm."] = (
            "Los lunes de 6 a 7:30 p. m.",
            "Isniin kasta, 6-da ilaa 7:30 fiidnimo."),
        ["Mondays and Fridays 7 to 8 pm."] = (
            "Los lunes y viernes de 7 a 8 p. m.",
            "Isniinta iyo Jimcaha, 7-da ilaa 8-da fiidnimo."),
        ["Mondays, Wednesdays and Fridays 8:30 am to 4:30 pm."] = (
            "Los lunes, miércoles y viernes de 8:30 a. m. a 4:30 p. m.",
            "Isniinta, Arbacada iyo Jimcaha, 8:30 subaxnimo ilaa 4:30 galabnimo."),
        ["Mondays, Wednesdays and Fridays 9 am to 1 pm."] = (
            "Los lunes, miércoles y viernes de 9 a. m. a 1 p. m.",
            "Isniinta, Arbacada iyo Jimcaha, 9-ka subaxnimo ilaa 1-da duhurnimo."),
        ["Mondays, Wednesdays and Fridays 9:30 to 10:30 am; cancelled in storms."] = (
            "Los lunes, miércoles y viernes de 9:30 a 10:30 a. m.; se cancela si hay tormenta.",
            "Isniinta, Arbacada iyo Jimcaha, 9:30 ilaa 10:30 subaxnimo; waa la joojiyaa marka ay duufaan jirto."),
        ["Office hours Tuesdays and Thursdays 10 am to 4 pm; mentors meet at any time that suits you."] = (
            "Horario de oficina: martes y jueves de 10 a. m. a 4 p. m.; los mentores se reúnen con usted cuando le convenga.",
            "Saacadaha xafiiska: Talaadada iyo Khamiista, 10-ka subaxnimo ilaa 4-ta galabnimo; hageyaashu waxay kula kulmaan waqti kasta oo kugu habboon."),
        ["Older adults who live alone or feel lonely."] = (
            "Personas mayores que viven solas o que se sienten solas.",
            "Dadka waayeelka ah ee keligood nool ama dareema kelinimo."),
        ["One-to-one counselling with licensed therapists for depression, anxiety, trauma, grief, relationship trouble and stress. Evening appointments on Tuesdays and Thursdays."] = (
            "Consejería individual con terapeutas con licencia para la depresión, la ansiedad, el trauma, el duelo, los problemas de pareja y el estrés. Citas al final de la tarde los martes y jueves.",
            "La-talin adiga iyo daaweeye shati haysta oo keliya, loogu talagalay niyad-jabka, walaaca, dhaawaca maskaxda (trauma), murugada, dhibaatooyinka xiriirka iyo walbahaarka. Ballamo fiidkii ah Talaadada iyo Khamiista."),
        ["Parents and caregivers of Riverbend teens."] = (
            "Padres, madres y cuidadores de adolescentes de Riverbend.",
            "Waalidiinta iyo daryeel-bixiyeyaasha dhallinyarada Riverbend."),
        ["Parents and caregivers of children of any age."] = (
            "Padres, madres y cuidadores de niños de cualquier edad.",
            "Waalidiinta iyo daryeel-bixiyeyaasha carruurta da' kasta."),
        ["People 60 and older and their spouses of any age."] = (
            "Personas de 60 años o más y sus cónyuges, de cualquier edad.",
            "Dadka 60 jir iyo ka weyn, iyo lammaanahooda da' kasta ha ahaadee."),
        ["People 60 and older who can't easily shop or cook."] = (
            "Personas de 60 años o más a quienes les cuesta hacer las compras o cocinar.",
            "Dadka 60 jir iyo ka weyn ee aan si fudud wax u soo iibsan karin ama cunto u karsan karin."),
        ["Play-based and family therapy for children and their parents: worries, anger, school refusal, loss, and big changes at home."] = (
            "Terapia con juego y terapia familiar para niños y sus padres: preocupaciones, enojo, rechazo a ir a la escuela, pérdidas y grandes cambios en casa.",
            "Daaweyn ciyaar ku saleysan iyo daaweyn qoys oo loogu talagalay carruurta iyo waalidkood: welwel, cadho, diidmada dugsiga, lumin, iyo isbeddello waaweyn oo guriga ka dhaca."),
        ["Primary care, counselling and psychiatry; sliding-scale fees."] = (
            "Atención primaria, consejería y psiquiatría; tarifas según los ingresos.",
            "Daryeel caafimaad oo aasaasi ah, la-talin iyo daaweynta maskaxda; lacagtu waxay ku xiran tahay dakhligaaga."),
        ["Regional domestic-violence programme for Riverbend and two neighbouring counties: a 24-hour line, a confidential safe house, and advocates who help with safety plans, protection orders and housing."] = (
            "Programa regional contra la violencia doméstica para Riverbend y dos condados vecinos: una línea de 24 horas, una casa de refugio confidencial y personas de apoyo que ayudan con planes de seguridad, órdenes de protección y vivienda.",
            "Barnaamij gobol oo ka shaqeeya rabshadaha qoyska, loogu talagalay Riverbend iyo laba degmo oo deris ah: khad 24 saacadood ah, guri ammaan ah oo qarsoodi ah, iyo dad kuu doodaya oo ka caawiya qorshayaasha badbaadada, amarrada ilaalinta iyo guryaha."),
        ["Register by phone or email; places are limited to 20 per session."] = (
            "Inscríbase por teléfono o por correo electrónico; hay 20 lugares por sesión como máximo.",
            "Isku diiwaangeli telefoon ama iimayl; kulan kasta waxaa ka qeyb geli kara 20 qof oo keliya."),
        ["Riverbend County's public health department."] = (
            "El departamento de salud pública del condado de Riverbend.",
            "Waaxda caafimaadka dadweynaha ee Degmada Riverbend."),
        ["Riverbend High School students."] = (
            "Estudiantes de Riverbend High School.",
            "Ardayda Riverbend High School."),
        ["Safe beds, meals and showers for families with children who have nowhere to stay tonight, plus help finding housing. The location is kept confidential to protect families."] = (
            "Camas seguras, comidas y duchas para familias con niños que no tienen dónde quedarse esta noche, además de ayuda para encontrar vivienda. La ubicación se mantiene en reserva para proteger a las familias.",
            "Sariiro ammaan ah, cunto iyo qubeys loogu talagalay qoysaska carruurta leh ee aan caawa meel ay seexdaan lahayn, iyo caawimaad lagu helo guri. Goobta waa la qariyaa si qoysaska loo ilaaliyo."),
        ["Saturday morning coffee, donuts and conversation with other veterans. No agenda and no speeches; come once or every week. Partners welcome on the last Saturday of the month."] = (
            "Café, donas y conversación los sábados por la mañana con otros veteranos. Sin agenda y sin discursos; venga una vez o todas las semanas. Las parejas son bienvenidas el último sábado de cada mes.",
            "Qaxwo, doonat iyo sheeko Sabti subaxdii oo lala yeesho askar hore oo kale. Ajande iyo khudbad midna ma jiraan; imow hal mar ama toddobaad kasta. Lammaanayaasha waa la soo dhaweynayaa Sabtida ugu dambeysa bisha."),
        ["Saturdays 10 am to noon."] = (
            "Los sábados de 10 a. m. al mediodía.",
            "Sabti kasta, 10-ka subaxnimo ilaa duhurka."),
        ["Saturdays 8 to 10 am."] = (
            "Los sábados de 8 a 10 a. m.",
            "Sabti kasta, 8-da ilaa 10-ka subaxnimo."),
        ["Saturdays 9 am to 2 pm."] = (
            "Los sábados de 9 a. m. a 2 p. m.",
            "Sabti kasta, 9-ka subaxnimo ilaa 2-da galabnimo."),
        ["Saturdays 9 am to noon."] = (
            "Los sábados de 9 a. m. al mediodía.",
            "Sabti kasta, 9-ka subaxnimo ilaa duhurka."),
        ["School days 2:30 to 6 pm."] = (
            "Días de clase, de 2:30 a 6 p. m.",
            "Maalmaha dugsiga, 2:30 ilaa 6-da fiidnimo."),
        ["School days 7:30 am to 3:30 pm."] = (
            "Días de clase, de 7:30 a. m. a 3:30 p. m.",
            "Maalmaha dugsiga, 7:30 subaxnimo ilaa 3:30 galabnimo."),
        ["School days at lunch, room 114."] = (
            "Días de clase, a la hora del almuerzo, en el salón 114.",
            "Maalmaha dugsiga, waqtiga qadada, qolka 114."),
        ["Second Friday, 2 to 5 pm, at the community centre."] = (
            "Segundo viernes de cada mes, de 2 a 5 p. m., en el centro comunitario.",
            "Jimcaha labaad ee bisha, 2-da ilaa 5-ta galabnimo, xarunta bulshada."),
        ["Second Saturday of the month, 10 am to noon."] = (
            "Segundo sábado de cada mes, de 10 a. m. al mediodía.",
            "Sabtida labaad ee bisha, 10-ka subaxnimo ilaa duhurka."),
        ["Second Thursday, 1:30 to 3 pm."] = (
            "Segundo jueves de cada mes, de 1:30 a 3 p. m.",
            "Khamiista labaad ee bisha, 1:30 ilaa 3-da galabnimo."),
        ["Second and fourth Tuesday, 6:30 to 8 pm."] = (
            "Segundo y cuarto martes de cada mes, de 6:30 a 8 p. m.",
            "Talaadada labaad iyo tan afraad ee bisha, 6:30 ilaa 8-da fiidnimo."),
        ["Sign up by phone at 507-555-0100 or just come."] = (
            "Inscríbase por teléfono al 507-555-0100 o simplemente venga.",
            "Isku diiwaangeli telefoonka 507-555-0100 ama kaliya imow."),
        ["Sit with a calm, certified therapy dog and its handler. Loved by children practising reading, students before exams and anyone who misses a pet."] = (
            "Siéntese con un perro de terapia tranquilo y certificado y con su guía. Les encanta a los niños que practican la lectura, a los estudiantes antes de los exámenes y a cualquiera que extrañe a una mascota.",
            "La fadhiiso eey daaweyn oo deggan oo shahaado leh iyo qofka haya. Waxaa jecel carruurta akhriska baranaysa, ardayda ka hor imtixaannada iyo qof kasta oo u xiisay xayawaan guri."),
        ["Six evenings for parents on stress, sleep, screens, and staying calm when children aren't. A hot supper first and free childcare in the nursery, so both parents can come. Talleres en español y en inglés."] = (
            "Seis tardes para padres y madres sobre el estrés, el sueño, las pantallas y cómo mantener la calma cuando los niños no la mantienen. Primero, una cena caliente, y cuidado de niños gratis en la guardería, para que puedan venir ambos padres. Talleres en español y en inglés.",
            "Lix fiid oo loogu talagalay waalidiinta, oo ku saabsan walbahaarka, hurdada, shaashadaha iyo sida loo dego marka carruurtu aysan degganayn. Marka hore casho kulul, iyo daryeel carruureed oo bilaash ah, si labada waalidba u yimaadaan. Aqoon-isweydaarsiyo af-Isbaanish iyo Ingiriisi ah."),
        ["Sliding scale by household income, from $10 a visit; most insurance and Medical Assistance accepted. Nobody is turned away for inability to pay."] = (
            "Tarifa según los ingresos del hogar, desde $10 por consulta; se aceptan la mayoría de los seguros y Medical Assistance. A nadie se le niega la atención por no poder pagar.",
            "Lacagtu waxay ku xiran tahay dakhliga qoyska, laga bilaabo $10 booqashadii; caymisyada badankood iyo Medical Assistance waa la aqbalaa. Qofna laguma celiyo inuusan lacag bixin karin awgeed."),
        ["Sliding scale, $0 to $60 a week; childcare assistance accepted."] = (
            "Tarifa según los ingresos, de $0 a $60 por semana; se acepta la ayuda para el cuidado de niños.",
            "Lacagtu waxay ku xiran tahay dakhliga, $0 ilaa $60 toddobaadkii; gargaarka daryeelka carruurta waa la aqbalaa."),
        ["Somali community centre: youth programmes, storytelling circle, family support."] = (
            "Centro comunitario somalí: programas para jóvenes, círculo de cuentos y apoyo a las familias.",
            "Xarunta bulshada Soomaalida: barnaamijyo dhallinyarada, fadhiga sheekooyinka, iyo taageerada qoyska."),
        ["Somali- and Spanish-speaking nurses; interpreters for other languages."] = (
            "Enfermeras que hablan somalí y español; intérpretes para otros idiomas.",
            "Kalkaaliyeyaal caafimaad oo ku hadla af-Soomaali iyo af-Isbaanish; turjubaanno luqadaha kale."),
        ["Somali-speaking volunteers on Thursdays."] = (
            "Voluntarios que hablan somalí los jueves.",
            "Tabarrucayaal ku hadla af-Soomaali Khamiista."),
        ["Spanish and Somali interpreters in the room."] = (
            "Intérpretes de español y somalí en la sala.",
            "Turjubaanno af-Isbaanish iyo af-Soomaali ah ayaa qolka jooga."),
        ["Spanish and Somali interpreters on request."] = (
            "Intérpretes de español y somalí si los pide.",
            "Turjubaanno af-Isbaanish iyo af-Soomaali ah haddii aad codsato."),
        ["Spanish-language counselling at the parish hall with the clinic's bilingual therapist. Consejería individual y familiar en español, cerca de casa."] = (
            "Consejería en español en el salón parroquial con la terapeuta bilingüe de la clínica. Consejería individual y familiar en español, cerca de casa.",
            "La-talin af-Isbaanish ah oo ka dhacda hoolka kaniisadda, oo uu bixiyo daaweeyaha labada luqadood ku hadla ee rugta caafimaadka. La-talin shakhsi iyo qoys, meel guriga u dhow."),
        ["Spanish-language grief circle at St. Mary's for anyone mourning a loved one, led by a trained parish volunteer and the clinic's bilingual counsellor. Círculo de apoyo para personas en duelo."] = (
            "Círculo de duelo en español en St. Mary's para cualquier persona que llora a un ser querido, dirigido por una voluntaria capacitada de la parroquia y el consejero bilingüe de la clínica. Círculo de apoyo para personas en duelo.",
            "Fadhi murugo oo af-Isbaanish ah oo ka dhaca St. Mary's, loogu talagalay qof kasta oo u murugoonaya qof uu jeclaa. Waxaa hagaya tabarruce kaniisadda oo tababaran iyo la-taliyaha labada luqadood ku hadla ee rugta caafimaadka."),
        ["Students at Riverbend High School."] = (
            "Estudiantes de Riverbend High School.",
            "Ardayda dhigata Riverbend High School."),
        ["Suggested contribution $4; nobody is turned away."] = (
            "Aporte sugerido de $4; no se rechaza a nadie.",
            "Tabarruc la soo jeediyey: $4; qofna dib looma celiyo."),
        ["Suggested contribution $5 a meal; nobody is turned away."] = (
            "Aporte sugerido de $5 por comida; no se rechaza a nadie.",
            "Tabarruc la soo jeediyey: $5 cuntadii; qofna dib looma celiyo."),
        ["Sundays 4 to 6 pm."] = (
            "Los domingos de 4 a 6 p. m.",
            "Axad kasta, 4-ta ilaa 6-da galabnimo."),
        ["Take-home naloxone (Narcan) kits and a ten-minute lesson on how to use them. No name needed. Fentanyl test strips too."] = (
            "Kits de naloxona (Narcan) para llevar a casa y una lección de diez minutos sobre cómo usarlos. No hace falta dar su nombre. También tiras para detectar fentanilo.",
            "Qalabka naloxone (Narcan) ee guriga la geyn karo iyo cashar toban daqiiqo ah oo ku saabsan sida loo isticmaalo. Magacaaga looma baahna. Sidoo kale xargaha lagu baaro fentanyl."),
        ["The barbers at Sharp & Steady are trained lay listeners. Come for a cut or just a chair and a conversation; they can connect you to counselling quietly, with no forms."] = (
            "Los barberos de Sharp & Steady están capacitados para escuchar. Venga a cortarse el pelo o solo a sentarse y conversar; pueden ponerle en contacto con consejería de forma discreta, sin formularios.",
            "Timo-jarayaasha Sharp & Steady waxaa loo tababaray inay dhegeystaan. U imow timo-jarid ama kaliya kursi iyo sheeko; si qarsoodi ah ayay kuugu xiri karaan la-talin, foom la'aan."),
        ["The counselling team shows parents the signs that a teenager is struggling, how to start the conversation and where to turn. Spanish and Somali interpreters at every session."] = (
            "El equipo de consejería enseña a los padres las señales de que un adolescente lo está pasando mal, cómo empezar la conversación y adónde acudir. Intérpretes de español y somalí en cada sesión.",
            "Kooxda la-talinta ayaa waalidiinta tusaysa calaamadaha muujinaya in qof dhallinyaro ah uu dhib ku jiro, sida wada-hadalka loo bilaabo iyo meesha loo jeesto. Turjubaanno af-Isbaanish iyo af-Soomaali ah kulan kasta."),
        ["The county's evening peer warmline, replaced by the Kith lines (farm, veterans, Spanish and Somali)."] = (
            "La antigua línea de apoyo entre pares del condado, por las tardes, reemplazada por las líneas de Kith (campo, veteranos, español y somalí).",
            "Khadkii fiidkii ee taageerada asxaabta ee degmada, oo lagu beddelay khadadka Kith (beeraha, askartii hore, af-Isbaanish iyo af-Soomaali)."),
        ["The food shelf's truck brings free groceries to neighbourhoods far from the store: the farm bureau, the Veterans' Hall and Cedar Flats."] = (
            "El camión del banco de alimentos lleva alimentos gratis a los barrios alejados de la tienda: la asociación agrícola, el Veterans' Hall y Cedar Flats.",
            "Gaariga bakhaarka cuntada ayaa cunto bilaash ah u keena xaafadaha ka fog dukaanka: xafiiska ururka beeraleyda, Veterans' Hall iyo Cedar Flats."),
        ["The national network of local crisis centres: free, confidential support for people in suicidal crisis or emotional distress, 24 hours a day."] = (
            "La red nacional de centros de crisis locales: apoyo gratuito y confidencial para personas en una crisis suicida o con angustia emocional, las 24 horas del día.",
            "Shabakadda qaranka ee xarumaha deegaanka ee xaaladaha degdegga ah: taageero bilaash ah oo qarsoodi ah oo loogu talagalay dadka ka fikiraya is-dilid ama qaba murug iyo walbahaar, 24 saacadood maalintii."),
        ["The plant's employee assistance programme and shift-friendly support group."] = (
            "El programa de asistencia al empleado de la planta y un grupo de apoyo con horarios adaptados a los turnos.",
            "Barnaamijka caawimaadda shaqaalaha ee warshadda iyo koox taageero oo waqtigeedu ku habboon yahay shifooyinka."),
        ["Third Thursday of the month, 9 am to 4 pm; lunch provided."] = (
            "Tercer jueves de cada mes, de 9 a. m. a 4 p. m.; incluye almuerzo.",
            "Khamiista saddexaad ee bisha, 9-ka subaxnimo ilaa 4-ta galabnimo; qado waa la bixiyaa."),
        ["Third Wednesday, 3 to 6 pm, at the Veterans' Hall."] = (
            "Tercer miércoles de cada mes, de 3 a 6 p. m., en el Veterans' Hall.",
            "Arbacada saddexaad ee bisha, 3-da ilaa 6-da galabnimo, Veterans' Hall."),
        ["Thursday nights 11:30 pm to 12:30 am, during the night crew's meal break."] = (
            "Los jueves por la noche, de 11:30 p. m. a 12:30 a. m., durante la pausa para comer del turno de noche.",
            "Habeenka Khamiista, 11:30 habeennimo ilaa 12:30 saqda dhexe, inta shaqaalaha habeenku ku jiraan nasashada cuntada."),
        ["Thursdays 3:30 to 6 pm."] = (
            "Los jueves de 3:30 a 6 p. m.",
            "Khamiis kasta, 3:30 ilaa 6-da fiidnimo."),
        ["Thursdays and Fridays 5 to 8 pm."] = (
            "Los jueves y viernes de 5 a 8 p. m.",
            "Khamiista iyo Jimcaha, 5-ta ilaa 8-da fiidnimo."),
        ["Trained students listen to classmates at lunch and pass on worries to the counselling team when someone may not be safe."] = (
            "Estudiantes capacitados escuchan a sus compañeros a la hora del almuerzo y avisan al equipo de consejería cuando alguien podría no estar a salvo.",
            "Arday tababaran ayaa dhegeysta ardayda kale waqtiga qadada, welwelkana u gudbiya kooxda la-talinta marka qof laga yaabo inuusan nabad ahayn."),
        ["Tuesday and Thursday evenings until 8 pm."] = (
            "Martes y jueves por la tarde, hasta las 8 p. m.",
            "Fiidka Talaadada iyo Khamiista, ilaa 8-da fiidnimo."),
        ["Tuesdays 2 to 3:30 pm."] = (
            "Los martes de 2 a 3:30 p. m.",
            "Talaado kasta, 2-da ilaa 3:30 galabnimo."),
        ["Tuesdays 3 to 4 pm, between day and evening shifts."] = (
            "Los martes de 3 a 4 p. m., entre el turno de día y el de tarde.",
            "Talaado kasta, 3-da ilaa 4-ta galabnimo, inta u dhaxaysa shifada maalinta iyo tan fiidka."),
        ["Tuesdays 6 to 7:30 pm (supper from 5:30)."] = (
            "Los martes de 6 a 7:30 p. m. (cena desde las 5:30).",
            "Talaado kasta, 6-da ilaa 7:30 fiidnimo (casho laga bilaabo 5:30)."),
        ["Tuesdays 6:30 to 7:30 am, after the night shift."] = (
            "Los martes de 6:30 a 7:30 a. m., después del turno de noche.",
            "Talaado kasta, 6:30 ilaa 7:30 subaxnimo, shifada habeenka kadib."),
        ["Tuesdays and Thursdays 10 am to 6 pm."] = (
            "Los martes y jueves de 10 a. m. a 6 p. m.",
            "Talaadada iyo Khamiista, 10-ka subaxnimo ilaa 6-da fiidnimo."),
        ["Tuesdays and Thursdays; leaves at 6 am."] = (
            "Los martes y jueves; sale a las 6 a. m.",
            "Talaadada iyo Khamiista; wuxuu baxaa 6-da subaxnimo."),
        ["Up to six free, confidential counselling sessions a year for each problem, plus money and legal advice, for employees and everyone in their household. Your supervisor is never told."] = (
            "Hasta seis sesiones de consejería gratuitas y confidenciales al año por cada problema, además de asesoría financiera y legal, para los empleados y todas las personas de su hogar. A su supervisor nunca se le informa.",
            "Ilaa lix kulan oo la-talin ah oo bilaash iyo qarsoodi ah sannadkii dhibaato kasta, iyo talo lacageed iyo mid sharci, oo loogu talagalay shaqaalaha iyo qof kasta oo qoyskooda ka mid ah. Madaxaaga shaqada weligiis looma sheego."),
        ["Veterans and service members."] = (
            "Veteranos y miembros de las fuerzas armadas.",
            "Askartii hore iyo askarta hadda shaqeysa."),
        ["Veterans of any era and branch, service members and their partners."] = (
            "Veteranos de cualquier época y de cualquier rama, miembros de las fuerzas armadas y sus parejas.",
            "Askartii hore ee xilli kasta iyo qayb kasta, askarta hadda shaqeysa iyo lammaanahooda."),
        ["Veterans with a VA appointment; a companion may ride along."] = (
            "Veteranos con una cita en el VA; puede ir un acompañante.",
            "Askartii hore ee ballan la leh VA; qof wehel ah ayaa raaci kara."),
        ["Veterans' coffee group and peer check-ins."] = (
            "Grupo de café para veteranos y contacto regular entre compañeros.",
            "Kooxda qaxwada askartii hore iyo la-xiriirka asxaabta."),
        ["Visits Monday to Friday, 8 am to 4:30 pm."] = (
            "Visitas de lunes a viernes, de 8 a. m. a 4:30 p. m.",
            "Booqashooyin Isniin ilaa Jimce, 8-da subaxnimo ilaa 4:30 galabnimo."),
        ["Visits Monday to Saturday."] = (
            "Visitas de lunes a sábado.",
            "Booqashooyin Isniin ilaa Sabti."),
        ["Volunteer drivers take you to medical, counselling, dental and food-shelf appointments anywhere in the county — and to Rochester for specialists."] = (
            "Conductores voluntarios le llevan a citas médicas, de consejería, dentales y del banco de alimentos en cualquier parte del condado, y a Rochester para ver a especialistas.",
            "Darawallo tabarruc ah ayaa kuu qaada ballamaha caafimaadka, la-talinta, ilkaha iyo bakhaarka cuntada meel kasta oo degmada ah — iyo Rochester si aad u aragto dhakhaatiir takhasus leh."),
        ["Volunteers bring a hot midday meal to your door and stay for a short chat — for many, the one visit of the day."] = (
            "Voluntarios le llevan a la puerta de su casa una comida caliente al mediodía y se quedan a charlar un rato; para muchas personas, es la única visita del día.",
            "Tabarrucayaal ayaa qado kulul kuu keena albaabkaaga oo in yar kula sheekeysta — dad badan, taasi waa booqashada keliya ee maalintaas."),
        ["Waiting list about six weeks for new patients."] = (
            "Lista de espera de unas seis semanas para pacientes nuevos.",
            "Bukaannada cusub: liiska sugitaanku waa qiyaastii lix toddobaad."),
        ["Walk in and tell the front desk you need to see someone today."] = (
            "Venga sin cita y diga en la recepción que necesita ver a alguien hoy.",
            "Si toos ah u soo gal oo u sheeg miiska soo dhaweynta inaad maanta u baahan tahay inaad qof aragto."),
        ["Walk in or call 507-555-0195."] = (
            "Venga sin cita o llame al 507-555-0195.",
            "Si toos ah u soo gal ama wac 507-555-0195."),
        ["Walk in without an appointment if things feel unmanageable today. A counsellor sees you the same afternoon and makes a safety plan with you."] = (
            "Venga sin cita si hoy siente que ya no puede más. Un consejero le atiende esa misma tarde y hace con usted un plan de seguridad.",
            "Ballan la'aan u soo gal haddii ay maanta kula tahay in arrimuhu kaa bateen. La-taliye ayaa ku arkaya isla galabtaas oo kula sameynaya qorshe badbaado."),
        ["Was open Monday to Friday 9 am to 5 pm."] = (
            "Abría de lunes a viernes de 9 a. m. a 5 p. m.",
            "Wuxuu furnaan jiray Isniin ilaa Jimce, 9-ka subaxnimo ilaa 5-ta galabnimo."),
        ["Wednesdays 10 am to 4 pm."] = (
            "Los miércoles de 10 a. m. a 4 p. m.",
            "Arbaco kasta, 10-ka subaxnimo ilaa 4-ta galabnimo."),
        ["Wednesdays 3:30 to 5 pm."] = (
            "Los miércoles de 3:30 a 5 p. m.",
            "Arbaco kasta, 3:30 ilaa 5-ta galabnimo."),
        ["Wednesdays 4 to 5:30 pm, after school."] = (
            "Los miércoles de 4 a 5:30 p. m., después de la escuela.",
            "Arbaco kasta, 4-ta ilaa 5:30 galabnimo, dugsiga kadib."),
        ["Wednesdays 5:30 to 7 pm."] = (
            "Los miércoles de 5:30 a 7 p. m.",
            "Arbaco kasta, 5:30 ilaa 7-da fiidnimo."),
        ["Women, 16 and older."] = (
            "Mujeres de 16 años o más.",
            "Haween, 16 jir iyo ka weyn."),
    };
}
