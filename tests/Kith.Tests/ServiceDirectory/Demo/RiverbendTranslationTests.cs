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
        // The organisation's own description, in the reader's language too.
        var organisation = page.QuerySelector("#org-title")!.ParentElement!;
        Assert.Equal("Sobre la organización", page.QuerySelector("#org-title")!.TextContent);
        Assert.Contains("La red nacional de centros de crisis locales", organisation.TextContent);
        Assert.Null(organisation.QuerySelector("[lang=en], .untranslated"));
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

    [Fact]
    public async Task Every_demo_service_its_hours_and_its_organisation_have_current_Spanish_and_Somali_for_every_English_text()
    {
        var (services, organizations, schedules, links, translations) = await seeded.Read(async db => (
            await db.Services.ToListAsync(), await db.DirectoryOrganizations.ToListAsync(), await db.Schedules.ToListAsync(),
            await db.ServiceAtLocations.Select(l => new { l.Id, l.ServiceId }).ToListAsync(), await db.DirectoryTranslations.ToListAsync()));
        var demoIds = DemoDirectory.Services.Select(s => DirectoryRowsBuilder.Id("service", s.Key)).ToHashSet();
        var demo = services.Where(s => demoIds.Contains(s.Id)).ToList();
        Assert.Equal(DemoDirectory.Services.Count, demo.Count);

        var texts = new List<(string Entity, string Id, string Field, string English)>();
        foreach (var service in demo)
        {
            texts.AddRange(Translatable.Fields["service"].Select(f => ("service", service.Id, f, Translatable.Original(service, f)!)));
            var org = organizations.Single(o => o.Id == service.OrganizationId);
            texts.Add(("organization", org.Id, "description", org.Description!));
            var linkIds = links.Where(l => l.ServiceId == service.Id).Select(l => l.Id).ToHashSet();
            foreach (var schedule in schedules.Where(s => s.ServiceId == service.Id || (s.ServiceAtLocationId is { } l && linkIds.Contains(l))))
                texts.AddRange(Translatable.Fields["schedule"].Select(f => ("schedule", schedule.Id, f, Translatable.Original(schedule, f)!)));
        }
        texts = texts.Where(t => !string.IsNullOrWhiteSpace(t.English)).Distinct().ToList();
        Assert.True(texts.Count > 200, $"only {texts.Count} texts");

        var missing = texts.SelectMany(t => new[] { "es", "so" }.Select(language => (t, language)))
            .Where(x => translations.SingleOrDefault(r => r.LinkEntity == x.t.Entity && r.LinkId == x.t.Id && r.FieldName == x.t.Field && r.Language == x.language)
                is not { } row || !Translatable.IsCurrent(row, x.t.English) || string.IsNullOrWhiteSpace(row.Value))
            .Select(x => $"{x.language} {x.t.Entity}.{x.t.Field}: {x.t.English}").Distinct().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} texts without a current translation:\n" + string.Join("\n", missing));
    }
}
