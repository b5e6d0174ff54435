using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kith.Community.Demo;
using Kith.ServiceDirectory.Indexing;

namespace Kith.Tests.ServiceDirectory.FindHelp;

/// <summary>
/// The app with the Riverbend demo seeded the way `kith seed-demo` does it and the search snapshot rebuilt
/// from it, so Find help answers from the same data a visitor would see. One per test class.
/// </summary>
public sealed class HelpSite : IAsyncLifetime
{
    private static readonly HtmlParser Parser = new();

    public KithApp App { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        await App.Services.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);
    }

    internal async Task<T> Read<T>(Func<KithDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KithDb>());
    }

    /// <summary>A page as a browser gets it: status, raw body (for scans) and the parsed document.</summary>
    public static async Task<(HttpStatusCode Status, string Body, IDocument Page)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, await Parser.ParseDocumentAsync(body));
    }

    /// <summary>A client that reads the site in <paramref name="language"/>, chosen the way a visitor does (the language link).</summary>
    public async Task<HttpClient> VisitorAsync(string language = "en")
    {
        var client = App.Browser();
        if (language == "en") return client;
        var chosen = await client.GetAsync($"/language/{language}?returnUrl=%2Fhelp");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        return client;
    }

    public async Task<string> ServiceIdAsync(string name) => await Read(db => db.Services.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}
