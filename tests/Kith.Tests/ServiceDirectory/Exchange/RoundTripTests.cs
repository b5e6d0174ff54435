using System.IO.Compression;
using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>The HSDS example package: import, export, import the export: nothing changes, not a byte.</summary>
[Trait("Category", "Integration")]
public sealed class RoundTripTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Examples_survive_export_and_reimport_field_for_field_and_byte_for_byte()
    {
        await DeleteDirectoryAsync(app); // this class's other test may have imported already
        var first = await ImportAsync(app, ExampleCsv);
        Assert.True(first.Succeeded, string.Join('\n', first.Problems.Listed));
        Assert.Equal(21, first.Tables.Count);
        Assert.All(first.Tables, t => Assert.Equal(1, t.Inserted));
        var imported = await DumpAsync(app);
        var exported = await ExportAsync(app);

        await DeleteDirectoryAsync(app);
        var second = await ImportAsync(app, exported);
        Assert.True(second.Succeeded, string.Join('\n', second.Problems.Listed));
        var reimported = await DumpAsync(app);
        var reexported = await ExportAsync(app);

        imported.Remove("revision");
        reimported.Remove("revision");
        Assert.Equal(imported, reimported);
        var files = Directory.GetFiles(exported).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Directory.GetFiles(reexported).Select(Path.GetFileName).Order(), files);
        Assert.Contains("service_capacity.csv", files);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(exported, file!)).SequenceEqual(File.ReadAllBytes(Path.Combine(reexported, file!))), $"{file} differs");
    }

    [Fact]
    public async Task Export_is_the_official_package_in_its_column_order_with_spec_formats()
    {
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);
        var exported = await ExportAsync(app);

        var official = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(ExampleCsv, "datapackage.json"))).RootElement;
        var ours = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(exported, "datapackage.json"))).RootElement;
        var officialResources = official.GetProperty("resources").EnumerateArray().Select(r => r.GetRawText()).ToList();
        var ourResources = ours.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(officialResources.Count + 2, ourResources.Count);
        Assert.Equal(["service_capacity", "translation"], ourResources[^2..].Select(r => r.GetProperty("name").GetString()));
        foreach (var resource in official.GetProperty("resources").EnumerateArray())
        {
            var path = resource.GetProperty("path").GetString()!;
            var header = ReadCsv(Path.Combine(exported, path))[0];
            Assert.Equal(resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()), header);
        }
        var services = File.ReadAllText(Path.Combine(exported, "services.csv"));
        Assert.EndsWith(",12,100,2005-01-01,email@example.com,licences,Following COVID-19 we have moved most of our counselling sessions online. Please contact the reception if you require further information.,2023-03-15T10:30:45.123Z\r\n", services);
        Assert.Contains(",10:00:00,18:00:00,", File.ReadAllText(Path.Combine(exported, "schedules.csv")));
        Assert.Contains("\"\"\"+44 1234 234567\"\"\"", File.ReadAllText(Path.Combine(exported, "phones.csv")));
    }

    [Fact]
    public async Task A_zipped_package_in_a_folder_imports_like_the_directory()
    {
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);
        var zip = Path.Combine(TemporaryDirectory(), "hsds.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            foreach (var file in Directory.GetFiles(ExampleCsv))
                archive.CreateEntryFromFile(file, "hsds-export/" + Path.GetFileName(file));

        var result = await ImportAsync(app, zip);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems.Listed));
        Assert.Equal(21, result.Tables.Count);
        Assert.All(result.Tables, t => Assert.Equal(1, t.Unchanged));
    }
}
