using System.Text;
using System.Text.RegularExpressions;
using Kith.Concerns.Triage;
using Kith.ServiceDirectory.Search;

namespace Kith.Tests.Platform.Safety;

// Temporary: writes the baseline from the old tables, run once before they move.
public sealed partial class FreezeRiskBaseline
{
    private static readonly string[] SearchPhrases =
    [
        "want to die", "wanna die", "kill myself", "killing myself", "end my life", "ending my life", "take my own life",
        "take my life", "suicide", "suicidal", "hurt myself", "hurting myself", "harm myself", "self harm", "cut myself",
        "better off dead", "no reason to live", "dont want to live", "dont want to be alive",
        "no quiero vivir", "quiero morir", "quiero morirme", "me quiero morir", "matarme", "me quiero matar",
        "quitarme la vida", "suicidio", "suicidarme", "hacerme dano",
        "waxaan rabaa inaan dhinto", "is dilid", "isdil", "naftayda dil", "naftayda dilo", "dhimasho rabaa",
    ];

    [Fact]
    public void Freeze()
    {
        if (Environment.GetEnvironmentVariable("KITH_FREEZE_RISK") != "1") return;
        var rows = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var book in new[] { EnglishPhrases.Book, SpanishPhrases.Book, SomaliPhrases.Book })
        {
            var timing = book.Timing[0].Split(' ')[0].Split('|')[0];
            var negation = book.Negations[0].Word;
            foreach (var phrase in book.Phrases)
                foreach (var text in Instances(Expand(phrase.Pattern, book.Words)))
                {
                    rows.Add(Narrative(book.Language, text));
                    if (phrase.WithTiming is not null) rows.Add(Narrative(book.Language, text + " " + timing));
                    rows.Add(Narrative(book.Language, negation + " " + text));
                    rows.Add(Query(text));
                }
        }
        foreach (var phrase in SearchPhrases)
        {
            rows.Add(Query(phrase));
            rows.Add(Query(phrase.ToUpperInvariant()));
            rows.Add(Query("i " + phrase + " now"));
            rows.Add(Query(phrase.Replace(" ", "")));
            if (phrase.Length >= 6) rows.Add(Query(phrase[..2] + phrase[3] + phrase[2] + phrase[4..]));
            if (phrase.Length >= 12) rows.Add(Query(phrase[..2] + phrase[3] + phrase[2] + phrase[4..^3] + phrase[^2] + phrase[^3] + phrase[^1]));
            if (phrase.Length >= 6) rows.Add(Query(phrase[..^1] + "x" + phrase[^1]));
            rows.Add(Query("x" + phrase));
            foreach (var lang in new[] { "en", "es", "so" }) rows.Add(Narrative(lang, phrase));
        }
        var file = new StringBuilder();
        file.Append("# What fired before the one risk-language engine (frozen from the old triage phrase books and search's RiskSignals).\n");
        file.Append("# narrative<TAB>form language<TAB>text<TAB>rules (tier:rule, sorted; - for none)\n");
        file.Append("# query<TAB>-<TAB>text<TAB>search phrase matched (- for none)\n");
        foreach (var row in rows) file.Append(row).Append('\n');
        File.WriteAllText(Path.Combine(KithProcess.RepositoryRoot, "tests", "Kith.Tests", "Platform", "Safety", "risk-language-baseline.tsv"), file.ToString());
    }

    private static string Narrative(string language, string text)
    {
        var fired = new SortedSet<string>(NarrativeRules.Fired(text, language).Select(f => $"{f.Tier}:{f.Rule}"), StringComparer.Ordinal);
        return $"narrative\t{language}\t{text}\t{(fired.Count == 0 ? "-" : string.Join(',', fired))}";
    }

    private static string Query(string text) => $"query\t-\t{text}\t{RiskSignals.Detect(text) ?? "-"}";

    // Every alternative of every slot once, the other slots at their first alternative, optional words left out.
    private static IEnumerable<string> Instances(string[] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] == "~") continue;
            foreach (var alternative in items[i].Trim('[', ']').Split('|'))
                yield return string.Join(' ', items.Select((item, k) => k == i ? Word(alternative) : item == "~" || item.StartsWith('[') ? "" : Word(item.Split('|')[0]))
                    .Where(w => w.Length > 0));
        }
    }

    private static string Word(string alternative) => alternative.EndsWith('*') ? alternative.TrimEnd('*') + "o" : alternative;

    private static string[] Expand(string pattern, IReadOnlyDictionary<string, string> words)
    {
        for (var i = 0; i < 5; i++) pattern = WordList().Replace(pattern, m => words[m.Groups[1].Value]);
        return pattern.Split(' ');
    }

    [GeneratedRegex(@"\{([a-z0-9-]+)\}")]
    private static partial Regex WordList();
}
