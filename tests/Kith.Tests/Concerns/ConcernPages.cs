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

    /// <summary>
    /// The concern form posted with these fields (repeat a key for several checkboxes); a 303 to the receipt page is
    /// followed with the same client, as a browser does (ADR 26), so the page returned is the receipt or the refused form.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> ReportAsync(HttpClient client,
        params (string Key, string Value)[] fields)
    {
        var posted = await Staff.PostFormAsync(client, "/concerns", "concern", fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        return posted.StatusCode == HttpStatusCode.SeeOther
            ? await GetAsync(client, Staff.RedirectPath(posted))
            : await ReadAsync(posted);
    }

    /// <summary>The concern form as a browser holds it: its antiforgery token and its one-time submission token.</summary>
    public static async Task<(string Antiforgery, string Submission)> FormAsync(HttpClient client)
    {
        var (_, _, page) = await GetAsync(client, "/concerns");
        return (page.QuerySelector("form#concern-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            page.QuerySelector("form#concern-form input[type=hidden][name=submission]")!.GetAttribute("value")!);
    }

    /// <summary>The form sent as held (the same tokens each time: a double tap, a resend), without following the redirect.</summary>
    public static Task<HttpResponseMessage> SendFormAsync(HttpClient client, (string Antiforgery, string Submission) form,
        params (string Key, string Value)[] fields)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            new("_handler", "concern"), new("__RequestVerificationToken", form.Antiforgery), new("submission", form.Submission),
        };
        all.AddRange(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        return client.PostAsync("/concerns", new FormUrlEncodedContent(all));
    }

    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> OpenAsync(HttpClient client, string receipt) =>
        await ReadAsync(await Staff.PostFormAsync(client, "/concerns/follow-up", "concern-receipt", [KeyValuePair.Create("receipt", receipt)]));

    public static async Task<(HttpResponseMessage Response, string Body, IDocument Page)> ReplyAsync(HttpClient client, string receipt, string text) =>
        await ReadAsync(await Staff.PostFormAsync(client, "/concerns/follow-up", "concern-reply",
            [KeyValuePair.Create("receipt", receipt), KeyValuePair.Create("text", text)]));

    /// <summary>Cookies a response sets, by name. Only the antiforgery cookie may ever appear on these pages.</summary>
    public static IReadOnlyList<string> CookiesSet(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split('=')[0]).ToList() : [];
}
