using Kith.Platform.Localization;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith.ServiceDirectory.Search;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.FindHelp;

/// <summary>A point on the results map; <c>Confidential</c>: a safe place drawn at its public point.</summary>
public sealed record MapPoint(double Latitude, double Longitude, bool Confidential = false);

/// <summary>One option of a Find help filter: the value sent in the query string and what a person reads.</summary>
public sealed record HelpChoice(string Value, string Label, string? Lang = null);

/// <summary>The filter options, from what this node's snapshot actually holds (no category or language that finds nothing).</summary>
internal static class HelpChoices
{
    /// <summary>Top-level Kith needs, for the quick category links.</summary>
    public static List<HelpChoice> TopNeeds(DirectorySnapshot snapshot, IStringLocalizer T) =>
        KithVocabulary.Needs.Where(n => n.ParentCode is null && snapshot.Category(n.Id) is not null)
            .Select(n => new HelpChoice(n.Code, T[n.Name])).ToList();

    public static List<HelpChoice> Categories(DirectorySnapshot snapshot, IStringLocalizer T) =>
        KithVocabulary.Needs.Where(n => snapshot.Category(n.Id) is not null)
            .Select(n => new HelpChoice(n.Code, n.ParentCode is null ? T[n.Name] : "— " + T[n.Name])).ToList();

    /// <summary>Kith's own languages first, in their own names, then any other language a service speaks.</summary>
    public static List<HelpChoice> Languages(DirectorySnapshot snapshot)
    {
        var choices = Cultures.Supported.Select(c => new HelpChoice(c.Code, c.NativeName, c.Code)).ToList();
        var others = snapshot.Documents.SelectMany(d => d.Languages).Distinct()
            .Where(code => !Cultures.IsSupported(code))
            .Select(code => new HelpChoice(code, NativeName(code), code))
            .OrderBy(c => c.Label, StringComparer.CurrentCulture);
        choices.AddRange(others);
        return choices;
    }

    public static List<HelpChoice> Areas(DirectorySnapshot snapshot) =>
        snapshot.Areas.OrderBy(a => a.Name, StringComparer.CurrentCulture).Select(a => new HelpChoice(a.Code, a.Name)).ToList();

    public static List<HelpChoice> Delivery(IStringLocalizer T) =>
        KithVocabulary.Delivery.Select(d => new HelpChoice(d.Code, T[d.Name])).ToList();

    public static List<HelpChoice> Accessibility(IStringLocalizer T) =>
        KithVocabulary.AccessibilityFeatures.Select(a => new HelpChoice(a.Code, T[a.Name])).ToList();

    private static string NativeName(string code) => LanguageCodes.NativeName(code);
}
