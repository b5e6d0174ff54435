using Kith.ServiceDirectory.Contracts;

namespace Kith.ServiceDirectory.Indexing;

/// <summary>Crisis lines that serve an area (or everywhere), in the person's language first, then local ones first.</summary>
internal sealed class CrisisLinesFromSnapshot(SearchSnapshots snapshots) : IDirectoryCrisisLines
{
    private const int Shown = 6;

    public async Task<IReadOnlyList<CrisisLineFact>> ForAsync(Guid? areaId, string language, CancellationToken ct)
    {
        DirectorySnapshot snapshot;
        try { snapshot = await snapshots.GetAsync(ct); }
        catch (TimeoutException) { return []; } // index not built yet: the deployment's configured lines still show
        var area = areaId?.ToString();
        return snapshot.Documents
            .Where(d => d.IsCrisisLine)
            .Where(d => d.ServedAreaIds.Count == 0 || (area is not null && d.ServedAreaIds.Contains(area)))
            .Select(d => (Document: d, Card: snapshot.Card(d.ServiceId)))
            .Where(x => x.Card is not null && x.Card.Phones.Any(p => p.Type is "voice" or "text"))
            .Select(x => new CrisisLineFact(x.Document.ServiceId, x.Card!.Name, x.Card.OrganizationName,
                x.Card.Phones.Where(p => p.Type is "voice" or "text").Select(p => new CrisisContact(p.Number, p.Type, p.Description)).ToList(),
                x.Card.Url, x.Document.Languages,
                SpeaksLanguage: x.Document.Languages.Contains(language),
                Local: area is not null && x.Document.ServedAreaIds.Contains(area)))
            .OrderByDescending(l => l.SpeaksLanguage)
            .ThenByDescending(l => l.Local)
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .Take(Shown)
            .ToList();
    }
}
