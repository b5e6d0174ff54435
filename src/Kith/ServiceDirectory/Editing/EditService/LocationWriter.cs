using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.ServiceDirectory.Editing.EditService;

/// <summary>
/// Saves a service's locations (HSDS location + address + service_at_location, accessibility as attributes).
/// Every save places the location in its Kith area again from its coordinates; a location another service
/// still uses is unlinked from this one, never deleted; a place another organisation keeps is left as it is.
/// A confidential location keeps its public point while it still fits the new position, and gets a new one when it
/// does not (ADR 12).
/// </summary>
internal sealed class LocationWriter(KithDb db, ICommunityFacts community, ChangeRecord changes, IOptions<PublicPointOptions> publicPoints)
{
    /// <summary>Applies the rows (not yet saved); returns the ids of locations that changed.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(Service service, IReadOnlyList<LocationRow> before, IReadOnlyList<LocationRow> rows,
        string by, CancellationToken ct)
    {
        var touched = new List<string>();
        if (before.Count == 0 && rows.All(r => r.IsBlank || r.Remove)) return touched;
        var areas = new AreaLocator(await community.AreasAsync(ct));
        var publicPoint = new PublicPoint(publicPoints.Value, areas.Find);
        var features = KithVocabulary.AccessibilityFeatures.Select(t => t.Id).ToList();
        foreach (var row in rows)
        {
            var old = before.FirstOrDefault(b => row.Id.Length > 0 && b.Id == row.Id);
            if (row.Remove || (old is null && row.IsBlank))
            {
                if (old is not null && await UnlinkAsync(service.Id, old.Id, old.Locked, ct))
                {
                    changes.Add("location", old.Id, new Dictionary<string, string> { ["service_at_location"] = service.Id },
                        new Dictionary<string, string> { ["service_at_location"] = "" }, by);
                    touched.Add(old.Id);
                }
                continue;
            }
            if (old is { Locked: true }) continue; // another organisation keeps this place: linked, never changed
            var location = old is null ? null : await db.Locations.SingleAsync(l => l.Id == old.Id, ct);
            if (location is null)
            {
                location = db.Locations.Add(new Location { Id = Guid.NewGuid().ToString(), LocationType = "physical", OrganizationId = service.OrganizationId }).Entity;
                db.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.NewGuid().ToString(), ServiceId = service.Id, LocationId = location.Id });
            }
            location.Name = ServiceRules.Clean(row.Name);
            location.Transportation = ServiceRules.Clean(row.Transportation);
            location.Latitude = ServiceRules.Coordinate(row.Latitude, 90);
            location.Longitude = ServiceRules.Coordinate(row.Longitude, 180);
            location.Confidential = row.Confidential;
            location.AreaId = location is { Latitude: { } lat, Longitude: { } lon } ? areas.Find(lat, lon) : null;
            publicPoint.Settle(location);
            await SaveAddressAsync(location.Id, row, ct);
            db.HsdsAttributes.RemoveRange(await db.HsdsAttributes.Where(a => a.LinkId == location.Id && a.LinkEntity == "location" && features.Contains(a.TaxonomyTermId)).ToListAsync(ct));
            foreach (var code in row.Accessibility)
                db.HsdsAttributes.Add(new HsdsAttribute
                {
                    Id = Guid.NewGuid().ToString(), LinkId = location.Id, LinkEntity = "location", LinkType = "accessibility",
                    TaxonomyTermId = KithVocabulary.AccessibilityId(code),
                });
            if (changes.Add("location", location.Id, old is null ? [] : ServiceReader.Snapshot(old), ServiceReader.Snapshot(row), by, created: old is null).Count > 0)
                touched.Add(location.Id);
        }
        return touched;
    }

    private async Task SaveAddressAsync(string locationId, LocationRow row, CancellationToken ct)
    {
        var address = await db.Addresses.Where(a => a.LocationId == locationId).OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        if (!row.HasAddress)
        {
            if (address is not null) db.Addresses.Remove(address);
            return;
        }
        address ??= db.Addresses.Add(new Address { Id = Guid.NewGuid().ToString(), LocationId = locationId, AddressType = "physical" }).Entity;
        address.Address1 = row.Address1;
        address.City = row.City;
        address.StateProvince = row.State;
        address.PostalCode = row.PostalCode;
        address.Country = row.Country.ToUpperInvariant();
    }

    /// <summary>Removes the link; the location itself (and what hangs off it) goes only when no other service uses it and it is the editor's to delete.</summary>
    private async Task<bool> UnlinkAsync(string serviceId, string locationId, bool locked, CancellationToken ct)
    {
        var links = await db.ServiceAtLocations.Where(s => s.LocationId == locationId).ToListAsync(ct);
        var mine = links.Where(l => l.ServiceId == serviceId).ToList();
        if (mine.Count == 0) return false;
        db.ServiceAtLocations.RemoveRange(mine);
        if (links.Count > mine.Count || locked) return true;
        await db.Addresses.Where(a => a.LocationId == locationId).ExecuteDeleteAsync(ct);
        await db.HsdsAttributes.Where(a => a.LinkId == locationId && a.LinkEntity == "location").ExecuteDeleteAsync(ct);
        await db.Accessibility.Where(a => a.LocationId == locationId).ExecuteDeleteAsync(ct);
        await db.Languages.Where(a => a.LocationId == locationId).ExecuteDeleteAsync(ct);
        await db.Phones.Where(a => a.LocationId == locationId).ExecuteDeleteAsync(ct);
        await db.Schedules.Where(a => a.LocationId == locationId).ExecuteDeleteAsync(ct);
        await db.Locations.Where(l => l.Id == locationId).ExecuteDeleteAsync(ct);
        return true;
    }
}
