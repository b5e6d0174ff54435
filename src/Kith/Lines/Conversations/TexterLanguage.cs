using System.Globalization;

namespace Kith.Lines.Conversations;

/// <summary>Texts to a texter are written in their language, whatever the request's: the UI culture is theirs for one text.</summary>
internal static class TexterLanguage
{
    public static string Run(string language, Func<string> write)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(Platform.Localization.Cultures.IsSupported(language) ? language : "en");
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
