using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Kith.Concerns.Domain;
using Kith.Concerns.Triage;
using Kith.Platform.Safety;

namespace Kith.Tests.Concerns.Triage;

/// <summary>
/// Properties over generated reports: text only ever adds to what the answers decide, more text only
/// adds to what earlier text decided, and nothing a browser can send makes triage throw.
/// </summary>
public sealed partial class TriagePropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(400);

    // Every word the phrase lists know (phrases, negations, conditions, timing, clause breaks), so the
    // generated texts are dense with hits, negations and clause breaks rather than random noise.
    private static readonly string[] Vocabulary = [.. new[] { EnglishPhrases.Book, SpanishPhrases.Book, SomaliPhrases.Book }
        .SelectMany(b => b.Words.Values.Concat(b.Phrases.Select(p => p.Pattern)).Concat(b.Negations.Select(n => n.Word))
            .Concat(b.NotNegations).Concat(b.Conditionals).Concat(b.ClauseBreaks).Concat(b.Timing))
        .SelectMany(text => Word().Matches(text).Select(m => m.Value))
        .Distinct()];

    private static readonly PhraseBook[] Books = [EnglishPhrases.Book, SpanishPhrases.Book, SomaliPhrases.Book];

    // A phrase written out the way a reporter might: one alternative per slot, optional words sometimes
    // left out, gaps filled with other known words, prefixes completed.
    private static readonly Gen<string> PhraseInstance =
        Gen.Elements(Books.SelectMany(b => b.Phrases.Select(p => Expand(p.Pattern, b.Words))).ToArray())
            .SelectMany(items => Gen.CollectToArray(items, ItemText).Select(words => string.Join(' ', words.Where(w => w.Length > 0))));

    private static readonly Gen<string> WordSoup =
        Gen.Frequency((3, Gen.Elements(Vocabulary)), (1, PhraseInstance))
            .Zip(Gen.Elements(" ", " ", " ", ", ", ". ", "\n", "’", "-", " ¿", "! "))
            .Select(p => p.Item1 + p.Item2).ArrayOf().Select(string.Concat);

    // Any UTF-16 code unit: control characters, lone surrogates, combining marks, noncharacters.
    private static readonly Gen<string> AnyUnicode =
        Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(chars => new string(chars));

    private static readonly Gen<string> Huge =
        Gen.OneOf(WordSoup, AnyUnicode).Zip(Gen.Choose(10_000, 60_000))
            .Select(p => p.Item1.Length == 0 ? new string('x', p.Item2) : string.Concat(Enumerable.Repeat(p.Item1, p.Item2 / p.Item1.Length + 1))[..p.Item2]);

    private static readonly Gen<string> Narrative =
        Gen.Frequency((6, WordSoup), (2, AnyUnicode), (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")));

    private static readonly Gen<(string[] Categories, string Urgency, string Language)> Answers =
        Gen.SubListOf(ConcernAnswers.Categories.Select(c => c.Code).ToArray()).Select(l => l.ToArray())
            .Zip(Gen.Elements(ConcernAnswers.Urgency.Select(u => u.Code).ToArray()))
            .Zip(Gen.Elements("en", "es", "so", "fr", ""))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2));

    private static TriageResult Assess((string[] Categories, string Urgency, string Language) answers, string? narrative) =>
        ConcernTriage.Assess(new TriageInput("friend", answers.Categories, answers.Urgency, narrative, answers.Language));

    [Fact]
    public void Text_never_lowers_the_tier_the_answers_decide()
    {
        Prop.ForAll(Answers.Zip(Narrative).ToArbitrary(), t =>
        {
            var (answers, narrative) = t;
            var alone = Assess(answers, null);
            var withText = Assess(answers, narrative);
            return withText.Tier >= alone.Tier && alone.RulesFired.All(withText.RulesFired.Contains);
        }).Check(Config);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData(" ")]
    public void More_text_keeps_every_rule_the_earlier_text_fired(string between)
    {
        Prop.ForAll(Answers.Zip(WordSoup).Zip(Gen.OneOf(WordSoup, Narrative)).ToArbitrary(), t =>
        {
            var ((answers, first), second) = t;
            var both = Assess(answers, first + between + second);
            var firstAlone = Assess(answers, first);
            // In the same clause a timing word added later may turn an urgent rule into its imminent one.
            if (between == " ") return both.Tier >= firstAlone.Tier;
            // After a line break the second text is read as its own clause: what it fires alone it fires here.
            var secondAlone = Assess(answers, second);
            return both.Tier >= firstAlone.Tier && both.Tier >= secondAlone.Tier
                   && firstAlone.RulesFired.Concat(secondAlone.RulesFired).All(both.RulesFired.Contains);
        }).Check(Config);
    }

    [Fact]
    public void Assess_never_throws_on_anything_a_browser_can_send()
    {
        var anything = ArbMap.Default.GeneratorFor<string>();
        var input = Gen.OneOf(Narrative, Huge).Zip(anything).Zip(anything).Zip(anything.ArrayOf())
            .Select(t => new TriageInput(t.Item1.Item2, t.Item2, t.Item1.Item1.Item2, t.Item1.Item1.Item1, t.Item1.Item2));
        Prop.ForAll(input.ToArbitrary(), i =>
        {
            var result = ConcernTriage.Assess(i);
            return Enum.IsDefined(result.Tier) && result.RulesFired.Distinct().Count() == result.RulesFired.Count;
        }).Check(Config.WithMaxTest(150));
    }

    [Fact]
    public void A_fifty_kilobyte_narrative_is_read_whole()
    {
        var filler = string.Concat(Enumerable.Repeat("He has not been himself lately, he is not eating and he skips class. ", 740));
        var narrative = filler + "Tonight he said he will kill himself.";
        Assert.True(narrative.Length > 50_000);
        var result = NarrativeTriageTests.Assess("en", narrative);
        Assert.Equal(Tier.Imminent, result.Tier);
        Assert.Contains("phrase.en.suicide-intent", result.RulesFired);
    }

    private static string[] Expand(string pattern, IReadOnlyDictionary<string, string> words)
    {
        for (var i = 0; i < 5; i++) pattern = WordList().Replace(pattern, m => words[m.Groups[1].Value]);
        return pattern.Split(' ');
    }

    private static Gen<string> ItemText(string item)
    {
        if (item == "~") return Gen.Elements(Vocabulary).ArrayOf().Select(a => string.Join(' ', a.Take(Pattern.MaxGap)));
        var optional = item.StartsWith('[');
        var word = Gen.Elements(item.Trim('[', ']').Split('|')).Zip(Gen.Elements("", "s", "a", "ado"))
            .Select(p => p.Item1.EndsWith('*') ? p.Item1.TrimEnd('*') + p.Item2 : p.Item1);
        return optional ? Gen.Frequency((2, word), (1, Gen.Constant(""))) : word;
    }

    [GeneratedRegex(@"\{([a-z0-9-]+)\}")]
    private static partial Regex WordList();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Word();
}
