namespace Kith.ServiceDirectory.Search;

/// <summary>A group of words and phrases that name the same need, across English, Spanish and Somali.</summary>
internal sealed record SynonymGroup(string Name, string[] Phrases);

/// <summary>The curated synonym groups: data, not code, so a coordinator can review them in one place.
/// Each phrase is folded and stemmed the same way as documents, so list the everyday spelling only.
/// <para>UNREVIEWED: every Somali entry below is a best effort and needs a native speaker's check
/// before a Somali-speaking community relies on it.</para></summary>
internal static class SynonymTable
{
    public static readonly SynonymGroup[] Groups =
    [
        // Losing someone: the grief-pod write-up's users search for what happened, not for the service type.
        new("grief", ["grief", "grieving", "bereavement", "bereaved", "loss", "mourning", "duelo", "luto", "murug", "baroor"]),
        // Talking therapy, both spellings of counselling; Somali "la-talin" is "advice/counselling".
        new("counselling", ["counselling", "counseling", "counsellor", "counselor", "therapy", "therapist", "psychotherapy",
            "consejeria", "consejero", "terapia", "terapeuta", "la-talin", "latalin"]),
        // Suicide and acute crisis: must reach crisis lines whatever words are used.
        new("suicide", ["suicide", "suicidal", "crisis", "self-harm", "suicidio", "suicida", "is-dil", "isdil", "isdilid", "is dilid"]),
        // Food: US "food shelf" and "pantry", Spanish "despensa".
        new("food", ["food", "pantry", "food shelf", "food bank", "meals", "comida", "alimentos", "despensa", "cunto", "raashin"]),
        // Somewhere to live or sleep tonight.
        // Somali "hoy" (shelter) is also Spanish "today": a Spanish "ayuda hoy" will meet housing too, an accepted cost.
        new("housing", ["housing", "shelter", "homeless", "homelessness", "vivienda", "refugio", "albergue", "hoy", "guri"]),
        new("childcare", ["childcare", "child care", "daycare", "day care", "guarderia", "cuidado infantil", "daryeelka carruurta"]),
        new("transport", ["transport", "transportation", "ride", "rides", "bus", "transporte", "gaadiid"]),
        new("depression", ["depression", "depressed", "sad", "sadness", "depresion", "deprimido", "niyad-jab", "niyadjab"]),
        new("anxiety", ["anxiety", "anxious", "worry", "worried", "panic", "ansiedad", "walwal"]),
        new("veteran", ["veteran", "veterans", "military", "veterano", "askari hore"]),
        // Farm stress: the farmer text-line write-up.
        new("farmer", ["farmer", "farm", "farming", "rancher", "agricultor", "campesino", "beeralay"]),
        new("loneliness", ["loneliness", "lonely", "isolation", "isolated", "soledad", "kalinimo"]),
        new("substance", ["addiction", "substance", "drug", "drugs", "alcohol", "adiccion", "drogas", "maandooriye"]),
    ];
}
