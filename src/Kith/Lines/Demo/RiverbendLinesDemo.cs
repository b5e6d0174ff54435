using Kith.Platform.Data;
using Kith.Lines.Admin;
using Kith.Lines.Domain;
using Kith.Platform.Demo;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Demo;

/// <summary>
/// Riverbend's text lines (docs/demo.md): the county crisis line, open around the clock and the backup of every other
/// line, and four lines for an audience or a language, staffed by the demo's teams. Made through the same editor as
/// the admin API, so the seed keeps every rule an administrator must. Adds only what is missing.
/// </summary>
internal sealed class RiverbendLinesDemo(KithDb db, IResponderTeams teams, LineEditor editor) : IDemoContent
{
    public int Order => 40;

    private static readonly Dictionary<string, string[]> AllWeek =
        LineSetup.Weekdays.ToDictionary(w => w.Code, _ => new[] { "00:00-24:00" });

    private static readonly string[] Holidays = ["2026-12-25", "2027-01-01", "2027-05-31", "2027-07-05", "2027-09-06", "2027-11-25"];

    public async Task SeedAsync(CancellationToken ct)
    {
        var all = await teams.AllAsync(ct);
        if (all.FirstOrDefault(t => t.Name == RiverbendTeams.County) is not { } county) return; // Responders' part made it

        var crisis = await LineAsync(new LineRequest(
            "Riverbend County Crisis Text Line", "county-crisis", "Anyone in Riverbend County", ["en", "es", "so"],
            "+15075550100", null, null, "America/Chicago", AllWeek, [], new()
            {
                ["en"] = new("Riverbend County Crisis Text Line. You're not alone. A trained counselor will text you back soon. If you are in danger right now, call 911.",
                    "We're here 24/7, but our texts are not getting through right now. Please call or text 988.",
                    "Everyone is helping someone right now. Stay with us: you are in the queue and someone will text you back.",
                    "You won't get more texts from this number. Text START to talk to us again. If you need help now, call or text 988.",
                    "Riverbend County Crisis Text Line: text us anytime, 24/7. Free and confidential. Reply STOP to stop texts."),
                ["es"] = new("Línea de Texto de Crisis del Condado de Riverbend. No estás solo. Una consejera capacitada te responderá pronto. Si estás en peligro ahora, llama al 911.",
                    null,
                    "Todas las personas están ayudando a alguien en este momento. Quédate: estás en la fila y alguien te responderá.",
                    "Ya no recibirás mensajes de este número. Envía START para volver a hablar con nosotros. Si necesitas ayuda ahora, llama o envía un texto al 988.",
                    "Línea de Texto de Crisis de Riverbend: escríbenos cuando quieras, 24/7. Gratis y confidencial. Responde STOP para no recibir mensajes."),
                // Somali texts: drafted for the demo, to be reviewed by a native speaker before any real use.
                ["so"] = new("Khadka Fariimaha Xaaladaha ee Degmada Riverbend. Keligaa ma tihid. La-taliye tababaran ayaa dhawaan kuu soo jawaabi doona. Haddii aad hadda khatar ku jirto, wac 911.",
                    null,
                    "Qof walba hadda qof kale ayuu caawinayaa. Nala joog: safka ayaad ku jirtaa, qof ayaa kuu soo jawaabi doona.",
                    "Fariimo kale kama heli doontid lambarkan. U dir START si aad mar kale noola hadasho. Haddii aad hadda caawimo u baahan tahay, wac ama fariin u dir 988.",
                    "Khadka Fariimaha Xaaladaha ee Riverbend: noo soo qor wakhti kasta, 24/7. Bilaash iyo qarsoodi. Ku jawaab STOP si fariimaha u joojiso."),
            }, [county.Id], null, new(60, 300, 900)), ct);
        if (crisis is null) return;
        await CannedResponsesAsync(now: DateTime.UtcNow, ct);

        await LineAsync(new LineRequest(
            "Riverbend Farm Stress Line", "farm-stress", "Farmers, farm workers and their families", ["en", "es"],
            "+15075550101", null, null, "America/Chicago",
            Days(("monday", "06:00-22:00"), ("tuesday", "06:00-22:00"), ("wednesday", "06:00-22:00"), ("thursday", "06:00-22:00"),
                ("friday", "06:00-22:00"), ("saturday", "08:00-18:00")), Holidays, new()
            {
                ["en"] = new("Riverbend Farm Stress Line. Whatever's weighing on you — weather, prices, the bank, the family — we'll listen. Someone who knows farm life will text back soon.",
                    "The farm stress line is closed right now; your text has gone to the county crisis line, open 24/7. The AgriStress Helpline also answers: call or text 833-897-2474.",
                    "All our listeners are with someone. You're in line and we'll text you back. If it can't wait, call or text 988.",
                    "You won't get more texts from the farm stress line. Text START anytime to talk again.",
                    "Riverbend Farm Stress Line: free, confidential texting for farm families, Mon–Fri 6am–10pm, Sat 8am–6pm. Reply STOP to stop texts."),
                ["es"] = new("Línea de Estrés Agrícola de Riverbend. Lo que te pese — el clima, los precios, el banco, la familia — te escuchamos. Alguien que conoce la vida del campo te responderá pronto.",
                    "La línea está cerrada ahora; tu mensaje pasó a la línea de crisis del condado, abierta 24/7. También puedes llamar o escribir a AgriStress: 833-897-2474.",
                    null, null, null),
            }, [county.Id], crisis, new(60, 600, 1800)), ct);

        await LineAsync(new LineRequest(
            "Riverbend Veterans' Check-in Line", "veterans", "Veterans, service members and their families", ["en"],
            "+15075550102", null, null, "America/Chicago",
            Days(("monday", "08:00-20:00"), ("tuesday", "08:00-20:00"), ("wednesday", "08:00-20:00"), ("thursday", "08:00-20:00"),
                ("friday", "08:00-20:00"), ("saturday", "10:00-16:00")), Holidays, new()
            {
                ["en"] = new("Riverbend Veterans' Check-in Line. Thanks for reaching out. A fellow veteran or trained volunteer will text you back shortly.",
                    "The veterans' line is closed right now; the county crisis line has your text. The Veterans Crisis Line is always open: dial 988 then press 1, or text 838255.",
                    "Our volunteers are all with someone. You're next in line. If it can't wait: 988, press 1, or text 838255.",
                    "You won't get more texts from the veterans' line. Text START whenever you want to check in again.",
                    "Riverbend Veterans' Check-in Line: text us Mon–Fri 8am–8pm, Sat 10am–4pm. Veterans Crisis Line 24/7: 988 press 1. Reply STOP to stop texts."),
            }, [county.Id], crisis, new(60, 300, 1800)), ct);

        await LineAsync(new LineRequest(
            "Línea de Apoyo en Español", "apoyo-espanol", "Familias de habla hispana (Southgate y todo el condado)", ["es", "en"],
            "+15075550103", null, null, "America/Chicago",
            Days(("monday", "12:00-21:00"), ("tuesday", "12:00-21:00"), ("wednesday", "12:00-21:00"), ("thursday", "12:00-21:00"),
                ("friday", "12:00-21:00"), ("saturday", "10:00-16:00")), Holidays, new()
            {
                ["es"] = new("Línea de Apoyo en Español. Gracias por escribirnos. Una persona que habla español te responderá pronto. Si estás en peligro ahora, llama al 911.",
                    "La línea está cerrada ahora; tu mensaje pasó a la línea de crisis del condado, abierta 24/7. También puedes llamar al 988 y marcar 2.",
                    "Todas nuestras consejeras están ocupadas. Estás en la fila y te responderemos. Si no puedes esperar, llama al 988 y marca 2.",
                    "Ya no recibirás mensajes de esta línea. Envía START cuando quieras volver a escribir.",
                    "Línea de Apoyo en Español: lunes a viernes 12–9 pm, sábado 10 am–4 pm. Gratis y confidencial. Responde STOP para no recibir mensajes."),
                ["en"] = new("Spanish-language Support Line. Thank you for writing. Someone will text you back soon (in Spanish or English).",
                    null, null, null, null),
            }, [county.Id], crisis, new(60, 300, 1800)), ct);

        // Somali texts: drafted for the demo, to be reviewed by a native speaker before any real use.
        await LineAsync(new LineRequest(
            "Cedar Flats Somali Support Line (Khadka Taageerada)", "taageerada-soomaali", "Somali-speaking families (Cedar Flats and the county)", ["so", "en"],
            "+15075550104", null, null, "America/Chicago",
            Days(("monday", "10:00-20:00"), ("tuesday", "10:00-20:00"), ("wednesday", "10:00-20:00"), ("thursday", "10:00-20:00"),
                ("friday", "15:00-20:00"), ("saturday", "10:00-18:00"), ("sunday", "10:00-18:00")), Holidays, new()
            {
                ["so"] = new("Khadka Taageerada Soomaaliga ee Cedar Flats. Waad ku mahadsan tahay inaad noo soo qortay. Qof ku hadla Soomaali ayaa dhawaan kuu soo jawaabi doona. Haddii aad hadda khatar ku jirto, wac 911.",
                    "Khadka hadda waa xiran yahay; fariintaada waxaa loo gudbiyay khadka xaaladaha degmada, oo furan 24/7. Waxaad sidoo kale wici kartaa 988.",
                    "Dhammaan la-taliyayaashayadu hadda way mashquulsan yihiin. Safka ayaad ku jirtaa, waana kuu soo jawaabi doonnaa. Haddii aadan sugi karin, wac 988.",
                    "Fariimo kale kama heli doontid khadkan. U dir START markaad rabto inaad mar kale noo soo qorto.",
                    "Khadka Taageerada Soomaaliga: Isniin–Khamiis 10–8, Jimce 3–8, Sabti–Axad 10–6. Bilaash iyo qarsoodi. Ku jawaab STOP si fariimaha u joojiso."),
                ["en"] = new("Cedar Flats Somali Support Line. Thank you for writing. Someone will text you back soon (in Somali or English).",
                    null, null, null, null),
            }, [county.Id], crisis, new(60, 300, 1800)), ct);
    }

    /// <summary>A few prepared replies for every line, in each demo language (Somali drafted for the demo, for native review).</summary>
    private async Task CannedResponsesAsync(DateTime now, CancellationToken ct)
    {
        if (await db.LineCannedResponses.AnyAsync(ct)) return;
        (string Language, string Title, string Text)[] replies =
        [
            ("en", "Welcome", "Hi, I'm a counselor with the line. Thank you for reaching out. What's going on for you right now?"),
            ("en", "Safety check", "I want to make sure you're safe. Are you thinking about hurting yourself right now?"),
            ("en", "Take your time", "Take all the time you need. I'm here and I'm listening."),
            ("es", "Bienvenida", "Hola, soy consejera de la línea. Gracias por escribirnos. ¿Qué está pasando contigo ahora?"),
            ("es", "Seguridad", "Quiero asegurarme de que estés a salvo. ¿Estás pensando en hacerte daño ahora mismo?"),
            ("es", "Sin prisa", "Tómate el tiempo que necesites. Estoy aquí y te escucho."),
            ("so", "Soo dhawoow", "Salaan, waxaan ahay la-taliye khadka ka tirsan. Waad ku mahadsan tahay inaad noo soo qortay. Maxaa hadda kugu dhacaya?"),
            ("so", "Badbaado", "Waxaan rabaa inaan hubiyo inaad nabad qabto. Ma ka fikiraysaa inaad hadda naftaada waxyeelayso?"),
            ("so", "Waqti qaado", "Qaado waqtiga aad u baahan tahay. Halkan ayaan joogaa waana ku dhageysanayaa."),
        ];
        foreach (var (language, title, text) in replies)
            db.LineCannedResponses.Add(new CannedResponses.CannedResponse { Id = Guid.NewGuid(), Language = language, Title = title, Text = text, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
    }

    private static Dictionary<string, string[]> Days(params (string Day, string Period)[] days) =>
        days.ToDictionary(d => d.Day, d => new[] { d.Period });

    /// <summary>The line with this address, made if missing; null when the editor refused it (a demo bug, not a reason to stop seeding).</summary>
    private async Task<Guid?> LineAsync(LineRequest request, CancellationToken ct)
    {
        if (await db.Lines.Where(l => l.Slug == request.Slug).Select(l => (Guid?)l.Id).SingleOrDefaultAsync(ct) is { } id) return id;
        return (await editor.CreateAsync(request, actorId: null, ct)).Id;
    }
}
