using Kith.ServiceDirectory.Contracts;
using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.Indexing;

/// <summary>Services in any of the asked needs, in the person's language first, then serving their area, then by name.</summary>
internal sealed class ServicesFromSnapshot(SearchSnapshots snapshots) : IDirectoryServices
{
    public async Task<IReadOnlyList<ServiceSuggestion>> SuggestAsync(IReadOnlyList<string> needs, Guid? areaId, string language, int max, CancellationToken ct)
    {
        if (await SnapshotAsync(ct) is not { } snapshot) return []; // index not built yet: the page still links to Find help
        var terms = needs.Select(KithVocabulary.NeedId).ToHashSet(StringComparer.Ordinal);
        var area = areaId?.ToString();
        return snapshot.Documents
            .Where(d => !d.IsCrisisLine && d.TaxonomyTermIds.Any(terms.Contains))
            // A service tied to other areas only is not a next step for this person; one serving everywhere is.
            .Where(d => area is null || d.ServedAreaIds.Count == 0 || d.ServedAreaIds.Contains(area))
            .Select(d => Suggestion(snapshot, d, language, area))
            .OfType<ServiceSuggestion>()
            .OrderByDescending(s => s.SpeaksLanguage)
            .ThenByDescending(s => s.Local)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    public async Task<IReadOnlyList<ServiceSuggestion>> FindAsync(IReadOnlyList<string> serviceIds, string language, CancellationToken ct)
    {
        if (await SnapshotAsync(ct) is not { } snapshot) return [];
        // The snapshot holds active services only, and its cards never carry a confidential location's address.
        var documents = snapshot.Documents.Where(d => serviceIds.Contains(d.ServiceId)).ToDictionary(d => d.ServiceId);
        return serviceIds.Distinct().Select(id => documents.TryGetValue(id, out var d) ? Suggestion(snapshot, d, language, null) : null)
            .OfType<ServiceSuggestion>().ToList();
    }

    public async Task<IReadOnlyList<ServiceSuggestion>> RunByAsync(IReadOnlyCollection<Guid> organisations, string language, CancellationToken ct)
    {
        if (organisations.Count == 0 || await SnapshotAsync(ct) is not { } snapshot) return [];
        return snapshot.Documents.Where(d => !d.IsCrisisLine)
            .Select(d => Suggestion(snapshot, d, language, null))
            .OfType<ServiceSuggestion>()
            .Where(s => s.KithOrganisationId is { } owner && organisations.Contains(owner))
            .OrderBy(s => s.OrganizationName, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<DirectorySnapshot?> SnapshotAsync(CancellationToken ct)
    {
        try { return await snapshots.GetAsync(ct); }
        catch (TimeoutException) { return null; }
    }

    private static ServiceSuggestion? Suggestion(DirectorySnapshot snapshot, Search.SearchDocument d, string language, string? area) =>
        snapshot.Card(d.ServiceId) is not { } card ? null
            : new ServiceSuggestion(d.ServiceId, card.Name, card.OrganizationName,
                card.Phones.FirstOrDefault(p => p.Type == "voice")?.Number, card.Url,
                SpeaksLanguage: d.Languages.Contains(language),
                Local: area is not null && d.ServedAreaIds.Contains(area),
                Path: "/help/services/" + Uri.EscapeDataString(d.ServiceId))
            {
                MinimumAge = d.MinimumAge, MaximumAge = d.MaximumAge,
                NeedCodes = card.NeedCodes, KithOrganisationId = card.KithOrganisationId,
                Available = d.CapacityAvailable, Waitlist = d.Waitlist,
            };
}
