namespace Kith.Platform.Safety;

/// <summary>
/// Somali risk phrases (concern triage and search), the same rules as <see cref="EnglishPhrases"/>.
/// NEEDS REVIEW BY A NATIVE SPEAKER: written from grammars and dictionaries, not by one. Especially the
/// verb forms listed for "is dil-" (kill oneself), the negation cues and their "-o/-in" confirmation,
/// and spelling variants (dh/r: xadhig/xarig; e/a: heysta/haysta). Somali places the object before the
/// verb and the negation between them ("qori ma haysto", he has no gun), which is why a negation inside
/// a phrase's gap cancels it too.
/// Not used as negation on purpose: "aan" (also "I" and "let me": "aan is dilo" is "let me kill myself")
/// and "la'aan" (without; it follows its noun). Not clause breaks on purpose: "oo" and "iyo" (they join
/// words as often as clauses, and a break there would split phrases).
/// </summary>
internal static class SomaliPhrases
{
    // Endings of negative verb forms (declared before Book: static fields initialise in order).
    private static readonly string[] Negative = ["o", "in", "yn", "aha"];

    public static readonly PhraseBook Book = new(
        Language: "so",
        Words: new Dictionary<string, string>
        {
            ["hub"] = "qori|qoriga|qorigii|qoryo|qoryaha|bastoolad|bastoolado|bastooladda|bastooladii|bistoolad|hub|hubka|hubkii",
            ["mindi"] = "mindi|mindida|middi|middida|toorray|toorrey|bam|bambo",
            ["haysta"] = "haystaa|haysataa|haysta|haystay|haysatay|haysto|haysato|haystaan|heysta|heystaa|leeyahay|leedahay",
            ["kiniin"] = "kiniin|kiniinno|kiniinka|kiniinada|kiniinnada|kiniinkii|kaniin|daawo|daawada|daawooyin|daawooyinka",
            // Forms of dil- (kill) after "is" (oneself): is dilo, is dilay, is dilayaa, is disho…
            ["isdil"] = "dilo|dilay|dilayaa|dilaysaa|dili|dilid|dilaa|dishaa|disho|dishay|dilayo|dilaya|dilnaa|dilno|dilaan|dilin|dilayn|dilto|disha|dilayay",
            ["dad"] = "dadka|ardayda|arday|ardey|qof|qofna|qofkasta|qofkii|macallinka|macalinka|macallimiinta|macalimiinta|aabihiis|aabaheed|hooyadiis|hooyadeed|walaalkiis|walaashiis|walaalkeed|walaasheed|carruurta|caruurta|dugsiga|iskuulka|fasalka|kuwa|dhammaan|dhamaan|gabadha|wiilka",
            ["naf"] = "naftiisa|nafteeda|naftayda|naftooda|naftaada|nafta|naftiis",
        },
        Phrases:
        [
            .. Phrase.Imminent("plan-or-means", LexiconSources.Unreviewed,
                "{hub} ~ {haysta}",
                "{haysta} ~ {hub}",
                "{kiniin} ~ kayd*|keyd*|ururi*|urursa*|qari*",
                "kayd*|keyd*|ururi*|urursa*|qari* ~ {kiniin}",
                "xarig*|xadhig* ~ iibsa*|diyaari*|xir*|sameey*|haysta*",
                "buundo*|dhismo*|dhisme*|saqaf*|daaqad* ~ bood*|tuur*"),
            .. Phrase.Imminent("suicide-intent", LexiconSources.Unreviewed,
                "is dili doon*",
                "is dilayaa|dilaysaa|dilayaan",
                "qorshe* ~ is {isdil}"),
            .. Phrase.Imminent("goodbye", LexiconSources.Unreviewed,
                "warqad*|qoraal*|farriin*|fariin* ~ tagay|tagtay|qoray|qortay|reebay|reebtay|sagoot*",
                "qoray|qortay|reebay|reebtay ~ warqad*",
                "sagoot*",
                "nabadgelyo|nabadgalyo|macsalaam*|macasalaam* ~ yiri|tiri|dhahay|dhahday|diray|dirtay",
                "nabad gelyo|galyo ~ yiri|tiri|dhahay|dhahday|diray|dirtay",
                "alaab*|waxyaab*|agab* ~ siiyay|siisay|bixiyay|bixisay|qaybiyay|qaybisay"),
            .. Phrase.Imminent("threat-with-means", LexiconSources.Unreviewed,
                "keen* ~ {hub}|{mindi}",
                "{hub}|{mindi} ~ keen*",
                "{hub}|{mindi} ~ la iman*|imaan*|yimi|yimid|timi|timid",
                "{hub}|{mindi} ~ iskuul*|dugsi*|fasal*",
                "toogan|toogi doon*",
                "toogayaa|toogaysaa|toogayaan",
                "qarxi|qarxin doon*",
                "bam|bambo ~ dhig*"),
            .. Phrase.Imminent("hurt-now", LexiconSources.Unreviewed,
                "{kiniin} ~ badan ~ qaat*|qaad*|liq*|cun*",
                "qaat*|qaaday|liq*|cunay ~ {kiniin} ~ badan",
                "miyir* ~ laaan|beel*|lumay|lumisay",
                "ma neefsan*",
                "dhiig* ~ bax*|daadan*"),
            .. Phrase.Urgent("suicide-ideation", withTiming: "plan-or-means", LexiconSources.Unreviewed,
                "isdil*",
                "is {isdil}",
                "{naf} ~ dil*|qaad*",
                "rab*|doon* ~ dhinto|dhimato|dhimaado|dhimo|dhimasho|dhimashada",
                "dhimasho|dhimashada|dhiman ~ rab*|doon*",
                "ma|kuma|uma rab*|doon* ~ noolaado|noolaato|noolaan|nolol|nolosha|noolaansho",
                "nolosh* ~ joojin*|dhammay*|dhamay*|dhamee*|afjar*",
                "daal* ~ nolo*",
                "is deldel*",
                "isdeldel*"),
            .. Phrase.Urgent("self-harm", withTiming: "plan-or-means", LexiconSources.Unreviewed,
                "is|isku dhaawac*|gooy*|goyn*|jarjar*|jaray|jaro|jartay|gubay|gubtay|gubo|garaac*",
                "isdhaawac*",
                "gacm*|cudud*|bowd* ~ jar*|gooy*|dhaawac*",
                "{kiniin} ~ xad dhaaf*"),
            .. Phrase.Urgent("threat", withTiming: "threat-with-means", LexiconSources.Unreviewed,
                "hanjab*",
                "{dad} ~ dili|dilayaa|dhaawici|dhaawacayaa|weerari|weerarayaa|toogan|toogi|laayn|laayo",
                "dili|dhaawici|weerari|laayi doon* ~ {dad}",
                "toog*",
                "laay*"),
            .. Phrase.Urgent("abuse", withTiming: "hurt-now", LexiconSources.Unreviewed,
                "garaac*",
                "kufs*",
                "xadgudub*",
                "jirdil*",
                "tacadi*",
                "dhuft*",
                "baq* ~ guri*|aabe*|aabbe*|hooyo*|aabi*|aaba*|hooya*|adeer*"),
            .. Phrase.Urgent("in-danger", withTiming: "hurt-now", LexiconSources.Unreviewed,
                "khatar* ~ jir*"),
        ],
        Negations:
        [
            // "ma" (and its fused forms) negates with a negative verb form, "ma rabo", "ma dilin",
            // "ma aha"; with other forms it asks a question ("ma rabaa?"), which negates nothing.
            new("ma", ConfirmedByEnding: Negative), new("isma", ConfirmedByEnding: Negative),
            new("uma", ConfirmedByEnding: Negative), new("kama", ConfirmedByEnding: Negative),
            new("lama", ConfirmedByEnding: Negative), new("kuma", ConfirmedByEnding: Negative),
            new("wuuma", ConfirmedByEnding: Negative),
            new("maaha"), new("maahan"), new("maya", 2),
            // "ha" forbids with an "-in" form ("ha is dilin"); elsewhere it is not a negation.
            new("ha", 2, ["in"]),
            new("weligii"), new("weligiis"), new("weligeed"), new("weligood"), new("weligay"), new("weligaa"),
            new("waligii"), new("waligiis"), new("waligeed"), new("waligay"),
            new("inuusan"), new("inaysan"), new("inaanan"), new("inaadan"), new("inaanu"), new("inaaney"),
            new("inaanay"), new("inuunan"),
        ],
        NotNegations:
        [
            "keliya|kaliya|kali",
            // "ma garanayo / ma ogi / ma hubo": I don't know, I'm not sure.
            "garanayo|garanaayo|garan|ogi|ogin|aqaan|aqaano|ogahay|hubo|hubin|hubaa",
            "joojin*",
        ],
        Conditionals: ["haddii", "hadii", "hadduu", "haddey", "hadday", "haddaan", "haddaad", "hadaan", "markii", "marka"],
        ClauseBreaks: ["laakiin", "laakin", "lakiin", "balse", "hase", "hayeeshee", "hasayeeshee"],
        Timing:
        [
            "caawa|caawo|caawaba|maanta|hadda|haatan|berri|berrito|saaka|galabta|habeenkan|toddobaadkan",
        ],
        // UNREVIEWED like the phrases above: a native speaker's check is needed.
        Terms:
        [
            .. Term.Urgent("suicide-ideation", LexiconSources.Unreviewed, "waxaan rabaa inaan dhinto", "is dilid", "isdil", "naftayda dil", "naftayda dilo", "dhimasho rabaa"),
            .. Term.Urgent("suicide-ideation", LexiconSources.Unreviewed, "is dilayaa", "is dili doonaa", "is dilaa"),
            .. Term.Urgent("self-harm", LexiconSources.Unreviewed, "is dhaawac", "isdhaawac"),
        ]);
}
