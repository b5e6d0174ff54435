using System.Globalization;
using Kith.Platform.Web;
using Kith.ServiceDirectory.Contracts;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kith.Screening.SafetyPlans;

/// <summary>
/// What a new plan's "professionals and crisis lines" step starts with: the deployment's crisis lines, then the
/// directory's lines for the person's language. They are suggestions: the person can remove any of them.
/// </summary>
internal sealed class PlanSuggestions(IOptions<CrisisLineOptions> crisis, IDirectoryCrisisLines directory, IStringLocalizer<SharedResource> T)
{
    private const int Most = 5;

    public async Task<IReadOnlyList<PlanEntry>> CrisisLinesAsync(Guid? areaId, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var general = CrisisLinesApi.Describe(crisis.Value, culture).Where(l => l.General)
            .Select(l => l.Call is not null ? new PlanEntry(l.Name, l.Call)
                : new PlanEntry(l.TextKeyword is null ? T["{0} (text)", l.Name].Value : T["{0} (text {1})", l.Name, l.TextKeyword].Value, l.Text));
        var local = (await directory.ForAsync(areaId, culture.TwoLetterISOLanguageName, ct))
            .Where(l => l.Contacts.Count > 0)
            .Select(l => l.Contacts.FirstOrDefault(c => c.Type != "text") is { } call
                ? new PlanEntry(l.Name, call.Number)
                : new PlanEntry(T["{0} (text)", l.Name].Value, l.Contacts[0].Number));
        var entries = new List<PlanEntry>();
        foreach (var entry in general.Concat(local))
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
