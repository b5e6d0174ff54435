using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.ServiceDirectory.Indexing;

/// <summary>
/// Before each rebuild, every confidential location with coordinates gets a stored public point that fits
/// <see cref="PublicPoint"/>: rows written before the point existed, by a path that does not set it, or whose
/// area boundaries moved. The editor, the import and the demo set it themselves; this is the net under them.
/// </summary>
internal sealed class ConfidentialPoints(KithDb db, ICommunityFacts community, IOptions<PublicPointOptions> options)
{
    /// <summary>How many stored points were chosen anew.</summary>
    public async Task<int> SettleAsync(CancellationToken ct)
    {
        var places = await db.Locations.AsNoTracking().Where(l => l.Confidential && l.Latitude != null && l.Longitude != null)
            .Select(l => new { l.Id, Latitude = l.Latitude!.Value, Longitude = l.Longitude!.Value, l.PublicLatitude, l.PublicLongitude })
            .ToListAsync(ct);
        if (places.Count == 0) return 0;
        var rule = new PublicPoint(options.Value, new AreaLocator(await community.AreasAsync(ct)).Find);
        var chosen = 0;
        foreach (var p in places)
        {
            if (!PublicPoint.Placeable(p.Latitude, p.Longitude)) continue;
            if (p.PublicLatitude is { } lat && p.PublicLongitude is { } lon && rule.Fits(p.Latitude, p.Longitude, lat, lon)) continue;
            var (publicLat, publicLon) = rule.Choose(p.Latitude, p.Longitude);
            // Only over the row as read: when another node (or an editor) stored a point meanwhile, theirs stands,
            // so a place never has two public points in two snapshots.
            chosen += await db.Locations
                .Where(l => l.Id == p.Id && l.Latitude == p.Latitude && l.Longitude == p.Longitude
                    && l.PublicLatitude == p.PublicLatitude && l.PublicLongitude == p.PublicLongitude)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.PublicLatitude, publicLat).SetProperty(l => l.PublicLongitude, publicLon), ct);
        }
        return chosen;
    }
}
