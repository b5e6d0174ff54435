using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Kith.Community.Contracts;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.HsdsApi;

/// <summary>
/// <c>/service_at_locations</c> and <c>/service_at_locations/{id}</c>. <c>postcode</c> matches the
/// location's address; with <c>proximity</c> (metres) it instead matches locations within that distance
/// of the postcode's centroid (the mean position of the locations at that postcode). Neither ever
/// matches on a confidential location the reader may not see, so they cannot be used to find one.
/// </summary>
internal static class ServiceAtLocationsEndpoints
{
    public const int MaxProximity = 200_000;
    private const double MetresPerDegree = 111_320;

    public static void MapServiceAtLocations(this RouteGroupBuilder api)
    {
        api.MapGet("/service_at_locations", List).WithName("HsdsListServiceAtLocations")
            .WithSummary("Services at locations, paged or as ndjson; service filters, postcode and proximity (metres from the postcode's centroid) combine with AND.");
        api.MapGet("/service_at_locations/{id}", Get).WithName("HsdsGetServiceAtLocation").WithSummary("One service at a location, fully nested.");
    }

    private static async Task<Results<JsonHttpResult<JsonObject>, PushStreamHttpResult, ValidationProblem>> List(
        string? search, [FromQuery(Name = "taxonomy_term_id")] string? taxonomyTermId, [FromQuery(Name = "taxonomy_id")] string? taxonomyId,
        [FromQuery(Name = "organization_id")] string? organizationId, [FromQuery(Name = "modified_after")] string? modifiedAfter,
        string? full, string? page, [FromQuery(Name = "per_page")] string? perPage, string? format, string? postcode, string? proximity,
        KithDb db, ClaimsPrincipal user, IStringLocalizer<SharedResource> T, CancellationToken ct)
    {
        var query = new HsdsQuery(T);
        var paging = query.Paging(page, perPage, format);
        var filter = ServiceFilter.Read(query, search, organizationId, taxonomyTermId, taxonomyId, modifiedAfter);
        var isFull = query.Bool("full", full);
        var code = query.Text("postcode", postcode)?.Replace(" ", "").ToUpperInvariant();
        double? metres = null;
        if (!string.IsNullOrWhiteSpace(proximity))
        {
            if (!double.TryParse(proximity, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || !(m > 0 && m <= MaxProximity))
                query.Fail("proximity", T["{0} must be a distance in metres from 1 to {1}.", "proximity", MaxProximity]);
            else if (code is null) query.Fail("proximity", T["{0} needs a postcode to measure from.", "proximity"]);
            else metres = m;
        }
        if (query.HasErrors) return query.Problem();

        var visible = VisibleLocations(db, user);
        var services = filter.Apply(db, withSearch: false);
        var sals = db.ServiceAtLocations.Where(x => services.Any(s => s.Id == x.ServiceId));
        if (filter.Search is { } text)
        {
            var matching = ServiceFilter.Matching(db, db.Services, text);
            var lower = text.ToLowerInvariant();
            sals = sals.Where(x => matching.Any(s => s.Id == x.ServiceId)
                || db.Locations.Any(l => l.Id == x.LocationId && l.Name != null && l.Name.ToLower().Contains(lower)));
        }
        var atPostcode = code is null ? visible : visible.Where(l => db.Addresses.Any(a => a.LocationId == l.Id && a.PostalCode.Replace(" ", "").ToUpper() == code));
        if (code is not null && metres is null) sals = sals.Where(x => atPostcode.Any(l => l.Id == x.LocationId));

        var ordered = from x in sals join s in db.Services on x.ServiceId equals s.Id orderby s.Name, x.Id select x.Id;
        HsdsList list;
        if (metres is { } radius)
        {
            var near = await NearAsync(db, sals, visible, atPostcode, radius, ct);
            list = new(_ => Task.FromResult(near.Count), (skip, take, _) => Task.FromResult(near.Skip(skip).Take(take).ToList()), Documents);
        }
        else
        {
            list = new(ordered.CountAsync, (skip, take, c) => ordered.Skip(skip).Take(take).ToListAsync(c), Documents);
        }
        return await HsdsPages.AnswerAsync(list, paging, ct);

        Task<IEnumerable<JsonObject>> Documents(IReadOnlyList<string> ids, CancellationToken c) => DocumentsAsync(db, user, ids, isFull, c);
    }

    private static Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> Get(
        string id, KithDb db, ClaimsPrincipal user, IStringLocalizer<SharedResource> T, CancellationToken ct) =>
        HsdsApi.OneAsync(id, ids => DocumentsAsync(db, user, ids, full: true, ct), T);

    private static async Task<IEnumerable<JsonObject>> DocumentsAsync(KithDb db, ClaimsPrincipal user, IReadOnlyList<string> ids, bool full, CancellationToken ct)
    {
        var rows = new HsdsRows(db);
        await rows.LoadServiceAtLocationsAsync(ids, full, ct);
        var documents = new HsdsDocuments(rows, user);
        return ids.Select(rows.Find<ServiceAtLocation>).OfType<ServiceAtLocation>()
            .Select(s => documents.ServiceAtLocation(s, full ? Shape.Full : Shape.List)).ToList();
    }

    /// <summary>Locations this reader may find by where they are: all but the confidential ones they may not see.</summary>
    private static IQueryable<Location> VisibleLocations(KithDb db, ClaimsPrincipal user)
    {
        if (ConfidentialLocations.MaySeeAllAddresses(user)) return db.Locations;
        List<Guid?> owners = user.IsInRole(Roles.Coordinator)
            ? [.. user.Organisations().Select(g => (Guid?)g)]
            : [];
        return db.Locations.Where(l => !l.Confidential
            || db.DirectoryOrganizations.Any(o => o.Id == l.OrganizationId && owners.Contains(o.KithOrganisationId)));
    }

    /// <summary>
    /// Ids of the matching service-at-locations within <paramref name="radius"/> metres of the postcode's
    /// centroid, in the stable order: a bounding box in the database, the exact distance here.
    /// </summary>
    private static async Task<List<string>> NearAsync(KithDb db, IQueryable<ServiceAtLocation> sals, IQueryable<Location> visible,
        IQueryable<Location> atPostcode, double radius, CancellationToken ct)
    {
        var points = await atPostcode.Where(l => l.Latitude != null && l.Longitude != null)
            .Select(l => new { Lat = l.Latitude!.Value, Lon = l.Longitude!.Value }).ToListAsync(ct);
        if (points.Count == 0) return [];
        var (lat, lon) = (points.Average(p => p.Lat), points.Average(p => p.Lon));
        var dLat = radius / MetresPerDegree;
        var dLon = radius / (MetresPerDegree * Math.Max(0.01, Math.Cos(lat * Math.PI / 180)));
        var candidates = await (
            from x in sals
            join l in visible on x.LocationId equals l.Id
            join s in db.Services on x.ServiceId equals s.Id
            where l.Latitude >= lat - dLat && l.Latitude <= lat + dLat && l.Longitude >= lon - dLon && l.Longitude <= lon + dLon
            orderby s.Name, x.Id
            select new { x.Id, Lat = l.Latitude!.Value, Lon = l.Longitude!.Value }).ToListAsync(ct);
        return candidates.Where(c => Metres(lat, lon, c.Lat, c.Lon) <= radius).Select(c => c.Id).ToList();
    }

    /// <summary>Great-circle distance (haversine).</summary>
    private static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadius = 6_371_000;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
