using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Kith.Tests.BadInput;

/// <summary>One field of a form: its name, type (input type, "select", "textarea") and the value a browser would send unchanged.</summary>
internal sealed record FormField(string Name, string Type, string? Default);

/// <summary>
/// A form as a browser sees it on a page: where it posts (the page itself when it has no action), how, and its fields.
/// <see cref="Key"/> names it independently of ids, so the same form on two cases counts once.
/// </summary>
internal sealed record PageForm(string Page, string Method, string Action, bool Multipart, string? Handler, IReadOnlyList<FormField> Fields)
{
    public string Key => $"{Method} {FormCrawl.Pattern(new Uri(new Uri("http://x"), Action).AbsolutePath)}{(Handler is null ? "" : " " + Handler)}";
}

/// <summary>
/// Follows same-origin links from a few start pages, as one signed-in person (or nobody), and reads every form.
/// It stays on the person's session: it never follows links that sign out, switch language or leave the site,
/// and never reads the live event stream. Pages are visited once per path pattern (ids collapsed), up to a cap.
/// </summary>
internal static partial class FormCrawl
{
    public const int MaxPagesPerPerson = 80;

    private static readonly string[] Skipped = ["/staff/sign-out", "/staff/events", "/language/", "/api/", "/css/", "/js/", "/_framework/", "/favicon"];

    public static async Task<IReadOnlyList<PageForm>> FormsAsync(HttpClient client, IEnumerable<string> start, ISet<string> avoid)
    {
        var parser = new HtmlParser();
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var forms = new List<PageForm>();
        var pages = 0;
        while (queue.TryDequeue(out var url) && pages < MaxPagesPerPerson)
        {
            if (!seen.Add(PageKey(url))) continue;
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            pages++;
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var form in document.Forms) forms.Add(Read(form, url));
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
                if (Followable(link, avoid)) queue.Enqueue(link);
        }
        return forms;
    }

    // A page is its path pattern and the names of its query parameters: /staff/screening/record?instrument=… shows a
    // form /staff/screening/record does not, while /help?q=a and /help?q=b are the same page.
    private static string PageKey(string url)
    {
        var parts = url.Split('#')[0].Split('?', 2);
        IEnumerable<string> names = parts.Length < 2 ? [] : parts[1].Split('&').Select(p => p.Split('=')[0]).Distinct().Order(StringComparer.Ordinal);
        return Pattern(parts[0]) + "?" + string.Join("&", names);
    }

    /// <summary>A path with its ids (GUIDs, numbers) collapsed to <c>{id}</c>.</summary>
    public static string Pattern(string path) => Id().Replace(path.TrimEnd('/'), "/{id}");

    private static bool Followable(string href, ISet<string> avoid) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !Skipped.Any(s => href.StartsWith(s, StringComparison.OrdinalIgnoreCase))
        && !avoid.Any(a => href.Contains(a, StringComparison.OrdinalIgnoreCase));

    private static PageForm Read(IHtmlFormElement form, string page)
    {
        var fields = new List<FormField>();
        var radios = new HashSet<string>();
        var buttonTaken = false;
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled")) continue;
            switch (element)
            {
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.IsSelected).Select(o => o.Value).DefaultIfEmpty(select.Options.FirstOrDefault()?.Value);
                    fields.AddRange(chosen.Select(v => new FormField(name, "select", v)));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, "textarea", area.Value));
                    break;
                case IHtmlButtonElement button when button.Type == "submit":
                    // The first named submit button is the one a press of Enter sends.
                    if (!buttonTaken) fields.Add(new(name, "submit", button.Value));
                    buttonTaken = true;
                    break;
                case IHtmlInputElement input:
                    var type = input.Type.ToLowerInvariant();
                    if (type is "checkbox" && input.IsChecked) fields.Add(new(name, type, input.Value));
                    else if (type is "checkbox") fields.Add(new(name, type, null));
                    else if (type is "radio" && radios.Add(name)) fields.Add(new(name, type, RadioValue(form, name)));
                    else if (type is "submit" && !buttonTaken) { fields.Add(new(name, type, input.Value)); buttonTaken = true; }
                    else if (type is not ("radio" or "submit" or "button" or "reset" or "image")) fields.Add(new(name, type, type == "file" ? null : input.Value));
                    break;
            }
        }
        var handler = fields.FirstOrDefault(f => f.Name == "_handler")?.Default;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        return new(page, method, action, form.Enctype == "multipart/form-data", handler, fields);
    }

    private static string? RadioValue(IHtmlFormElement form, string name)
    {
        var radios = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "radio" && i.Name == name).ToList();
        return (radios.FirstOrDefault(r => r.IsChecked) ?? radios.FirstOrDefault())?.Value;
    }

    [GeneratedRegex("/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]+)(?=/|$)")]
    private static partial Regex Id();
}
