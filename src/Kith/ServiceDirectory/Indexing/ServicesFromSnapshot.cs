using Kith.ServiceDirectory.Contracts;
using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.Indexing;

/// <summary>Services in any of the asked needs, in the person's language first, then serving their area, then by name.</summary>
internal sealed class ServicesFromSnapshot(SearchSnapshots snapshots) : IDirectoryServices
{
    public async Task<IReadOnlyList<ServiceSuggestion>> SuggestAsync(IReadOnlyList<string> needs, Guid? areaId, string language, int max, CancellationToken ct)
    {
        DirectorySnapshot snapshot;
        try { snapshot = await snapshots.GetAsync(ct); }
        catch (TimeoutException) { return []; } // index not built yet: the page still links to Find help
        var terms = needs.Select(KithVocabulary.NeedId).ToHashSet(StringComparer.Ordinal);
        var area = areaId?.ToString();
        return snapshot.Documents
            .Where(d => !d.IsCrisisLine && d.TaxonomyTermIds.Any(terms.Contains))
            // A service tied to other areas only is not a next step for this person; one serving everywhere is.
            .Where(d => area is null || d.ServedAreaIds.Count == 0 || d.ServedAreaIds.Contains(area))
            .Select(d => (Document: d, Card: snapshot.Card(d.ServiceId)))
            .Where(x => x.Card is not null)
            .Select(x => new ServiceSuggestion(x.Document.ServiceId, x.Card!.Name, x.Card.OrganizationName,
                x.Card.Phones.FirstOrDefault(p => p.Type == "voice")?.Number, x.Card.Url,
                SpeaksLanguage: x.Document.Languages.Contains(language),
                Local: area is not null && x.Document.ServedAreaIds.Contains(area),
                Path: "/help/services/" + Uri.EscapeDataString(x.Document.ServiceId))
            {
                MinimumAge = x.Document.MinimumAge, MaximumAge = x.Document.MaximumAge,
                NeedCodes = x.Card.NeedCodes, KithOrganisationId = x.Card.KithOrganisationId,
            })
            .OrderByDescending(s => s.SpeaksLanguage)
            .ThenByDescending(s => s.Local)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }
}
