using System.Globalization;
using Kith.Platform.Safety;
using Microsoft.Extensions.Localization;

namespace Kith.Lines.Conversations;

/// <summary>The deployment's general crisis numbers as one short text in a language ("988 Suicide &amp; Crisis Lifeline: Call 988, Text 988").</summary>
internal sealed class CrisisText(CrisisRoutes routes, IStringLocalizer<SharedResource> T)
{
    // The labels are translated for the current UI culture: the texter's language, just for this text.
    public string In(string language) => TexterLanguage.Run(language, () => string.Join("\n",
        routes.Configured(CultureInfo.CurrentUICulture).Where(r => r.General)
            .Select(r => $"{r.Name}: {string.Join(", ", r.Contacts.Select(c => c.Label(T)))}")));
}
