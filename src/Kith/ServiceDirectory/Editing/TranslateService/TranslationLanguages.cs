using System.Globalization;
using Kith.Platform.Localization;
using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.Editing.TranslateService;

/// <summary>The languages the editor offers: those the site speaks besides English (others go through the API or an import).</summary>
internal static class TranslationLanguages
{
    public static IReadOnlyList<(string Code, string NativeName)> Offered { get; } =
        Cultures.Supported.Where(c => c.Code != Translatable.OriginalLanguage).ToList();

    public static string Name(string tag) =>
        Offered.FirstOrDefault(o => o.Code == tag).NativeName ?? EnglishName(tag);

    private static string EnglishName(string tag)
    {
        try { return CultureInfo.GetCultureInfo(tag, predefinedOnly: true).NativeName; }
        catch (CultureNotFoundException) { return tag; }
    }
}
