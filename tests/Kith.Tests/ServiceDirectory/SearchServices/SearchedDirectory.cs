using System.Net.Http.Json;
using System.Text.Json;
using Kith.Community.Demo;
using Kith.ServiceDirectory.Indexing;

namespace Kith.Tests.ServiceDirectory.SearchServices;

/// <summary>
/// One app for the search API tests: the Riverbend demo plus a generated directory of 240 services, with this
/// node's search snapshot rebuilt so it holds both.
/// </summary>
public sealed class SearchedDirectory : IAsyncLifetime
{
    public KithApp App { get; } = new();
    internal GeneratedDirectory Generated { get; } = GeneratedDirectory.Create(240, seed: 41);

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        await Generated.SaveAsync(scope.ServiceProvider.GetRequiredService<KithDb>(), CancellationToken.None);
        await App.Services.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    /// <summary>Every result id for the query, across all pages, and the first page's document.</summary>
    public async Task<(HashSet<string> Ids, JsonElement First)> SearchAllAsync(string query)
    {
        var client = App.CreateClient();
        var ids = new HashSet<string>();
        JsonElement first = default;
        for (var page = 1; ; page++)
        {
            var response = await client.GetAsync($"/api/directory/search?{query}&per_page=100&page={page}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (page == 1) first = body;
            foreach (var r in body.GetProperty("results").EnumerateArray()) ids.Add(r.GetProperty("id").GetString()!);
            if (page >= body.GetProperty("totalPages").GetInt32()) return (ids, first);
        }
    }
}
