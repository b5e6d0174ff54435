using System.Globalization;
using System.Security.Claims;
using Kith.Community.Contracts;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith.ServiceDirectory.Search;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.ServicePage;

internal sealed record CostLine(string? Option, decimal? Amount, string? Currency, string? AmountDescription);
internal sealed record CapacityLine(string Unit, decimal Available, decimal? Maximum, string? Description, DateTime Updated);
internal sealed record ScheduleNote(string? Description, string? Notes, string? AttendingType, string? Link);

/// <summary>A place the service is offered. <see cref="Address"/>, <see cref="Transportation"/> and the map link are null
/// when the location is confidential and the reader may not see where it is.</summary>
internal sealed record PlaceView(string? Name, string? Description, bool Confidential, string? Address, string? AreaName, string? Transportation,
    string? MapUrl, IReadOnlyList<string> AccessibilityNotes, IReadOnlyList<string> AccessibilityTerms, IReadOnlyList<CardPhone> Phones);

/// <summary>Everything a person needs to decide and act, read straight from the directory tables.</summary>
internal sealed record ServiceView(
    string Id, string Name, string? AlternateName, string OrganizationName, string? Description, string? Eligibility,
    decimal? MinimumAge, decimal? MaximumAge, string? FeesDescription, IReadOnlyList<CostLine> Costs, IReadOnlyList<string> LanguageCodes,
    string? Interpretation, string? Url, string? Email, IReadOnlyList<CardPhone> Phones, IReadOnlyList<OpeningRule> Rules,
    IReadOnlyList<ScheduleNote> ScheduleNotes, IReadOnlyList<PlaceView> Places, IReadOnlyList<string> ServiceAreas,
    string? ApplicationProcess, IReadOnlyList<string> RequiredDocuments, string? WaitTime, IReadOnlyList<CapacityLine> Capacity, bool Waitlist,
    string? Alert, DateOnly? AssuredDate, string? AssuredBy, IReadOnlyList<string> NeedCodes, IReadOnlyList<string> DeliveryCodes)
{
    /// <summary>The HSDS fields (and "schedule") shown in English to a reader of another language, for want of a current translation.</summary>
    public IReadOnlySet<string> InEnglish { get; init; } = new HashSet<string>();

    /// <summary>The directory organisation that runs the service, and what it says about itself (translatable, ADR 29).</summary>
    public string? OrganizationId { get; init; }
    public string? OrganizationDescription { get; init; }

    /// <summary>How <see cref="InEnglish"/> names the organisation's description.</summary>
    public const string OrganizationDescriptionField = "organization.description";

    public Translations.ReaderText Shown(string field, string? text) => new(text, InEnglish.Contains(field));
}

/// <summary>
/// Reads one active service for its public page, applying the confidential-location rule here (not in the view):
/// a refuge's address, coordinates and directions reach only staff who may see them, and that is audited.
/// </summary>
internal sealed class ServiceDetails(KithDb db, SearchSnapshots snapshots, DirectoryIndexRefresher refresher, AuditLog audit)
{
    public async Task<ServiceView?> ReadAsync(string id, ClaimsPrincipal user, CancellationToken ct)
    {
        if (id.Length > 100) return null;
        var s = await db.Services.AsNoTracking().Where(x => x.Id == id && x.Status == "active").Select(x => new
        {
            x.Id, x.Name, x.AlternateName, x.OrganizationId, x.Description, x.EligibilityDescription, x.MinimumAge, x.MaximumAge, x.FeesDescription,
            x.Fees, x.InterpretationServices, x.Url, x.Email, x.ApplicationProcess, x.WaitTime, x.Waitlist, x.Alert, x.AssuredDate, x.AssuredBy,
        }).SingleOrDefaultAsync(ct);
        if (s is null) return null;
        var org = await db.DirectoryOrganizations.AsNoTracking().Where(o => o.Id == s.OrganizationId)
            .Select(o => new { o.Name, o.KithOrganisationId, o.Description }).SingleOrDefaultAsync(ct);
        var maySeeAddresses = ConfidentialLocations.MaySeeAddresses(user, org?.KithOrganisationId);

        var links = await db.ServiceAtLocations.AsNoTracking().Where(l => l.ServiceId == id).Select(l => new { l.Id, l.LocationId }).ToListAsync(ct);
        var linkIds = links.Select(l => l.Id).ToList();
        var locationIds = links.Select(l => l.LocationId).Distinct().ToList();
        var schedules = await db.Schedules.AsNoTracking()
            .Where(x => x.ServiceId == id || (x.ServiceAtLocationId != null && linkIds.Contains(x.ServiceAtLocationId)) || (x.LocationId != null && locationIds.Contains(x.LocationId)))
            .ToListAsync(ct);
        var zone = refresher.TimeZone;
        var own = schedules.Where(x => x.ServiceId == id || x.ServiceAtLocationId != null).ToList();
        // As search does: the service's own hours win; the building's hours stand in only when it has none.
        var used = own.Count > 0 ? own : schedules;
        var terms = await db.HsdsAttributes.AsNoTracking().Where(a => a.LinkEntity == "service" && a.LinkId == id).Select(a => a.TaxonomyTermId).ToListAsync(ct);
        var places = await PlacesAsync(locationIds, maySeeAddresses, ct);
        if (maySeeAddresses && places.Any(p => p.Confidential))
            await audit.RecordAsync("directory.confidential-address-viewed", user.FindFirstValue(ClaimTypes.NameIdentifier), "service", id, ct: ct);

        return new ServiceView(
            s.Id, s.Name, s.AlternateName, org?.Name ?? "", s.Description, s.EligibilityDescription, s.MinimumAge, s.MaximumAge,
            s.FeesDescription ?? s.Fees,
            await db.CostOptions.AsNoTracking().Where(c => c.ServiceId == id).OrderBy(c => c.Amount).ThenBy(c => c.Option)
                .Select(c => new CostLine(c.Option, c.Amount, c.Currency, c.AmountDescription)).ToListAsync(ct),
            (await db.Languages.AsNoTracking().Where(l => l.ServiceId == id && l.Code != null).Select(l => l.Code!).ToListAsync(ct))
                .Select(c => c.Trim().ToLowerInvariant()).Distinct().ToList(),
            s.InterpretationServices, s.Url, s.Email,
            await db.Phones.AsNoTracking().Where(p => p.ServiceId == id).OrderBy(p => p.Number)
                .Select(p => new CardPhone(p.Number, p.Type ?? "voice", p.Description)).ToListAsync(ct),
            used.Select(r => DirectoryLoader.Rule(r, zone)).ToList(),
            used.Where(r => r.Description != null || r.Notes != null || r.AttendingType != null || r.ScheduleLink != null)
                .Select(r => new ScheduleNote(r.Description, r.Notes, r.AttendingType, r.ScheduleLink)).Distinct().ToList(),
            places,
            await db.ServiceAreas.AsNoTracking().Where(a => a.ServiceId == id && a.Name != null).Select(a => a.Name!).ToListAsync(ct),
            s.ApplicationProcess,
            await db.RequiredDocuments.AsNoTracking().Where(d => d.ServiceId == id && d.Document != null).Select(d => d.Document!).ToListAsync(ct),
            s.WaitTime,
            await db.ServiceCapacities.AsNoTracking().Where(c => c.ServiceId == id).OrderBy(c => c.Unit)
                .Select(c => new CapacityLine(c.Unit, c.Available, c.Maximum, c.Description, c.Updated)).ToListAsync(ct),
            s.Waitlist, s.Alert, s.AssuredDate, s.AssuredBy,
            KithVocabulary.Needs.Where(n => terms.Contains(n.Id)).Select(n => n.Code).ToList(),
            KithVocabulary.Delivery.Where(n => terms.Contains(n.Id)).Select(n => n.Code).ToList())
        {
            OrganizationId = s.OrganizationId, OrganizationDescription = string.IsNullOrWhiteSpace(org?.Description) ? null : org.Description,
        };
    }

    private async Task<List<PlaceView>> PlacesAsync(List<string> locationIds, bool maySeeAddresses, CancellationToken ct)
    {
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).OrderBy(l => l.Name).Select(l => new
        {
            l.Id, l.Name, l.Description, l.Confidential, l.Transportation, l.Latitude, l.Longitude, l.AreaId, l.LocationType,
        }).ToListAsync(ct);
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.LocationId != null && locationIds.Contains(a.LocationId)).OrderBy(a => a.Id).ToListAsync(ct);
        var accessibility = await db.Accessibility.AsNoTracking().Where(a => a.LocationId != null && locationIds.Contains(a.LocationId))
            .Select(a => new { a.Id, a.LocationId, a.Description, a.Details }).ToListAsync(ct);
        var accessIds = accessibility.Select(a => a.Id).ToList();
        var features = await db.HsdsAttributes.AsNoTracking()
            .Where(a => (a.LinkEntity == "location" && locationIds.Contains(a.LinkId)) || (a.LinkEntity == "accessibility" && accessIds.Contains(a.LinkId)))
            .Select(a => new { a.LinkId, a.TaxonomyTermId }).ToListAsync(ct);
        var phones = await db.Phones.AsNoTracking().Where(p => p.LocationId != null && locationIds.Contains(p.LocationId)).OrderBy(p => p.Number)
            .Select(p => new { p.LocationId, p.Number, p.Type, p.Description }).ToListAsync(ct);
        var snapshot = snapshots.Current;

        return locations.Select(l =>
        {
            var visible = !l.Confidential || maySeeAddresses;
            var address = addresses.Where(a => a.LocationId == l.Id).OrderBy(a => a.AddressType == "postal").FirstOrDefault();
            var line = address is null ? null : string.Join(", ", new[] { address.Address1, address.Address2, address.City, address.StateProvince, address.PostalCode }
                .Where(x => !string.IsNullOrWhiteSpace(x)));
            var access = accessibility.Where(a => a.LocationId == l.Id).ToList();
            var linkIds = access.Select(a => a.Id).Append(l.Id).ToHashSet();
            var termIds = features.Where(f => linkIds.Contains(f.LinkId)).Select(f => f.TaxonomyTermId).ToHashSet();
            var terms = KithVocabulary.AccessibilityFeatures.Where(f => termIds.Contains(f.Id)).Select(f => f.Name).ToList();
            return new PlaceView(l.Name, l.Description, l.Confidential,
                visible ? line : null,
                snapshot?.AreaName(l.AreaId?.ToString()),
                visible ? l.Transportation : null,
                visible && !l.Confidential ? MapUrl(line, l.Latitude, l.Longitude) : null,
                // An accessibility row usually describes itself with its feature's name: say each feature once.
                access.SelectMany(a => new[] { a.Description, a.Details }).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim())
                    .Where(x => !terms.Contains(x, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                terms,
                phones.Where(p => p.LocationId == l.Id).Select(p => new CardPhone(p.Number, p.Type ?? "voice", p.Description)).ToList());
        }).ToList();
    }

    /// <summary>A link to a map of a public place: OpenStreetMap, which needs no account and sets no advertising cookies.</summary>
    private static string? MapUrl(string? address, double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon
            ? string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat:0.######}&mlon={lon:0.######}#map=17/{lat:0.######}/{lon:0.######}")
            : address is null ? null : "https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString(address);
}
