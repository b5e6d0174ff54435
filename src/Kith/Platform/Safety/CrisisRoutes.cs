using System.Globalization;
using Microsoft.Extensions.Options;

namespace Kith.Platform.Safety;

/// <summary>A way to reach a crisis line: a number to call (<c>voice</c>) or text (<c>text</c>), with the word to send if any.</summary>
internal sealed record CrisisContact(string Number, string Type, string? Keyword = null, string? Description = null)
{
    public bool IsText => Type == "text";

    /// <summary>"tel:988", "sms:741741?body=HOME": one tap on a phone.</summary>
    public string Href => IsText
        ? "sms:" + CrisisLine.Dialable(Number) + (Keyword is null ? "" : "?body=" + Uri.EscapeDataString(Keyword))
        : "tel:" + CrisisLine.Dialable(Number);
}

/// <summary>A crisis line to offer a person, in their language: the deployment's (<paramref name="General"/>) or a local one.</summary>
internal sealed record CrisisRoute(string Name, string? Note, IReadOnlyList<CrisisContact> Contacts, bool General);

/// <summary>
/// Crisis lines a module knows beyond the configured ones, for a place and a language (the directory's
/// crisis-line services). Registered by that module; <see cref="CrisisRoutes"/> is the only reader.
/// </summary>
internal interface ILocalCrisisLines
{
    Task<IReadOnlyList<CrisisRoute>> ForAsync(Guid? areaId, string language, CancellationToken ct);
}

/// <summary>
/// The one source of crisis routes (ADR 0019): every page, the API, the directory's search and the
/// safety-plan suggestions read the configured lines (<c>Kith:CrisisLines</c>) from here, and the lines for
/// a place as the configured general lines first, then the local ones that offer a number not already
/// offered. The start-up check refuses to start without configured lines, so this is never empty.
/// </summary>
internal sealed class CrisisRoutes(IOptions<CrisisLineOptions> options, IEnumerable<ILocalCrisisLines> local)
{
    /// <summary>Every configured line, general ones first, named in <paramref name="culture"/>'s language.</summary>
    public IReadOnlyList<CrisisRoute> Configured(CultureInfo culture) =>
        [.. options.Value.CrisisLines.OrderByDescending(l => l.General).Select(l => new CrisisRoute(l.LocalName(culture), l.LocalNote(culture),
            [.. l.Call is null ? [] : new[] { new CrisisContact(l.Call, "voice") },
             .. l.Text is null ? [] : new[] { new CrisisContact(l.Text, "text", l.TextKeyword) }], l.General))];

    /// <summary>The configured general lines, then the local lines for the place and language.</summary>
    public async Task<IReadOnlyList<CrisisRoute>> ForAsync(Guid? areaId, string language, CultureInfo culture, CancellationToken ct)
    {
        var general = Configured(culture).Where(l => l.General).ToList();
        // "sms:741741" whatever the message body: the same line offered twice is still the same line.
        var offered = general.SelectMany(l => l.Contacts).Select(Line).ToHashSet();
        var routes = new List<CrisisRoute>(general);
        foreach (var source in local)
            routes.AddRange((await source.ForAsync(areaId, language, ct)).Where(l => l.Contacts.Any(c => !offered.Contains(Line(c)))));
        return routes;
    }

    private static string Line(CrisisContact c) => (c.IsText ? "sms:" : "tel:") + CrisisLine.Dialable(c.Number);
}

internal static class CrisisContactLabels
{
    /// <summary>"Call 988", "Text 741741", "Text HOME to 741741", in the page's language.</summary>
    public static string Label(this CrisisContact contact, Microsoft.Extensions.Localization.IStringLocalizer T) =>
        !contact.IsText ? T["Call {0}", contact.Number]
        : contact.Keyword is null ? T["Text {0}", contact.Number]
        : T["Text {0} to {1}", contact.Keyword, contact.Number];
}
