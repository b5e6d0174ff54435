using System.Text;
using System.Text.Json;

namespace ConcernsBench;

/// <summary>One concern as a partner app would POST it to <c>/api/concerns</c>, already serialised.</summary>
internal sealed record ConcernBody(byte[] Json, string Urgency, int NarrativeLength);

/// <summary>
/// A fixed, seeded mix of concerns like a tip line receives: mostly routine or urgent (a friend who stopped eating,
/// bullying, a co-worker drinking), about 5% "someone may be in danger right now" (triaged imminent), 200–800
/// characters of narrative in English (80%) or Spanish (20%), 15% with contact details. The probe's concerns
/// are the same mix marked Somali, which is how the bench routes them to the probe responder's team.
/// </summary>
internal static class ConcernMix
{
    public const int Seed = 20261123;

    private static readonly (string Code, int Weight)[] About =
        [("friend", 35), ("student", 20), ("family", 15), ("coworker", 10), ("neighbour", 10), ("self", 10)];

    private static readonly string[] RoutineCategories = ["bullying", "substances", "grief", "eating-sleeping", "other"];
    private static readonly string[] SeriousCategories = ["suicide-self-harm", "hurting-others", "being-hurt"];

    private static readonly string[] English =
    [
        "My friend has not been herself for a few weeks.",
        "She skips lunch every day and says she is not hungry.",
        "He told me he can't sleep and stays up gaming until four in the morning.",
        "A group of older kids keeps pushing him around at the bus stop.",
        "They post mean things about her in a group chat and she cried in class.",
        "His grandmother died last month and he stopped coming to practice.",
        "I think he is drinking before school, I could smell it this morning.",
        "She gave away her hoodie and her headphones and said she won't need them.",
        "He said everyone would be better off without him, and I don't know if he was joking.",
        "My co-worker has been missing shifts and seems really down.",
        "The neighbour's kids are alone most evenings and one of them had a bruise on his arm.",
        "I don't want to get anyone in trouble, I just want someone to check on them.",
        "Please don't tell them it was me who said something.",
        "I'm not sure if this is serious but it has been going on for a while.",
        "She talks about how tired she is of everything.",
        "He has been vaping in the bathroom between classes and sold some to younger kids.",
        "Her parents are going through a divorce and she says nobody listens to her.",
        "He posted a picture of pills with a caption that worried me.",
    ];

    private static readonly string[] Spanish =
    [
        "Mi amiga no es la misma desde hace unas semanas.",
        "No come en el almuerzo y dice que no tiene hambre.",
        "Me dijo que no puede dormir y se queda despierto hasta muy tarde.",
        "Unos chicos mayores lo empujan todos los días en la parada del autobús.",
        "Publican cosas feas sobre ella en un chat del grupo y lloró en clase.",
        "Su abuela murió el mes pasado y dejó de ir a los entrenamientos.",
        "Creo que está tomando alcohol antes de la escuela.",
        "Regaló sus cosas favoritas y dijo que ya no las va a necesitar.",
        "Dijo que todos estarían mejor sin él y no sé si era una broma.",
        "No quiero meter a nadie en problemas, solo quiero que alguien hable con ella.",
        "Por favor no le digan que fui yo.",
        "No sé si es grave, pero lleva así mucho tiempo.",
        "Sus padres se están divorciando y dice que nadie la escucha.",
    ];

    private static readonly string[] Danger =
    [
        "He said tonight he is going to end it and he has his dad's pills.",
        "She texted me goodbye and now she is not answering her phone.",
        "He showed me a knife and said he would hurt the kid who bullies him tomorrow.",
    ];

    /// <summary>
    /// <paramref name="count"/> bodies, the same on every run. <paramref name="language"/> null draws en/es by the mix;
    /// a value fixes it (the probe's "so").
    /// </summary>
    public static IReadOnlyList<ConcernBody> Make(int count, int seed, string? language = null)
    {
        var random = new Random(seed);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        var bodies = new List<ConcernBody>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var (urgency, categories, danger) = roll switch
            {
                < 0.05 => ("danger-now", Pick(random, SeriousCategories, 1, 2), true),
                < 0.40 => ("soon", Pick(random, SeriousCategories, 1, 1).Concat(Pick(random, RoutineCategories, 0, 2)).ToList(), false),
                _ => ("can-wait", Pick(random, RoutineCategories, 1, 3), false),
            };
            var lang = language ?? (random.NextDouble() < 0.8 ? "en" : "es");
            var narrative = Narrative(random, lang == "es" ? Spanish : English, danger);
            var contact = random.NextDouble() < 0.15;
            var submission = new
            {
                about = Weighted(random, About),
                categories,
                urgency,
                narrative,
                language = lang,
                contactName = contact ? "Sam Rivera" : null,
                contactEmail = contact ? $"reporter{i}@example.org" : null,
                contactPhone = contact && random.NextDouble() < 0.5 ? "507-555-0143" : null,
            };
            bodies.Add(new ConcernBody(JsonSerializer.SerializeToUtf8Bytes(submission, json), urgency, narrative.Length));
        }
        return bodies;
    }

    /// <summary>200–800 characters of sentences; a concern in danger leads with what makes it so.</summary>
    private static string Narrative(Random random, string[] sentences, bool danger)
    {
        var target = random.Next(200, 801);
        var text = new StringBuilder();
        if (danger) text.Append(Danger[random.Next(Danger.Length)]);
        while (text.Length < target)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(sentences[random.Next(sentences.Length)]);
        }
        if (text.Length <= 800) return text.ToString();
        var cut = text.ToString(0, 800);
        return cut[..cut.LastIndexOf(' ')];
    }

    private static List<string> Pick(Random random, string[] from, int min, int max) =>
        from.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1)).ToList();

    private static string Weighted(Random random, (string Code, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (code, weight) in choices)
        {
            if (roll < weight) return code;
            roll -= weight;
        }
        return choices[^1].Code;
    }
}
