using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Kith.Tests.ServiceDirectory.HsdsApi;

/// <summary>
/// Every document the HSDS API serves — the root, every page of every list in several shapes, ndjson,
/// and every single object — validates against the official compiled HSDS 3.0 schemas (ajv).
/// </summary>
[Trait("Category", "Integration")]
public sealed class HsdsConformanceTests(KithApp app, ITestOutputHelper output) : IClassFixture<KithApp>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kith-hsds-").FullName;
    private int expected;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Every_document_of_a_generated_directory_validates_against_the_compiled_schemas()
    {
        var directory = GeneratedDirectory.Create(services: 240, seed: 20260101);
        await using (var scope = app.Services.CreateAsyncScope())
            await directory.SaveAsync(scope.ServiceProvider.GetRequiredService<KithDb>(), CancellationToken.None);
        var client = app.Browser();

        await SaveAsync(client, "/api/hsds/", "base__root.json");
        await SavePagesAsync(client, "/api/hsds/services", "service_list", "default");
        await SavePagesAsync(client, "/api/hsds/services?per_page=37", "service_list", "per37");
        await SavePagesAsync(client, "/api/hsds/services?minimal=true&per_page=1000", "service_list", "minimal");
        await SavePagesAsync(client, "/api/hsds/services?full=true&per_page=100", "service_page", "full");
        await SavePagesAsync(client, "/api/hsds/service_at_locations?per_page=200", "service_at_location_list", "default");
        await SavePagesAsync(client, "/api/hsds/service_at_locations?full=true&per_page=75", "service_at_location_page", "full");
        await SavePagesAsync(client, "/api/hsds/organizations", "organization_list", "default");
        await SavePagesAsync(client, "/api/hsds/organizations?full=true&per_page=30", "organization_page", "full");
        await SavePagesAsync(client, "/api/hsds/organizations?full_service=true&per_page=40", "organization_page", "fullservice");
        await SavePagesAsync(client, "/api/hsds/taxonomies?per_page=2", "taxonomy_list", "default");
        await SavePagesAsync(client, "/api/hsds/taxonomy_terms?per_page=10", "taxonomy_term_list", "default");
        await SaveLinesAsync(client, "/api/hsds/services?format=ndjson", "service_list__all.ndjson");
        await SaveLinesAsync(client, "/api/hsds/services?format=ndjson&full=true", "service__all.ndjson");
        await SaveLinesAsync(client, "/api/hsds/service_at_locations?format=ndjson&full=true", "service_at_location__all.ndjson");
        foreach (var s in directory.Services) await SaveAsync(client, $"/api/hsds/services/{s.Id}", $"service__{s.Id}.json");
        foreach (var s in directory.ServiceAtLocations) await SaveAsync(client, $"/api/hsds/service_at_locations/{s.Id}", $"service_at_location__{s.Id}.json");
        foreach (var o in directory.Organizations) await SaveAsync(client, $"/api/hsds/organizations/{o.Id}", $"organization__{o.Id}.json");
        foreach (var o in directory.Organizations.Take(10)) await SaveAsync(client, $"/api/hsds/organizations/{o.Id}?full_service=true", $"organization__full-{o.Id}.json");
        foreach (var t in directory.Taxonomies) await SaveAsync(client, $"/api/hsds/taxonomies/{t.Id}", $"taxonomy__{t.Id}.json");
        foreach (var t in directory.TaxonomyTerms) await SaveAsync(client, $"/api/hsds/taxonomy_terms/{t.Id}", $"taxonomy_term__{t.Id}.json");

        var result = await HsdsValidator.RunAsync(folder);

        output.WriteLine(result.Output.Length > 20000 ? result.Output[..20000] : result.Output);
        Assert.True(result.ExitCode == 0, result.Output.Length > 5000 ? result.Output[..5000] : result.Output);
        Assert.Equal(expected, result.Validated);
        Assert.True(expected > 2000, $"only {expected} documents");
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
            File.Copy(Path.Combine(examples, example + ".json"), Path.Combine(folder, name + ".json"));

        var good = await HsdsValidator.RunAsync(folder);

        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Equal(17, good.Validated); // 7 single documents, and 5 pages of one item each (envelope + item)
        var service = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(examples, "service_full.json")))!.AsObject();
        service.Remove("name");
        service["service_at_locations"]![0]!["location"]!["latitude"] = "51.5";
        await File.WriteAllTextAsync(Path.Combine(folder, "service__broken.json"), service.ToJsonString());

        var bad = await HsdsValidator.RunAsync(folder);

        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("service__broken.json#: must have required property 'name'", bad.Output);
        Assert.Contains("service__broken.json#/service_at_locations/0/location/latitude: must be number", bad.Output);
    }

    private async Task<JsonNode> SaveAsync(HttpClient client, string path, string file)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        await File.WriteAllTextAsync(Path.Combine(folder, file), text);
        var json = JsonNode.Parse(text)!;
        expected += 1 + (file.Contains("_list__") || file.Contains("_page__") ? json["contents"]!.AsArray().Count : 0);
        return json;
    }

    private async Task SavePagesAsync(HttpClient client, string path, string schema, string variant)
    {
        var separator = path.Contains('?') ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var json = await SaveAsync(client, $"{path}{separator}page={page}", $"{schema}__{variant}-p{page}.json");
            if ((bool)json["last_page"]!) return;
            Assert.True(page < 1000, "paging never ends");
        }
    }

    private async Task SaveLinesAsync(HttpClient client, string path, string file)
    {
        var text = await client.GetStringAsync(path);
        await File.WriteAllTextAsync(Path.Combine(folder, file), text);
        expected += text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
