using System.Text.Json.Nodes;
using Kith.ServiceDirectory.Hsds;
using Kith.Tests.ServiceDirectory.FindHelp;
using Xunit.Abstractions;

namespace Kith.Tests.ServiceDirectory.HsdsApi;

/// <summary>
/// Every document the HSDS API serves — the root, every page of every list in several shapes, ndjson,
/// and every single object — validates against the official compiled HSDS 3.0 schemas (ajv).
/// </summary>
[Trait("Category", "Integration")]
[RunsLong]
public sealed class HsdsConformanceTests(KithApp app, ITestOutputHelper output) : IClassFixture<KithApp>, IDisposable
{
    private readonly HsdsDocuments documents = new();

    public void Dispose() => documents.Dispose();

    [Fact]
    public async Task Every_document_of_a_generated_directory_validates_against_the_compiled_schemas()
    {
        var directory = GeneratedDirectory.Create(services: 240, seed: 20260101);
        await using (var scope = app.Services.CreateAsyncScope())
            await directory.SaveAsync(scope.ServiceProvider.GetRequiredService<KithDb>(), CancellationToken.None);
        var client = app.Browser();

        await documents.SaveAsync(client, "/api/hsds/", "base__root.json");
        await documents.SavePagesAsync(client, "/api/hsds/services", "service_list", "default");
        await documents.SavePagesAsync(client, "/api/hsds/services?per_page=37", "service_list", "per37");
        await documents.SavePagesAsync(client, "/api/hsds/services?minimal=true&per_page=1000", "service_list", "minimal");
        await documents.SavePagesAsync(client, "/api/hsds/services?full=true&per_page=100", "service_page", "full");
        await documents.SavePagesAsync(client, "/api/hsds/service_at_locations?per_page=200", "service_at_location_list", "default");
        await documents.SavePagesAsync(client, "/api/hsds/service_at_locations?full=true&per_page=75", "service_at_location_page", "full");
        await documents.SavePagesAsync(client, "/api/hsds/organizations", "organization_list", "default");
        await documents.SavePagesAsync(client, "/api/hsds/organizations?full=true&per_page=30", "organization_page", "full");
        await documents.SavePagesAsync(client, "/api/hsds/organizations?full_service=true&per_page=40", "organization_page", "fullservice");
        await documents.SavePagesAsync(client, "/api/hsds/taxonomies?per_page=2", "taxonomy_list", "default");
        await documents.SavePagesAsync(client, "/api/hsds/taxonomy_terms?per_page=10", "taxonomy_term_list", "default");
        await documents.SaveLinesAsync(client, "/api/hsds/services?format=ndjson", "service_list__all.ndjson");
        await documents.SaveLinesAsync(client, "/api/hsds/services?format=ndjson&full=true", "service__all.ndjson");
        await documents.SaveLinesAsync(client, "/api/hsds/service_at_locations?format=ndjson&full=true", "service_at_location__all.ndjson");
        foreach (var s in directory.Services) await documents.SaveAsync(client, $"/api/hsds/services/{s.Id}", $"service__{s.Id}.json");
        foreach (var s in directory.ServiceAtLocations) await documents.SaveAsync(client, $"/api/hsds/service_at_locations/{s.Id}", $"service_at_location__{s.Id}.json");
        foreach (var o in directory.Organizations) await documents.SaveAsync(client, $"/api/hsds/organizations/{o.Id}", $"organization__{o.Id}.json");
        foreach (var o in directory.Organizations.Take(10)) await documents.SaveAsync(client, $"/api/hsds/organizations/{o.Id}?full_service=true", $"organization__full-{o.Id}.json");
        foreach (var t in directory.Taxonomies) await documents.SaveAsync(client, $"/api/hsds/taxonomies/{t.Id}", $"taxonomy__{t.Id}.json");
        foreach (var t in directory.TaxonomyTerms) await documents.SaveAsync(client, $"/api/hsds/taxonomy_terms/{t.Id}", $"taxonomy_term__{t.Id}.json");

        await documents.AssertAllValidAsync(output, atLeast: 2000);
    }

    [Fact]
    public async Task The_official_examples_validate_and_a_broken_document_does_not()
    {
        var examples = Path.Combine(HsdsValidator.Conformance, "examples");
        foreach (var (example, name) in new[]
                 {
                     ("base", "base__root"), ("service_full", "service__full"), ("service_list", "service_list__example"),
                     ("organization_full", "organization__full"), ("organization_list", "organization_list__example"),
                     ("service_at_location_full", "service_at_location__full"), ("service_at_location_list", "service_at_location_list__example"),
                     ("taxonomy", "taxonomy__example"), ("taxonomy_list", "taxonomy_list__example"), ("taxonomy_term", "taxonomy_term__example"),
                     ("taxonomy_term_list", "taxonomy_term_list__example"), ("location", "location__example"),
                 })
            File.Copy(Path.Combine(examples, example + ".json"), Path.Combine(documents.Folder, name + ".json"));

        var good = await HsdsValidator.RunAsync(documents.Folder);

        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Equal(17, good.Validated); // 7 single documents, and 5 pages of one item each (envelope + item)
        var service = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(examples, "service_full.json")))!.AsObject();
        service.Remove("name");
        service["service_at_locations"]![0]!["location"]!["latitude"] = "51.5";
        await File.WriteAllTextAsync(Path.Combine(documents.Folder, "service__broken.json"), service.ToJsonString());

        var bad = await HsdsValidator.RunAsync(documents.Folder);

        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("service__broken.json#: must have required property 'name'", bad.Output);
        Assert.Contains("service__broken.json#/service_at_locations/0/location/latitude: must be number", bad.Output);
    }
}

/// <summary>
/// The Riverbend demo a deployment starts with: every document the HSDS API serves for it — each of its services
/// by id, every list and page, ndjson, organizations, locations, taxonomies — validates, and its 24-hour services
/// (HSDS 3.0's WEEKLY MO–SU 00:00–23:59) are found open at every moment, across both daylight-saving nights.
/// </summary>
[Trait("Category", "Integration")]
[RunsLong]
public sealed class RiverbendHsdsConformanceTests(HelpSite site, ITestOutputHelper output) : IClassFixture<HelpSite>, IDisposable
{
    private readonly HsdsDocuments documents = new();

    public void Dispose() => documents.Dispose();

    [Fact]
    public async Task Every_document_the_demo_serves_validates_against_the_compiled_schemas()
    {
        var (services, sals, organizations, taxonomies, terms) = await site.Read(async db => (
            await db.Services.Select(s => s.Id).ToListAsync(), await db.ServiceAtLocations.Select(s => s.Id).ToListAsync(),
            await db.DirectoryOrganizations.Select(o => o.Id).ToListAsync(), await db.Taxonomies.Select(t => t.Id).ToListAsync(),
            await db.TaxonomyTerms.Select(t => t.Id).ToListAsync()));
        var client = site.App.Browser();

        await documents.SaveAsync(client, "/api/hsds/", "base__root.json");
        await documents.SavePagesAsync(client, "/api/hsds/services?per_page=25", "service_list", "default");
        await documents.SavePagesAsync(client, "/api/hsds/services?full=true&per_page=50", "service_page", "full");
        await documents.SavePagesAsync(client, "/api/hsds/service_at_locations?full=true&per_page=50", "service_at_location_page", "full");
        await documents.SavePagesAsync(client, "/api/hsds/organizations?full_service=true", "organization_page", "fullservice");
        await documents.SavePagesAsync(client, "/api/hsds/taxonomies", "taxonomy_list", "default");
        await documents.SavePagesAsync(client, "/api/hsds/taxonomy_terms?per_page=100", "taxonomy_term_list", "default");
        await documents.SaveLinesAsync(client, "/api/hsds/services?format=ndjson&full=true", "service__all.ndjson");
        foreach (var id in services) await documents.SaveAsync(client, $"/api/hsds/services/{id}", $"service__{id}.json");
        foreach (var id in sals) await documents.SaveAsync(client, $"/api/hsds/service_at_locations/{id}", $"service_at_location__{id}.json");
        foreach (var id in organizations) await documents.SaveAsync(client, $"/api/hsds/organizations/{id}?full_service=true", $"organization__{id}.json");
        foreach (var id in taxonomies) await documents.SaveAsync(client, $"/api/hsds/taxonomies/{id}", $"taxonomy__{id}.json");
        foreach (var id in terms) await documents.SaveAsync(client, $"/api/hsds/taxonomy_terms/{id}", $"taxonomy_term__{id}.json");

        Assert.True(services.Count >= 60, $"only {services.Count} demo services");
        await documents.AssertAllValidAsync(output, atLeast: 400);
    }

    [Theory]
    [InlineData("2026-03-07T23:59:59.5")]   // the last half-second of the day before spring-forward
    [InlineData("2026-03-08T00:00:00")]     // midnight
    [InlineData("2026-03-08T01:59:59.5")]   // just before the clocks jump
    [InlineData("2026-03-08T03:00:00")]     // just after
    [InlineData("2026-03-08T23:59:59.5")]   // the end of the 23-hour day
    [InlineData("2026-10-31T23:59:59.5")]
    [InlineData("2026-11-01T01:30:00-05:00")] // the repeated hour, first (daylight) time
    [InlineData("2026-11-01T01:30:00-06:00")] // … and second (standard) time
    [InlineData("2026-11-01T23:59:59.5")]   // the end of the 25-hour day
    [InlineData("2026-11-02T00:00:00")]
    public async Task Twenty_four_hour_services_are_open_at_every_moment_of_the_day_and_across_daylight_saving(string at)
    {
        var allDay = await site.Read(db => db.Schedules.Where(s => s.ServiceId != null && s.Freq == "WEEKLY" && s.Byday == HsdsFrequency.EveryDay
                && s.OpensAt == HsdsFrequency.DayStart && s.ClosesAt == HsdsFrequency.DayEnd)
            .Select(s => s.ServiceId!).Distinct().ToListAsync());
        var client = site.App.Browser();

        var found = new HashSet<string>();
        for (var page = 1; ; page++)
        {
            var result = JsonNode.Parse(await client.GetStringAsync($"/api/directory/search?open_at={Uri.EscapeDataString(at)}&per_page=100&page={page}"))!;
            var results = result["results"]!.AsArray();
            foreach (var hit in results) found.Add((string)hit!["id"]!);
            if (results.Count < 100) break;
        }

        Assert.True(allDay.Count >= 10, $"only {allDay.Count} demo services are open 24/7 as WEEKLY MO–SU 00:00–23:59");
        Assert.Empty(allDay.Except(found));
    }
}

/// <summary>A folder of served HSDS documents, named for the schema each must meet, validated in one node run.</summary>
internal sealed class HsdsDocuments : IDisposable
{
    private int expected;

    public string Folder { get; } = Directory.CreateTempSubdirectory("kith-hsds-").FullName;

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public async Task AssertAllValidAsync(ITestOutputHelper output, int atLeast)
    {
        var result = await HsdsValidator.RunAsync(Folder);

        output.WriteLine(result.Output.Length > 20000 ? result.Output[..20000] : result.Output);
        Assert.True(result.ExitCode == 0, result.Output.Length > 5000 ? result.Output[..5000] : result.Output);
        Assert.Equal(expected, result.Validated);
        Assert.True(expected > atLeast, $"only {expected} documents");
    }

    public async Task<JsonNode> SaveAsync(HttpClient client, string path, string file)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        await File.WriteAllTextAsync(Path.Combine(Folder, file), text);
        var json = JsonNode.Parse(text)!;
        expected += 1 + (file.Contains("_list__") || file.Contains("_page__") ? json["contents"]!.AsArray().Count : 0);
        return json;
    }

    public async Task SavePagesAsync(HttpClient client, string path, string schema, string variant)
    {
        var separator = path.Contains('?') ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var json = await SaveAsync(client, $"{path}{separator}page={page}", $"{schema}__{variant}-p{page}.json");
            if ((bool)json["last_page"]!) return;
            Assert.True(page < 1000, "paging never ends");
        }
    }

    public async Task SaveLinesAsync(HttpClient client, string path, string file)
    {
        var text = await client.GetStringAsync(path);
        await File.WriteAllTextAsync(Path.Combine(Folder, file), text);
        expected += text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
