using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kith.Community;
using Kith.Community.Domain;

namespace Kith.Tests.Localization;

/// <summary>
/// Every text a person can see goes through the localizer with its English wording as the key; each
/// shipped language must translate every key, keep its placeholders, and carry no stale keys.
/// </summary>
public sealed partial class TranslationTests
{
    public static TheoryData<string> Languages => ["es", "so"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_used_in_the_code_is_translated_and_nothing_stale_remains(string language)
    {
        var used = UsedKeys();
        var translated = Translations(language);

        var missing = used.Except(translated.Keys).Order().ToList();
        var stale = translated.Keys.Except(used).Order().ToList();
        var empty = translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key).ToList();

        Assert.True(missing.Count == 0, $"{language}: {missing.Count} untranslated:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, $"{language}: {stale.Count} no longer used:\n" + string.Join("\n", stale));
        Assert.Empty(empty);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Translations_keep_every_placeholder(string language)
    {
        foreach (var (key, value) in Translations(language))
        {
            var expected = Placeholder().Matches(key).Select(m => m.Value).Order();
            var actual = Placeholder().Matches(value).Select(m => m.Value).Order();
            Assert.True(expected.SequenceEqual(actual), $"{language}: '{key}' → '{value}' changes the placeholders");
        }
    }

    [Fact]
    public void The_key_scan_finds_the_texts_it_must()
    {
        var used = UsedKeys();
        Assert.Contains("Get help now", used);
        Assert.Contains("Enter your email address.", used);   // a validation message
        Assert.Contains("Audit log", used);                  // a navigation title
        Assert.Contains("Community leader", used);           // a role name
        Assert.Contains("A friend", used);                   // a concern form answer
        Assert.Contains("Received. A person will look at it soon.", used); // a reporter's stage
    }

    internal static HashSet<string> UsedKeys()
    {
        var source = Path.Combine(KithProcess.RepositoryRoot, "src", "Kith");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerCall().Matches(text)) keys.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in ErrorMessage().Matches(text)) keys.Add(Regex.Unescape(m.Groups[1].Value));
            // Validation problems are shown on pages through T[...] (ErrorList), so their texts are keys too.
            foreach (Match m in ProblemText().Matches(text)) keys.Add(Regex.Unescape(m.Groups[1].Value));
        }
        foreach (var entry in CommunityModule.Navigation.Concat(Kith.ServiceDirectory.DirectoryModule.Navigation).Concat(Kith.Concerns.ConcernsModule.Navigation)
            .Concat(Kith.Screening.Fhir.FhirRegistration.Navigation).Concat(Kith.Screening.Campaigns.CampaignsRegistration.Navigation)
            .Concat(Kith.Referrals.ReferralsModule.Navigation).Concat(Kith.Groups.GroupsModule.Navigation).Concat(Kith.Volunteers.VolunteersModule.Navigation)
            .Concat(Kith.Insights.InsightsModule.Navigation)) { keys.Add(entry.Title); keys.Add(entry.Summary); }
        // Indicator titles and units are shown through T[...] from the catalogue, not from a literal in a page.
        foreach (var title in Kith.Insights.Indicators.IndicatorCatalogue.Titles.Concat(Kith.Insights.Indicators.IndicatorCatalogue.Units)) keys.Add(title);
        foreach (var code in Kith.Insights.Alerts.AlertWords.ActionKinds) keys.Add(Kith.Insights.Alerts.AlertWords.ActionKind(code));
        foreach (var code in Kith.Insights.Alerts.AlertWords.Outcomes) keys.Add(Kith.Insights.Alerts.AlertWords.Outcome(code));
        keys.UnionWith(Kith.Insights.Alerts.AlertDesk.Problems);
        // The safety plan's steps are shown through T[section.Title] and T[section.Hint]; its staff navigation entry too.
        foreach (var section in Kith.Screening.SafetyPlans.PlanSections.All) { keys.Add(section.Title); keys.Add(section.Hint); }
        foreach (var entry in Kith.Screening.SafetyPlans.SafetyPlansRegistration.Navigation) { keys.Add(entry.Title); keys.Add(entry.Summary); }
        // Kith's own vocabularies are shown through T[term.Name] (needs, delivery, accessibility checkboxes).
        var vocabulary = Kith.ServiceDirectory.Domain.KithVocabulary.Needs.Concat(Kith.ServiceDirectory.Domain.KithVocabulary.Delivery)
            .Concat(Kith.ServiceDirectory.Domain.KithVocabulary.AccessibilityFeatures);
        foreach (var term in vocabulary) keys.Add(term.Name);
        foreach (var role in Roles.All) keys.Add(Roles.Title(role));
        foreach (var text in Kith.Lines.CheckIns.MemberTexts.All) keys.Add(text); // texts to members of check-ins, in their language
        foreach (var type in Enum.GetNames<OrganisationType>()) keys.Add(Kith.Community.Organisations.OrganisationRules.Label(type));
        // The concern form's fixed answers are shown through T[title]; the form's problems, the reporter's stages and
        // reply problems leave the Concerns core as English sentences that the public pages translate.
        var answers = Kith.Concerns.Domain.ConcernAnswers.About.Concat(Kith.Concerns.Domain.ConcernAnswers.Categories).Concat(Kith.Concerns.Domain.ConcernAnswers.Urgency);
        foreach (var (_, title) in answers) keys.Add(title);
        foreach (var file in ReporterTexts)
            foreach (Match m in Sentence().Matches(File.ReadAllText(Path.Combine(source, file)))) keys.Add(m.Groups[1].Value);
        return keys;
    }

    private static Dictionary<string, string> Translations(string language)
    {
        var path = Path.Combine(KithProcess.RepositoryRoot, "src", "Kith", "Resources", $"SharedResource.{language}.resx");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    [GeneratedRegex(@"\bT\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"(?:\]\s*=\s*\[|StaffAccessResult\.Fail\(""[^""]*"",\s*)""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ProblemText();

    private static readonly string[] ReporterTexts =
        [Path.Combine("Concerns", "Submit", "ConcernSubmission.cs"), Path.Combine("Concerns", "FollowUp", "ReporterFollowUp.cs")];

    [GeneratedRegex(@"""([A-Z][^""\\]*[.?!])""")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
