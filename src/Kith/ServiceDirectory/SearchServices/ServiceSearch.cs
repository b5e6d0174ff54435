using Kith.Platform.Time;
using Kith.ServiceDirectory.Indexing;
using Kith.ServiceDirectory.Search;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.SearchServices;

/// <summary>
/// One search as the API and the Find help page both run it: check the request, query this node's snapshot,
/// and describe the results in the reader's language.
/// </summary>
internal sealed class ServiceSearch(SearchSnapshots snapshots, DeploymentCalendar calendar, TimeProvider time, IStringLocalizer<SharedResource> T, IConfiguration configuration)
{
    public TimeZoneInfo Zone => calendar.Zone;

    public DistanceUnit Unit { get; } = DistanceUnit.From(configuration);

    public async Task<(SearchResponse? Response, Dictionary<string, string[]> Errors)> RunAsync(SearchRequest request, CancellationToken ct)
    {
        var snapshot = await snapshots.GetAsync(ct);
        var (query, errors) = request.ToQuery(snapshot, Zone, T);
        if (query is null) return (null, errors);
        var now = time.GetUtcNow();
        var results = DirectorySearch.Run(snapshot.Index, query, now);
        return (new SearchResultsText(snapshot, T, Unit).Describe(results, query), errors);
    }

    public async Task<DirectorySnapshot> SnapshotAsync(CancellationToken ct) => await snapshots.GetAsync(ct);

}
