using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community;

internal sealed class CommunityFacts(KithDb db) : ICommunityFacts
{
    public async Task<IReadOnlyList<OrganisationFact>> OrganisationsAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationFact(o.Id, o.Name, o.AreaId, o.Active) { Type = o.Type.ToString() }).ToListAsync(ct);

    public async Task<string> AreasVersionAsync(CancellationToken ct)
    {
        var count = await db.Areas.CountAsync(ct);
        var latest = count == 0 ? default : await db.Areas.MaxAsync(a => a.UpdatedAt, ct);
        return $"{count}:{latest.Ticks}";
    }

    public async Task<IReadOnlyList<AreaFact>> AreasAsync(CancellationToken ct) =>
        await db.Areas.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new AreaFact(a.Id, a.Code, a.Name, a.Population, a.BoundaryGeoJson, a.CentroidLatitude, a.CentroidLongitude)).ToListAsync(ct);
}
