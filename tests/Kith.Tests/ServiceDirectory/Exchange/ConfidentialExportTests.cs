using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>A shelter's address never leaves in a partner export, and importing that export back does not erase it.</summary>
[Trait("Category", "Integration")]
public sealed class ConfidentialExportTests(KithApp app) : IClassFixture<KithApp>
{
    private const string LocationId = "3a19ff88-4620-4d17-9830-ac1d859eb5d5";

    [Fact]
    public async Task Export_leaves_out_the_address_and_reimport_merge_or_replace_keeps_it()
    {
        Assert.True((await ImportAsync(app, ExampleCsv)).Succeeded);
        await WithDbAsync(app, db => db.Locations.Where(l => l.Id == LocationId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Confidential, true)));
        var before = await DumpAsync(app);

        var partner = await ExportAsync(app);
        var backup = await ExportAsync(app, includeConfidential: true);

        var partnerText = string.Concat(Directory.GetFiles(partner, "*.csv").Select(File.ReadAllText));
        Assert.DoesNotContain("1-30 Main Street", partnerText);
        Assert.DoesNotContain("number 1 Bus", partnerText);
        Assert.Single(ReadCsv(Path.Combine(partner, "addresses.csv"))); // the header only
        var location = ReadCsv(Path.Combine(partner, "locations.csv"));
        Assert.Equal(["", ""], [location[1][location[0].IndexOf("latitude")], location[1][location[0].IndexOf("longitude")]]);
        Assert.Equal("MyCity Civic Center", location[1][location[0].IndexOf("name")]);
        Assert.Contains("1-30 Main Street", File.ReadAllText(Path.Combine(backup, "addresses.csv")));

        var merge = await ImportAsync(app, partner);
        var replace = await ImportAsync(app, partner, new(Replace: true));

        Assert.True(merge.Succeeded && replace.Succeeded);
        Assert.Equal(0, merge.Inserted + merge.Updated + merge.Deleted);
        Assert.Equal(0, replace.Inserted + replace.Updated + replace.Deleted);
        Assert.Equal(before, await DumpAsync(app));
    }
}
