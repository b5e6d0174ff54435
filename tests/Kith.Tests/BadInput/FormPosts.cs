using System.Text;

namespace Kith.Tests.BadInput;

/// <summary>One hostile submission of a form: what it changes (for the report) and the fields sent.</summary>
internal sealed record FormVariant(string Label, IReadOnlyList<KeyValuePair<string, string>> Fields, (string Field, string Name, byte[] Content)? File);

/// <summary>
/// Hostile submissions of a crawled form, and sending them the way a browser does: every field hostile at once,
/// then each field hostile alone while the others keep what the page put in them (the antiforgery token and the
/// form's name are never changed, so the post reaches the form's handler).
/// </summary>
internal static class FormPosts
{
    /// <summary>Enough to find a field that breaks, few enough to keep the crawl quick.</summary>
    public const int MaxPerFieldVariants = 24;

    private static readonly string[] Untouched = ["__RequestVerificationToken", "_handler"];

    public static IEnumerable<FormVariant> Variants(PageForm form)
    {
        var fields = form.Fields.Where(f => f.Type != "file").ToList();
        var file = form.Fields.FirstOrDefault(f => f.Type == "file");
        var documents = HostileValues.Documents;
        for (var i = 0; i < HostileValues.FormValues.Length; i++)
        {
            var value = HostileValues.FormValues[i];
            var document = documents[i % documents.Length];
            yield return new($"all={Short(value)}", fields.Select(f => Pair(f, Untouched.Contains(f.Name) ? f.Default : value)).ToList(),
                file is null ? null : (file.Name, "hostile.geojson", Encoding.UTF8.GetBytes(document.Text)));
        }

        var alone = new List<FormVariant>();
        foreach (var target in form.Fields.Where(f => !Untouched.Contains(f.Name)))
        {
            var defaults = fields.Where(f => f != target).Select(f => Pair(f, f.Default)).ToList();
            var values = target.Type == "textarea"
                ? documents.Select(d => d.Text).Concat(HostileValues.ForField(target.Type))
                : HostileValues.ForField(target.Type);
            foreach (var value in values)
                alone.Add(new($"{target.Name}={Short(value)}", [.. defaults, Pair(target, value)], null));
            if (target.Type == "file")
                foreach (var (name, text) in documents)
                    alone.Add(new($"{target.Name}=<{name}>", defaults, (target.Name, "hostile.geojson", Encoding.UTF8.GetBytes(text))));
        }
        // Spread the cap over the fields rather than spending it all on the first ones.
        var step = Math.Max(1, (int)Math.Ceiling(alone.Count / (double)MaxPerFieldVariants));
        foreach (var variant in alone.Where((_, i) => i % step == 0)) yield return variant;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, PageForm form, FormVariant variant)
    {
        var fields = variant.Fields.Where(f => f.Value is not null).ToList();
        if (form.Method == "GET")
        {
            var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(Sendable(f.Value))}"));
            return await client.GetAsync(form.Action.Split('?')[0] + "?" + query);
        }
        if (!form.Multipart)
            return await client.PostAsync(form.Action, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, Sendable(f.Value)))));
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields) content.Add(new StringContent(Sendable(value)), key);
        if (variant.File is { } file) content.Add(new ByteArrayContent(file.Content), file.Field, file.Name);
        return await client.PostAsync(form.Action, content);
    }

    private static KeyValuePair<string, string> Pair(FormField field, string? value) => new(field.Name, value!);

    // A lone surrogate cannot be encoded; a browser would send the replacement character.
    private static string Sendable(string value) => value.Replace('\ud800', '\uFFFD');

    private static string Short(string value) =>
        value.Length > 24 ? value[..12] + $"…({value.Length})" : new string(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
