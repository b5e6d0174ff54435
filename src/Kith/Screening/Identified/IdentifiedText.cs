using System.Globalization;
using Kith.Platform.Localization;

namespace Kith.Screening.Identified;

/// <summary>Staff read an instrument's text in their own language (English where it has none).</summary>
internal static class IdentifiedText
{
    public static string Language =>
        Cultures.IsSupported(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : "en";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);
}
