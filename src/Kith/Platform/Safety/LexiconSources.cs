namespace Kith.Platform.Safety;

/// <summary>
/// Where the phrase books' words come from (ADR 0027). Every phrase and search term names one of these keys;
/// a key that is not here fails at start-up. README.md in this folder repeats the table for reviewers.
/// <see cref="Unreviewed"/> is the honest marker for words no published source was checked for: the
/// project's own wording, spelling variants, and the Somali book (no native reviewer yet).
/// </summary>
internal static class LexiconSources
{
    public const string Unreviewed = "unreviewed";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Unreviewed] = "No published source checked: written by the project. Needs a reviewer (see ADR 0027).",
        ["cssrs"] = "Posner K. et al. (2011), The Columbia–Suicide Severity Rating Scale, Am J Psychiatry 168(12):1266–1277: " +
            "wish to be dead, thoughts of killing oneself, preparatory acts (collected pills, obtained a gun, gave away valuables, wrote a will or suicide note).",
        ["afsp"] = "American Foundation for Suicide Prevention, Risk factors, protective factors and warning signs: " +
            "talk of killing oneself, being a burden, no reason to live; saying goodbye, giving away prized possessions.",
        ["nimh"] = "US National Institute of Mental Health, Warning signs of suicide: wanting to die, no reason to live, stockpiling pills or " +
            "buying a gun, being a burden, feeling trapped, giving away important possessions, saying goodbye, making a will.",
        ["qpr"] = "QPR Institute verbal and behavioural clues (as adapted by University of Colorado Boulder Counseling and Psychiatric Services, " +
            "\"Suicide clues & warning signs\"): \"I'm going to end it all\", \"I wish I were dead\", \"I just can't go on\", \"Who cares if I'm dead anyway?\", " +
            "\"My family would be better off without me\", stockpiling pills, giving away prized possessions.",
        ["nami-nh"] = "NAMI New Hampshire, Suicide warning signs: \"Everyone would be better off without me\", \"Pretty soon you won't have to worry about me\", " +
            "\"It isn't worth it anymore\", giving away favourite possessions.",
        ["jehf"] = "Jordan Elizabeth Harris Foundation, Warning signs: \"I'd be better off dead\", \"I wish I hadn't been born\", \"There's no way out\", " +
            "\"Everyone would be better off without me\", saying goodbye, giving away prized possessions.",
        ["spa-au"] = "Suicide Prevention Programs (Australia), Warning signs of suicide: thinking that no one would care if they weren't around anymore, " +
            "feeling like a burden, calling or posting goodbyes, giving away valuable possessions.",
        ["ctl"] = "Crisis Text Line, Everybody Hurts: The State of Mental Health in America (2020), \"Lethal words\": 800 mg, Excedrin, ibuprofen(s), " +
            "acetaminophen, antifreeze, tablets more likely than \"suicide\" to end in an active rescue; the pill emoji 4.4 times, the loudly crying face 1.6 times " +
            "(and its 2017 finding that \"ibuprofen\" was 16 times as predictive as \"suicide\").",
        ["wired-2022"] = "Tait A., Are TikTok algorithms changing how people talk about suicide?, WIRED (2022): \"unalive\" (#unaliving, #unalivemeplease) " +
            "used for suicide, murder or death to avoid moderation.",
        ["chi-2024"] = "\"I'm gonna KMS\": From Imminent Risk to Youth Joking about Suicide and Self-Harm via Social Media, CHI '24, " +
            "doi:10.1145/3613904.3642489: \"kms\" (kill myself) in 1,224 Instagram DM conversations of 13–21-year-olds, from joking to imminent risk.",
        ["whitehatter-2023"] = "The White Hatter, The hidden messages of emojis & algospeak (2023-09-26): razor, scissors, knife, dagger = cutting/self-harm; " +
            "drop of blood = bleeding/self-harm; pill = suicide/self-harm (with its caveat that meaning depends on context).",
        ["anar"] = "Fundación ANAR, Decálogo señales de riesgo de ideación suicida (2023): autolesiones, \"quiero desaparecer\", \"no puedo más\", " +
            "\"así no merece la pena vivir\", regalar objetos personales a modo de despedida.",
        ["fji"] = "Fundación José Ignacio, Reconoce las señales: \"A mí nadie me echaría de menos si no estuviera\", \"Me voy a matar\", " +
            "\"Ya no puedo seguir viviendo\", \"No aguanto más\", \"No merezco vivir\", \"Tengo ganas de terminar con todo\", carta de despedida, regalar posesiones.",
        ["sph-es"] = "Suicide Prevention Houston, Señales de advertencia del suicidio: \"Ojalá no hubiera nacido\", \"Estaría mejor muerto(a)\", " +
            "\"No hay manera de salir\", \"Todo el mundo estaría mejor sin mí\", regalan posesiones, dicen adiós.",
    };

    /// <summary>The key itself when known; otherwise an exception naming where it was used.</summary>
    public static string Check(string key, string usedBy) =>
        All.ContainsKey(key) ? key : throw new InvalidOperationException($"Risk phrase \"{usedBy}\": unknown source \"{key}\" (see LexiconSources).");
}
