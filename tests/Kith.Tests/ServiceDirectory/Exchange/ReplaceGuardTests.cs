using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Exchange;
using static Kith.Tests.ServiceDirectory.Exchange.Exchange;

namespace Kith.Tests.ServiceDirectory.Exchange;

/// <summary>
/// A full sync must not empty the directory by accident: a truncated services.csv once deleted every service (the
/// 988 line too), left the links to them behind and exited 0. Each test starts from eight services, one a crisis line.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReplaceGuardTests(KithApp app) : IClassFixture<KithApp>
{
    private const int Services = 8;

    /// <summary>A fresh directory of eight services, each at its own place with one need, the first the 988 line; and its export.</summary>
    private async Task<(string Package, List<string> ServiceIds)> SeedAsync()
    {
        await DeleteDirectoryAsync(app);
        var ids = new List<string>();
        await WithDbAsync(app, async db =>
        {
            var org = new DirectoryOrganization { Id = Guid.NewGuid().ToString(), Name = "Replace Guard Org", Description = "Test" };
            db.DirectoryOrganizations.Add(org);
            db.Taxonomies.Add(new Taxonomy { Id = KithVocabulary.NeedsTaxonomyId, Name = "Kith needs", Description = "Needs" });
            foreach (var code in new[] { "crisis-line", "counselling" })
                db.TaxonomyTerms.Add(new TaxonomyTerm { Id = KithVocabulary.NeedId(code), Code = code, Name = code, Description = code, TaxonomyId = KithVocabulary.NeedsTaxonomyId });
            for (var i = 0; i < Services; i++)
            {
                var service = new Service { Id = Guid.NewGuid().ToString(), OrganizationId = org.Id, Name = i == 0 ? "988 Lifeline" : $"Service {i}", Status = "active" };
                var location = new Location { Id = Guid.NewGuid().ToString(), LocationType = "physical", OrganizationId = org.Id, Name = $"Place {i}" };
                db.AddRange(service, location, new ServiceAtLocation { Id = Guid.NewGuid().ToString(), ServiceId = service.Id, LocationId = location.Id });
                db.HsdsAttributes.Add(new HsdsAttribute
                {
                    Id = Guid.NewGuid().ToString(), LinkId = service.Id, LinkEntity = "service", LinkType = "need",
                    TaxonomyTermId = KithVocabulary.NeedId(i == 0 ? "crisis-line" : "counselling"),
                });
                ids.Add(service.Id);
            }
            await db.SaveChangesAsync();
        });
        return (await ExportAsync(app), ids);
    }

    /// <summary>Drops the rows that mention any of <paramref name="serviceIds"/> (the service, its link, its attribute) from the package.</summary>
    private static void Without(string package, params string[] serviceIds)
    {
        foreach (var file in new[] { "services.csv", "service_at_location.csv", "attributes.csv" })
        {
            var path = Path.Combine(package, file);
            WriteCsv(path, ReadCsv(path).Where(r => !r.Any(serviceIds.Contains)));
        }
    }

    private static string Listed(DirectoryImportResult result) => string.Join('\n', result.Problems.Listed);

    [Fact]
    public async Task A_truncated_or_missing_file_is_refused_even_with_allow_mass_delete_and_nothing_changes()
    {
        var (package, _) = await SeedAsync();
        var before = await DumpAsync(app);
        File.WriteAllBytes(Path.Combine(package, "services.csv"), []);
        File.Delete(Path.Combine(package, "locations.csv"));

        var result = await ImportAsync(app, package, new(Replace: true, AllowMassDelete: true));

        Assert.False(result.Succeeded);
        AssertProblem(result, "services.csv", null, "is empty (not even a header row); --replace would empty its table");
        AssertProblem(result, "locations.csv", null, "is listed in datapackage.json but not in the package");
        Assert.Equal(before, await DumpAsync(app));
        Assert.True((await ImportAsync(app, package)).Succeeded, "without --replace the empty file deletes nothing, so it is read as no rows");
    }

    [Fact]
    public async Task Deleting_more_than_the_configured_share_of_a_table_is_refused_unless_the_operator_allows_it()
    {
        var (package, ids) = await SeedAsync();
        var before = await DumpAsync(app);
        Without(package, ids[5]);
        Assert.True((await ImportAsync(app, package, new(Replace: true, DryRun: true))).Succeeded, "one of eight (12.5%) is within 25%");
        Without(package, ids[1], ids[2], ids[3]);

        var refused = await ImportAsync(app, package, new(Replace: true));
        Assert.Equal(before, await DumpAsync(app));
        var allowed = await ImportAsync(app, package, new(Replace: true, AllowMassDelete: true));

        Assert.False(refused.Succeeded);
        AssertProblem(refused, "--replace", null, "would delete 4 of the 8 service rows (50%), more than Kith:Directory:ReplaceMaxDeleteShare allows (25%)");
        AssertProblem(refused, "--replace", null, "would delete 4 of the 8 service_at_location rows (50%)");
        Assert.Empty(refused.Tables);
        Assert.True(allowed.Succeeded, Listed(allowed));
        Assert.Equal(4, Counts(allowed, "service").Deleted);
        await WithDbAsync(app, async db =>
        {
            Assert.Equal(Services - 4, await db.Services.CountAsync());
            Assert.False(await db.ServiceAtLocations.AnyAsync(l => !db.Services.Any(s => s.Id == l.ServiceId)), "no link is left to a deleted service");
        });
    }

    [Fact]
    public async Task Removing_the_last_crisis_line_is_refused_unless_the_operator_allows_it()
    {
        var (package, ids) = await SeedAsync();
        Without(package, ids[0]);

        var refused = await ImportAsync(app, package, new(Replace: true));
        var allowed = await ImportAsync(app, package, new(Replace: true, AllowMassDelete: true, DryRun: true));

        Assert.False(refused.Succeeded);
        AssertProblem(refused, "--replace", null, "would leave the directory without a crisis line (it has 1");
        Assert.True(refused.Problems.Count == 1, Listed(refused)); // one of eight services is within the share
        Assert.True(allowed.Succeeded, Listed(allowed));
        await WithDbAsync(app, async db => Assert.True(await db.Services.AnyAsync(s => s.Name == "988 Lifeline")));
    }

    [Fact]
    public async Task A_sync_that_would_leave_links_to_deleted_services_is_refused_even_with_allow_mass_delete()
    {
        var (package, ids) = await SeedAsync();
        var services = Path.Combine(package, "services.csv");
        WriteCsv(services, ReadCsv(services).Where(r => !r.Contains(ids[7])));

        var result = await ImportAsync(app, package, new(Replace: true, AllowMassDelete: true));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems.Listed, p => p.Where.File == "service_at_location.csv" && p.Column == "service_id" && p.Reason.Contains(ids[7], StringComparison.Ordinal));
        await WithDbAsync(app, async db => Assert.Equal(Services, await db.Services.CountAsync()));
    }

    /// <summary>One process run (they are slow): the option reaches the import. Refusals exit 1 like every failed import (DirectoryCommandTests).</summary>
    [Fact]
    public async Task The_command_takes_allow_mass_delete_for_a_sync_that_means_its_deletions()
    {
        var (package, ids) = await SeedAsync();
        Without(package, ids[1], ids[2], ids[3]);

        var allowed = await KithProcess.RunAsync(app, "directory", "import", package, "--replace", "--allow-mass-delete");

        Assert.True(allowed.ExitCode == 0, allowed.Output);
        Assert.Contains("  service: 0 inserted, 0 updated, 5 unchanged, 3 deleted", allowed.StdOut);
    }
}
