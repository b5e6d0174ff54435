using System.Text.RegularExpressions;

namespace Kith.Tests.Web;

/// <summary>
/// The stylesheet and scripts the pages reference arrive intact from the real executable, whatever
/// compression the browser asks for (a build once served Brotli requests an empty body).
/// </summary>
[Trait("Category", "Integration")]
[RunsLong] // a node of its own to start: begun last, it ran alone at the end of each stage
public sealed partial class StaticAssetsTests(StaticAssetsTests.Node node) : IClassFixture<StaticAssetsTests.Node>
{
    /// <summary>One real node for the three encodings: they only read, so they share it.</summary>
    public sealed class Node : IAsyncLifetime
    {
        private TestDatabase database = default!;
        private KithProcess process = default!;
        private readonly string keyRing = Path.Combine(Path.GetTempPath(), "kith-tests", "assets-" + Guid.NewGuid().ToString("N"));

        public Uri Address => process.Address!;

        public async Task InitializeAsync()
        {
            database = await TestDatabase.CreateAsync();
            var environment = new Dictionary<string, string> { ["Kith__KeyRingPath"] = keyRing, ["Kith__MigrateOnStart"] = "true", ["Kith__DemoOnFirstStart"] = "false" };
            foreach (var (key, value) in database.Settings()) environment[key.Replace(":", "__")] = value ?? "";
            process = await KithProcess.StartNodeAsync(environment);
        }

        public async Task DisposeAsync()
        {
            await process.DisposeAsync();
            await database.DisposeAsync();
            try { Directory.Delete(keyRing, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData("identity")]
    public async Task Every_asset_the_home_page_references_is_served_with_its_type_and_content(string encoding)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = node.Address };
        var home = await client.GetStringAsync("/");
        var assets = Asset().Matches(home).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(assets, a => a.EndsWith(".css"));
        Assert.Contains(assets, a => a.EndsWith(".js"));

        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + asset.TrimStart('/'));
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(asset.EndsWith(".css") ? "text/css" : "text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.True(body.Length > 100, $"{asset} with {encoding}: {body.Length} characters");
        }
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex Asset();
}
