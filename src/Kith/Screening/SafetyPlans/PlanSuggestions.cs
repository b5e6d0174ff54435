using System.Globalization;
using Kith.Platform.Safety;
using Microsoft.Extensions.Localization;

namespace Kith.Screening.SafetyPlans;

/// <summary>
/// What a new plan's "professionals and crisis lines" step starts with: the deployment's crisis lines, then the
/// directory's lines for the person's language. They are suggestions: the person can remove any of them.
/// </summary>
internal sealed class PlanSuggestions(CrisisRoutes routes, IStringLocalizer<SharedResource> T)
{
    private const int Most = 5;

    public async Task<IReadOnlyList<PlanEntry>> CrisisLinesAsync(Guid? areaId, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var suggested = (await routes.ForAsync(areaId, culture.TwoLetterISOLanguageName, culture, ct))
            .Where(l => l.Contacts.Count > 0)
            .Select(l => l.Contacts.FirstOrDefault(c => !c.IsText) is { } call
                ? new PlanEntry(l.Name, call.Number)
                : new PlanEntry(l.Contacts[0].Keyword is { } keyword ? T["{0} (text {1})", l.Name, keyword].Value : T["{0} (text)", l.Name].Value, l.Contacts[0].Number));
        var entries = new List<PlanEntry>();
        foreach (var entry in suggested)
        {
            var number = CrisisLine.Dialable(entry.Phone ?? "");
            if (entries.Any(e => CrisisLine.Dialable(e.Phone ?? "") == number)) continue; // the same line listed twice
            entries.Add(entry with { Text = Clip(entry.Text, PlanRules.MaxText), Phone = Clip(entry.Phone, PlanRules.MaxPhone) });
            if (entries.Count == Most) break;
        }
        return entries;
    }

    private static string Clip(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..max];
}
