using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Kith.Tests.Concerns;

/// <summary>The public concern pages as a browser posts and reads them.</summary>
internal static class ConcernPages
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, await Parser.ParseDocumentAsync(body));
    }

    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> GetAsync(HttpClient client, string path) =>
        await ReadAsync(await client.GetAsync(path));

    /// <summary>The concern form posted with these fields (repeat a key for several checkboxes).</summary>
    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> ReportAsync(HttpClient client,
        params (string Key, string Value)[] fields) =>
        await ReadAsync(await Staff.PostFormAsync(client, "/concerns", "concern", fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> OpenAsync(HttpClient client, string receipt) =>
        await ReadAsync(await Staff.PostFormAsync(client, "/concerns/follow-up", "concern-receipt", [KeyValuePair.Create("receipt", receipt)]));

    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> ReplyAsync(HttpClient client, string receipt, string text) =>
        await ReadAsync(await Staff.PostFormAsync(client, "/concerns/follow-up", "concern-reply",
            [KeyValuePair.Create("receipt", receipt), KeyValuePair.Create("text", text)]));

    /// <summary>Cookies a response sets, by name. Only the antiforgery cookie may ever appear on these pages.</summary>
    public static IReadOnlyList<string> CookiesSet(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split('=')[0]).ToList() : [];
}
