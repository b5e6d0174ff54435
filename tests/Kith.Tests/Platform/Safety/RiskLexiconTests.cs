using Kith.Platform.Safety;
using Xunit.Abstractions;

namespace Kith.Tests.Platform.Safety;

/// <summary>
/// Risk language as people write it (ADR 0027): risk-lexicon-cases.tsv holds phrases, slang, misspellings,
/// emoji, negations and false friends, each with the path that reads it (a search query or a written account),
/// the rule it must fire (or none) and where the wording comes from (a key of <see cref="LexiconSources"/>).
/// Rows with an emoji are counted apart from the others.
/// </summary>
public sealed class RiskLexiconTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(KithProcess.RepositoryRoot, "tests", "Kith.Tests", "Platform", "Safety");

    private static readonly Case[] Cases = [.. File.ReadAllLines(Path.Combine(Folder, "risk-lexicon-cases.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(Case.Parse)];

    [Fact]
    public void Every_case_fires_the_rule_it_names_and_nothing_higher()
    {
        var wrong = Cases.Select(c => (Case: c, Got: c.Check())).Where(x => x.Got is not null)
            .Select(x => $"{x.Case.Path} {x.Case.Language} \"{x.Case.Text}\": expected {x.Case.Expected}, {x.Got}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {Cases.Length} cases differ:\n" + string.Join('\n', wrong.Take(60)));
    }

    [Fact]
    public void The_table_has_three_hundred_phrases_besides_its_emoji_in_every_language_and_path()
    {
        var emoji = Cases.Count(c => c.HasEmoji);
        var phrases = Cases.Length - emoji;
        output.WriteLine($"risk lexicon cases: {phrases} phrases, {emoji} emoji; " + string.Join(", ",
            Cases.GroupBy(c => $"{c.Path}/{c.Language}/{(c.Expected == "none" ? "none" : "fires")}").OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(phrases >= 300, $"{phrases} phrase cases");
        Assert.True(emoji >= 10, $"{emoji} emoji cases");
        foreach (var path in new[] { "query", "narrative" })
            foreach (var language in new[] { "en", "es", "so" })
            {
                Assert.Contains(Cases, c => c.Path == path && c.Language == language && c.Expected != "none");
                Assert.Contains(Cases, c => c.Path == path && c.Language == language && c.Expected == "none");
            }
    }

    [Fact]
    public void Every_case_phrase_and_term_names_a_source_the_readme_lists()
    {
        var readme = File.ReadAllText(Path.Combine(KithProcess.RepositoryRoot, "src", "Kith", "Platform", "Safety", "README.md"));
        foreach (var key in LexiconSources.All.Keys) Assert.Contains($"`{key}`", readme, StringComparison.Ordinal);
        Assert.All(Cases, c => Assert.True(LexiconSources.All.ContainsKey(c.Source), $"\"{c.Text}\": unknown source {c.Source}"));
        foreach (var book in RiskLanguage.Books)
        {
            Assert.All(book.Phrases, p => Assert.True(LexiconSources.All.ContainsKey(p.Source), $"{book.Language} \"{p.Pattern}\": {p.Source}"));
            Assert.All(book.Terms, t => Assert.True(LexiconSources.All.ContainsKey(t.Source), $"{book.Language} \"{t.Text}\": {t.Source}"));
        }
        // No native speaker has reviewed the Somali book: nothing in it may claim a source.
        var somali = RiskLanguage.Books.Single(b => b.Language == "so");
        Assert.All(somali.Phrases, p => Assert.Equal(LexiconSources.Unreviewed, p.Source));
        Assert.All(somali.Terms, t => Assert.Equal(LexiconSources.Unreviewed, t.Source));
    }

    [Fact]
    public void Every_emoji_a_phrase_or_term_names_is_in_the_table()
    {
        var listed = RiskLanguage.Books.SelectMany(b => b.Phrases.SelectMany(p => p.Pattern.Split(' ', '|'))
            .Concat(b.Terms.Select(t => t.Text))).Where(Narrative.IsSymbol).Distinct().ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, e => Assert.Contains(Cases, c => c.Text.Contains(e, StringComparison.Ordinal) && c.Expected != "none"));
    }

    private sealed record Case(string Path, string Language, string Text, string Expected, string Source)
    {
        public bool HasEmoji => Text.EnumerateRunes().Any(r => Narrative.IsSymbol(r.ToString()));

        public static Case Parse(string line)
        {
            var f = line.Split('\t');
            if (f.Length != 5 || f[0] is not ("query" or "narrative")) throw new FormatException($"risk-lexicon-cases.tsv: \"{line}\"");
            return new Case(f[0], f[1], f[2], f[3], f[4]);
        }

        /// <summary>Null when the engine does what the row says, else what it did.</summary>
        public string? Check()
        {
            if (Path == "query")
            {
                var signal = RiskLanguage.ReadQuery(Text);
                var got = signal is null ? "none" : signal.Rule["phrase.".Length..];
                return got == Expected ? null : $"got {got} (term \"{signal?.Term}\")";
            }
            var fired = RiskLanguage.ReadNarrative(Text, Language).ToList();
            var rules = string.Join(", ", fired.Select(s => s.Rule["phrase.".Length..]).Distinct());
            if (Expected == "none") return fired.Count == 0 ? null : $"fired {rules}";
            var expected = fired.FirstOrDefault(s => s.Rule == "phrase." + Expected);
            if (expected is null) return $"fired {(rules.Length == 0 ? "nothing" : rules)}";
            return fired.Any(s => s.Tier > expected.Tier) ? $"also fired a higher tier: {rules}" : null;
        }
    }
}
