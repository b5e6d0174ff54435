using AngleSharp.Html.Parser;
using Kith.ServiceDirectory.Demo;
using Kith.ServiceDirectory.Domain;

namespace Kith.Tests.ServiceDirectory.Demo;

/// <summary>The Riverbend demo in Spanish and Somali (ADR 29): the crisis lines at least, every translation current and used.</summary>
[Trait("Category", "Integration")]
public sealed class RiverbendTranslationTests(SeededRiverbend seeded) : IClassFixture<SeededRiverbend>
{
    [Fact]
    public async Task Every_crisis_line_has_a_current_Spanish_and_Somali_description_and_a_Spanish_reader_gets_it()
    {
        var crisisNeed = KithVocabulary.NeedId("crisis-line");
        var (lines, translations) = await seeded.Read(async db =>
        {
            var ids = await db.HsdsAttributes.Where(a => a.TaxonomyTermId == crisisNeed).Select(a => a.LinkId).ToListAsync();
            return (await db.Services.Where(s => ids.Contains(s.Id)).ToListAsync(), await db.DirectoryTranslations.ToListAsync());
        });

        Assert.True(lines.Count >= 10);
        foreach (var line in lines)
            foreach (var language in new[] { "es", "so" })
            {
                var description = translations.SingleOrDefault(t => t.LinkId == line.Id && t.FieldName == "description" && t.Language == language);
                Assert.True(description is not null, $"{line.Name} has no {language} description");
                Assert.True(Translatable.IsCurrent(description, line.Description), $"{line.Name}: the {language} description is stale");
                Assert.NotEqual(line.Description, description.Value);
            }
        Assert.All(translations, t => Assert.True(Translatable.IsField(t.LinkEntity, t.FieldName)));

        var lifeline = lines.Single(l => l.Name == "988 Suicide & Crisis Lifeline");
        var page = new HtmlParser().ParseDocument(await seeded.App.Browser().GetStringAsync($"/help/services/{lifeline.Id}?lang=es"));
        Assert.StartsWith("Llame o envíe un mensaje de texto al 988", page.QuerySelector("#what-title + p")!.TextContent.Trim());
        Assert.Contains("Abierto las 24 horas", page.QuerySelector("#hours-title")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task Every_demo_phrase_translates_a_text_the_demo_has()
    {
        var originals = await seeded.Read(async db =>
            (await db.Services.Select(s => new[] { s.Description, s.Alert, s.EligibilityDescription, s.ApplicationProcess, s.FeesDescription, s.InterpretationServices, s.WaitTime }).ToListAsync())
            .SelectMany(x => x)
            .Concat(await db.Schedules.Select(s => s.Description).ToListAsync())
            .Concat(await db.DirectoryOrganizations.Select(o => o.Description).ToListAsync())
            .OfType<string>().ToHashSet());

        Assert.All(DemoDirectory.Translations, phrase => Assert.True(originals.Contains(phrase.Key), $"no demo text reads \"{phrase.Key}\""));
        Assert.All(DemoDirectory.Translations.Values, t => Assert.False(string.IsNullOrWhiteSpace(t.Es) && string.IsNullOrWhiteSpace(t.So)));
    }
}
