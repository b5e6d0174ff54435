using System.Globalization;
using System.Text;
using Kith.Concerns.Domain;
using Kith.Concerns.Triage;

namespace Kith.Tests.Concerns.Triage;

/// <summary>
/// What the free text decides on its own: the answers are "something else" and "can wait" (routine),
/// so the tier below comes from the narrative alone.
/// </summary>
public sealed class NarrativeTriageTests
{
    // Tier codes (the enum is internal to the application; public theories take strings).
    private const string I = "imminent", U = "urgent", R = "routine";

    public static TheoryData<string, string, string> Narratives => new()
    {
        // English: plan, means, timing, goodbye, threats with means, hurt now.
        { "en", "He has pills saved up in his drawer", I },
        { "en", "she said she is going to kill herself tonight", I },
        { "en", "He gave away his things last week", I },
        { "en", "She said goodbye to all of us on Instagram", I },
        { "en", "he has a gun at home", I },
        { "en", "He wrote a note and left it on his bed", I },
        { "en", "A kid said he's bringing a gun to school tomorrow", I },
        { "en", "he keeps saying he is going to shoot people", I },
        { "en", "Her dad is hitting her right now", I },
        { "en", "he took a whole bottle of pills", I },
        { "en", "He's unconscious and not breathing", I },
        // English: urgent without imminent signs.
        { "en", "He talks about suicide a lot", U },
        { "en", "she has been cutting herself", U },
        { "en", "he wants to die", U },
        { "en", "I think her stepdad abuses her", U },
        { "en", "he threatened a classmate", U },
        { "en", "talked about killing himself last year", U },
        { "en", "he don’t want to live anymore", U },
        { "en", "he no longer wants to live", U },
        { "en", "HE WANTS TO DIE!!!", U },
        { "en", "he said he wants to kill him self", U },
        // English: routine.
        { "en", "Kids keep calling him names at lunch", R },
        { "en", "She has not been sleeping since her grandma died", R },
        // English negations.
        { "en", "She is not suicidal, just very sad", R },
        { "en", "He never said he would hurt anyone", R },
        { "en", "he doesn't have a gun", R },
        { "en", "She does not want to die, she wants help with school", R },
        { "en", "He isn't going to kill himself", R },
        { "en", "he denies self-harm", R },
        { "en", "no suicidal thoughts", R },
        // English: a negation in another clause does not cancel.
        { "en", "he is not at school, he said he will kill himself tonight", I },
        { "en", "She isn't eating but she has a gun", I },
        { "en", "He does not sleep and he wants to die", U },
        // English: words after "not" that negate nothing, and conditions.
        { "en", "She is not only suicidal but has pills saved", I },
        { "en", "I don't know if he has a gun", I },
        { "en", "If he doesn't get help he will kill himself", I },
        { "en", "no, he has a gun", I },

        // Spanish.
        { "es", "Tiene pastillas guardadas en su cuarto", I },
        { "es", "Dijo que se va a matar esta noche", I },
        { "es", "Regaló todas sus cosas", I },
        { "es", "Se despidió de todos ayer", I },
        { "es", "Su papá tiene una pistola", I },
        { "es", "Escribió una carta de despedida", I },
        { "es", "Va a traer un arma a la escuela mañana", I },
        { "es", "Su padrastro le está pegando ahora mismo", I },
        { "es", "Se tomó un montón de pastillas", I },
        { "es", "SE TOMO UN MONTON DE PASTILLAS", I },
        { "es", "Está sangrando", I },
        { "es", "Esta sangrando", I },
        { "es", "Habla mucho de suicidio", U },
        { "es", "Quiere morirse", U },
        { "es", "Se corta los brazos", U },
        { "es", "Creo que su tío abusa de ella", U },
        { "es", "Amenazó a un compañero", U },
        { "es", "no quiere vivir", U },
        { "es", "Está pensando en suicidarse", U },
        { "es", "esta pensando en suicidarse", U },
        { "es", "Se burlan de él en el recreo", R },
        { "es", "No come bien desde que murió su abuela", R },
        // Spanish negations.
        { "es", "No tiene un arma", R },
        { "es", "No está pensando en suicidarse", R },
        { "es", "No quiere morir, quiere ayuda", R },
        { "es", "Nunca dijo que se iba a matar", R },
        { "es", "Él no se va a matar", R },
        { "es", "Jamás ha tenido pastillas guardadas", R },
        // Spanish: other clause, "no solo", "no sé si", conditions.
        { "es", "No está en la escuela, pero tiene una pistola", I },
        { "es", "No duerme y quiere suicidarse", U },
        { "es", "No solo quiere morir, compró una soga", I },
        { "es", "No sé si tiene un arma", I },
        { "es", "Si no recibe ayuda se va a matar", I },

        // Somali.
        { "so", "Wuxuu haystaa qori", I },
        { "so", "Kiniinno ayuu kaydiyay", I },
        { "so", "Wuxuu yiri caawa ayaan is dili doonaa", I },
        { "so", "Alaabtiisa oo dhan wuu bixiyay", I },
        { "so", "Wuu sagootiyay saaxiibbadiis", I },
        { "so", "Warqad ayuu ka tagay", I },
        { "so", "Qori ayuu iskuulka keeni doonaa berri", I },
        { "so", "Hadda ayaa la garaacayaa", I },
        { "so", "Ma is dilayaa?", I },
        { "so", "Wuxuu ka hadlaa isdilid", U },
        { "so", "Wuxuu rabaa inuu dhinto", U },
        { "so", "Gabadhu way is dhaawacdaa", U },
        { "so", "Aabaheed ayaa garaaca", U },
        { "so", "Wuu u hanjabay macallinka", U },
        { "so", "Ardayda ayaa ku jees jeesa", R },
        { "so", "Ma seexdo, ma cuno", R },
        // Somali negations (review with a native speaker, like the phrase list).
        { "so", "Ma rabo inuu is dilo", R },
        { "so", "Isma dilayo", R },
        { "so", "Qori ma haysto", R },
        { "so", "Weligiis ma sheegin inuu qof dili doono", R },
        { "so", "Ha is dilin", R },
        { "so", "Inuusan is dilin ayuu ballan qaaday", R },
        // Somali: other clause.
        { "so", "Iskuulka ma joogo, laakiin wuxuu haystaa qori", I },
        { "so", "Ma cuno laakiin wuxuu rabaa inuu dhinto", U },

        // Mixed languages: every list is checked whatever the form's language.
        { "so", "Wuxuu sheegay he will kill himself caawa", I },
        { "es", "Mi amigo says he wants to die", U },
        { "en", "Dijo que has pills saved", I },
        { "en", "she texted me quiero morir", U },
        { "so", "Ma rabo inuu kill himself", R },
        // A negation of the form's language cancels an English phrase; another language's does not.
        { "es", "nunca said he wants to die", R },
        { "en", "nunca said he wants to die", U },

        // Risk language as people write it (ADR 0027; the full table is Platform/Safety/risk-lexicon-cases.tsv).
        { "en", "He said nobody would miss him… then he gave away his guitar", I },
        { "en", "Sam posted again tonight saying goodbye. I am scared.", I },
        { "en", "nobody would miss him", U },
        { "en", "he keeps saying kms", U },
        { "en", "she wants to end it all", U },
        { "en", "I don't want to be here anymore", U },
        { "en", "he took a whole bottle of advil", I },
        { "en", "she posted 🔪🩸 on her story", U },
        { "en", "killing it at work", R },
        { "en", "I'm dead tired", R },
        { "en", "this homework is killing me", R },
        { "en", "i could kill for a coffee", R },
        { "en", "he gave away the answer", R },
        { "es", "Dijo que nadie lo echaría de menos", U },
        { "es", "quiero lastimarme", U },
        { "es", "me muero de risa", R },
        { "so", "Waan is dilayaa", I },
    };

    [Theory]
    [MemberData(nameof(Narratives))]
    public void The_narrative_decides_the_tier(string language, string narrative, string expected)
    {
        var result = Assess(language, narrative);
        Assert.True(expected == result.Tier.Code(), $"\"{narrative}\" is {result.Tier}, expected {expected}; fired: {string.Join(", ", result.RulesFired)}");
    }

    [Theory]
    [MemberData(nameof(Narratives))]
    public void Case_and_diacritics_do_not_change_the_tier(string language, string narrative, string expected)
    {
        Assert.Equal(expected, Assess(language, narrative.ToUpperInvariant()).Tier.Code());
        Assert.Equal(expected, Assess(language, WithoutDiacritics(narrative)).Tier.Code());
    }

    // Each negated text beside the same text without its negation, which must fire: proves the negation,
    // not a missing phrase, is what keeps the first one routine.
    public static TheoryData<string, string, string> Negated => new()
    {
        { "en", "She is not suicidal", "She is suicidal" },
        { "en", "He never said he would hurt anyone", "He said he would hurt anyone" },
        { "en", "he doesn't have a gun", "he has a gun" },
        { "en", "He isn't going to kill himself", "He is going to kill himself" },
        { "en", "he denies self-harm", "he admits self-harm" },
        { "en", "no suicidal thoughts", "suicidal thoughts" },
        { "en", "She does not want to die", "She wants to die" },
        { "es", "No tiene un arma", "Tiene un arma" },
        { "es", "No está pensando en suicidarse", "Está pensando en suicidarse" },
        { "es", "No quiere morir", "Quiere morir" },
        { "es", "Nunca dijo que se iba a matar", "Dijo que se iba a matar" },
        { "es", "Él no se va a matar", "Él se va a matar" },
        { "es", "Jamás ha tenido pastillas guardadas", "Ha tenido pastillas guardadas" },
        { "so", "Ma rabo inuu is dilo", "Wuxuu rabaa inuu is dilo" },
        { "so", "Qori ma haysto", "Qori wuu haystaa" },
        { "so", "Weligiis ma sheegin inuu qof dili doono", "Wuxuu sheegay inuu qof dili doono" },
        { "so", "Ha is dilin", "Wuu is dilay" },
        { "so", "Inuusan is dilin ayuu ballan qaaday", "Inuu is dilo ayuu sheegay" },
        { "so", "Isma dilayo", "Wuu is dilayaa" },
        { "en", "he never said nobody would miss him", "he said nobody would miss him" },
        { "en", "he never gave away his guitar", "he gave away his guitar" },
        { "es", "No regaló sus cosas", "Regaló sus cosas" },
    };

    [Theory]
    [MemberData(nameof(Negated))]
    public void A_negation_cancels_what_the_same_words_would_fire(string language, string negated, string affirmed)
    {
        var cancelled = Assess(language, negated);
        Assert.Equal(Tier.Routine, cancelled.Tier);
        Assert.DoesNotContain(cancelled.RulesFired, r => r.StartsWith("phrase.", StringComparison.Ordinal));
        Assert.NotEqual(Tier.Routine, Assess(language, affirmed).Tier);
    }

    [Fact]
    public void A_word_written_after_a_phrase_never_turns_an_earlier_word_into_its_negation()
    {
        // "ma" negates only with a negative verb form in the next two words; "rabo" is one, but it comes
        // after the phrase, so it must not reach back and cancel "isdilid" (text can only add).
        Assert.Equal(Tier.Urgent, Assess("so", "ma isdilid").Tier);
        Assert.Equal(Tier.Urgent, Assess("so", "ma isdilid rabo").Tier);
    }

    [Fact]
    public void The_table_covers_every_language_and_negation()
    {
        var rows = Narratives.Select(r => ((string)r[0], (string)r[1], (string)r[2])).ToList();
        Assert.True(rows.Count >= 60);
        foreach (var language in new[] { "en", "es", "so" }) Assert.True(rows.Count(r => r.Item1 == language) >= 20, language);
    }

    internal static TriageResult Assess(string language, string? narrative) =>
        ConcernTriage.Assess(new TriageInput("friend", ["other"], "can-wait", narrative, language));

    private static string WithoutDiacritics(string text) =>
        new([.. text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
}
