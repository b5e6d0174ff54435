using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Kith.ServiceDirectory.Domain;
using Kith.Tests.ServiceDirectory.Editing;
using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Translations;

/// <summary>Translations travel with the HSDS data package as Kith's extension table translations.csv (ADR 29).</summary>
[Trait("Category", "Integration")]
public sealed class TranslationExchangeTests(KithApp app) : IClassFixture<KithApp>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Export_then_import_into_an_empty_directory_keeps_the_translations_a_Spanish_reader_sees_and_never_writes_an_orphan()
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Exchange Translation Clinic");
        var (scheduleId, goneId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Round trip counselling", more: (db, sid) =>
        {
            db.Services.Local.Single(s => s.Id == sid).Description = "Counselling in the evenings.";
            db.Schedules.Add(new Schedule { Id = scheduleId, ServiceId = sid, Freq = "WEEKLY", Byday = "MO", OpensAt = new(18, 0), ClosesAt = new(20, 0), Description = "Monday evenings." });
            db.Schedules.Add(new Schedule { Id = goneId, ServiceId = sid, Freq = "WEEKLY", Byday = "FR", OpensAt = new(9, 0), ClosesAt = new(12, 0), Description = "Friday mornings." });
        });
        var (coordinator, _) = await Staff.SignedInAsync(app, "coord@translation-exchange.test", Roles.Coordinator, kithOrg);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"/api/directory/services/{id}/translations/es",
            new { texts = new Dictionary<string, string> { ["description"] = "Orientación por las tardes.", [$"schedule.{scheduleId}.description"] = "Los lunes por la tarde.",
                [$"schedule.{goneId}.description"] = "Los viernes por la mañana." } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"/api/directory/services/{id}/translations/so",
            new { texts = new Dictionary<string, string> { ["organization.description"] = "Xarun la-talin." } })).StatusCode);
        // The Friday hours go as the service editor's hours or an import's --replace remove them: their translation is left behind.
        await DirectoryData.ReadAsync(app, db => db.Schedules.Where(x => x.Id == goneId).ExecuteDeleteAsync());
        var before = await TranslationsAsync();
        Assert.Equal(4, before.Count);

        var exported = await ExportAsync(app);
        var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(exported, "datapackage.json"))).RootElement;
        var resource = package.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "translation");
        Assert.Equal("translations.csv", resource.GetProperty("path").GetString());
        var csv = ReadCsv(Path.Combine(exported, "translations.csv"));
        Assert.Equal(["id", "link_entity", "link_id", "field_name", "language", "value", "source_hash"], csv[0]);
        Assert.Equal(resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()), csv[0]);
        Assert.Equal(3, csv.Count - 1); // never the orphan, which the import would refuse ("no schedule has the id")
        Assert.DoesNotContain(csv, row => row.Contains(goneId));

        await DeleteDirectoryAsync(app);
        Assert.Empty(await TranslationsAsync());
        var imported = await ImportAsync(app, exported);

        Assert.True(imported.Succeeded, string.Join('\n', imported.Problems.Listed));
        Assert.Equal(3, Counts(imported, "translation").Inserted);
        Assert.Equal(before.Where(t => !t.Contains(goneId)), await TranslationsAsync());
        var spanish = Parser.ParseDocument(await app.Browser().GetStringAsync($"/help/services/{id}?lang=es"));
        Assert.Equal("Orientación por las tardes.", spanish.QuerySelector("#what-title + p")!.TextContent.Trim());
        Assert.Contains("Los lunes por la tarde.", spanish.QuerySelector("#hours-title")!.ParentElement!.TextContent);
        // Only the organisation's description, translated into Somali alone, is shown in English.
        Assert.Equal(spanish.QuerySelector("#org-title")!.ParentElement, Assert.Single(spanish.QuerySelectorAll(".untranslated")).Closest("section"));
    }

    [Fact]
    public async Task A_bad_translation_row_is_a_problem_naming_its_row_and_column_and_nothing_is_imported()
    {
        // A Kith export lists translations.csv in its datapackage.json, so the import reads it.
        await DeleteDirectoryAsync(app);
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);
        var package = await ExportAsync(app);
        await DeleteDirectoryAsync(app);
        var serviceId = ReadCsv(Path.Combine(package, "services.csv"))[1][0];
        File.WriteAllText(Path.Combine(package, "translations.csv"),
            "id,link_entity,link_id,field_name,language,value,source_hash\r\n"
            + $"{Guid.NewGuid()},service,{serviceId},description,es,Una descripción,\r\n"
            + $"{Guid.NewGuid()},service,{serviceId},description,xx,Bad language,\r\n"
            + $"{Guid.NewGuid()},service,{serviceId},name,es,Un nombre,\r\n"
            + $"{Guid.NewGuid()},service,{Guid.NewGuid()},description,so,Nowhere,\r\n"
            + $"{Guid.NewGuid()},service,{serviceId},description,es,Twice,\r\n");

        var result = await ImportAsync(app, package);

        Assert.False(result.Succeeded);
        AssertProblem(result, "translations.csv row 3", "language", "not a language tag");
        AssertProblem(result, "translations.csv row 4", "field_name", "translatable texts are");
        AssertProblem(result, "translations.csv row 5", "link_id", "no service has the id");
        AssertProblem(result, "translations.csv row 6", "language", "already has a es translation");
        Assert.Equal(0, await DirectoryData.ReadAsync(app, db => db.Services.CountAsync()));
    }

    private Task<List<string>> TranslationsAsync() => DirectoryData.ReadAsync(app, db => db.DirectoryTranslations.OrderBy(t => t.Id)
        .Select(t => t.Id + "|" + t.LinkEntity + "|" + t.LinkId + "|" + t.FieldName + "|" + t.Language + "|" + t.Value + "|" + t.SourceHash).ToListAsync());
}
