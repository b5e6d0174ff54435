using Kith.Platform.Safety;

namespace Kith.ServiceDirectory.Indexing;

/// <summary>The directory's crisis lines that serve an area (or everywhere), in the person's language first, then local ones
/// first, for <see cref="CrisisRoutes"/>. Read from the in-memory search snapshot, so cheap enough for every confirmation page.</summary>
internal sealed class CrisisLinesFromSnapshot(SearchSnapshots snapshots) : ILocalCrisisLines
{
    private const int Shown = 6;

    public async Task<IReadOnlyList<CrisisRoute>> ForAsync(Guid? areaId, string language, CancellationToken ct)
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
            .Select(x => (x.Card!.Name, Phones: x.Card.Phones.Where(p => p.Type is "voice" or "text").OrderBy(p => p.Type == "text").ToList(),
                SpeaksLanguage: x.Document.Languages.Contains(language),
                Local: area is not null && x.Document.ServedAreaIds.Contains(area)))
            .OrderByDescending(l => l.SpeaksLanguage)
            .ThenByDescending(l => l.Local)
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .Take(Shown)
            .Select(l => new CrisisRoute(l.Name, Notes(l.Phones.Select(p => p.Description)),
                [.. l.Phones.Select(p => new CrisisContact(p.Number, p.Type, Description: p.Description))], General: false))
            .ToList();
    }

    private static string? Notes(IEnumerable<string?> descriptions) =>
        string.Join(" ", descriptions.OfType<string>().Distinct()) is { Length: > 0 } notes ? notes : null;
}
