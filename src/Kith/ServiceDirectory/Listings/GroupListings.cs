using Ical.Net.DataTypes;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Contracts;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Editing;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Listings;

/// <summary>
/// Groups published as directory services (issue 15): one service per group under the running organisation's directory
/// record, linked to its place (never a confidential place's address: the directory's own rules publish only what a
/// confidential location may show), with an HSDS schedule carrying the group's RFC 5545 rule, its language, its needs,
/// its free places as a capacity, and a waiting list. The rows go into the caller's unit of work; the directory's
/// revision is bumped so the search index and HSDS readers see the change once it commits.
/// </summary>
internal sealed class GroupListings(KithDb db, ChangeRecord changes, DeploymentCalendar calendar) : IDirectoryListings
{
    public async Task<PlaceFact?> PlaceAsync(string locationId, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == locationId)
            .Select(l => new { l.Id, l.Name, l.Confidential, l.OrganizationId }).SingleOrDefaultAsync(ct);
        if (location is null) return null;
        Guid? owner = location.OrganizationId is null ? null : await db.DirectoryOrganizations.AsNoTracking()
            .Where(o => o.Id == location.OrganizationId).Select(o => o.KithOrganisationId).SingleOrDefaultAsync(ct);
        string? address = null;
        if (!location.Confidential)
        {
            var a = await db.Addresses.AsNoTracking().Where(x => x.LocationId == locationId && x.AddressType != "postal")
                .Select(x => new { x.Address1, x.City }).FirstOrDefaultAsync(ct);
            address = a is null ? null : $"{a.Address1}, {a.City}";
        }
        return new PlaceFact(location.Id, location.Name ?? "", address, location.Confidential, owner);
    }

    public async Task<IReadOnlyDictionary<string, string>> ServicesOfAsync(Guid kithOrganisation, CancellationToken ct)
    {
        var organisations = await db.DirectoryOrganizations.AsNoTracking().Where(o => o.KithOrganisationId == kithOrganisation).Select(o => o.Id).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().Where(s => organisations.Contains(s.OrganizationId) && s.Status == "active")
            .Select(s => new { s.Name, s.Id }).ToListAsync(ct);
        return services.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Id);
    }

    public async Task<IReadOnlyList<PlaceFact>> PlacesOfAsync(Guid kithOrganisation, CancellationToken ct)
    {
        var organisations = await db.DirectoryOrganizations.AsNoTracking().Where(o => o.KithOrganisationId == kithOrganisation).Select(o => o.Id).ToListAsync(ct);
        var locations = await db.Locations.AsNoTracking().Where(l => l.OrganizationId != null && organisations.Contains(l.OrganizationId) && l.LocationType != "virtual")
            .OrderBy(l => l.Name).Select(l => l.Id).ToListAsync(ct);
        var places = new List<PlaceFact>();
        foreach (var id in locations) if (await PlaceAsync(id, ct) is { } place) places.Add(place);
        return places;
    }

    public async Task<string?> PublishAsync(GroupListing listing, CancellationToken ct)
    {
        var organisation = await db.DirectoryOrganizations.AsNoTracking().Where(o => o.KithOrganisationId == listing.KithOrganisationId)
            .Select(o => o.Id).FirstOrDefaultAsync(ct);
        if (organisation is null) return null;
        var now = calendar.UtcNow;
        var service = listing.ServiceId is null ? null : await db.Services.SingleOrDefaultAsync(s => s.Id == listing.ServiceId, ct);
        var created = service is null;
        if (service is null)
        {
            service = new Service { Id = Guid.NewGuid().ToString(), OrganizationId = organisation };
            db.Services.Add(service);
        }
        var before = Snapshot(service);
        service.Name = listing.Name;
        service.Description = listing.Description;
        service.Url = listing.Url;
        service.Status = listing.Active ? "active" : "inactive";
        service.Waitlist = true;
        service.ApplicationProcess = "Join on the group's page with a first name or nickname; no account is needed.";
        service.FeesDescription = "Free";
        service.EligibilityDescription ??= "Anyone who would like to come; places are first come, then by waiting list.";
        service.AssuredBy = listing.PublishedBy;
        service.AssurerEmail = listing.PublisherEmail.Contains('@') ? listing.PublisherEmail : service.AssurerEmail;
        service.LastModified = now;
        service.AssuredDate = calendar.Today;

        await KithVocabularyRows.AddMissingAsync(db, ct);
        var id = service.Id;
        var ours = KithVocabulary.Needs.Concat(KithVocabulary.Delivery).Select(t => t.Id).ToList();
        db.HsdsAttributes.RemoveRange(await db.HsdsAttributes.Where(a => a.LinkId == id && a.LinkEntity == "service" && ours.Contains(a.TaxonomyTermId)).ToListAsync(ct));
        foreach (var need in listing.Needs.Where(n => KithVocabulary.Needs.Any(t => t.Code == n)).Distinct())
            db.HsdsAttributes.Add(new HsdsAttribute { Id = Guid.NewGuid().ToString(), LinkId = id, LinkEntity = "service", LinkType = "need", TaxonomyTermId = KithVocabulary.NeedId(need) });
        db.HsdsAttributes.Add(new HsdsAttribute
        {
            Id = Guid.NewGuid().ToString(), LinkId = id, LinkEntity = "service", LinkType = "delivery",
            TaxonomyTermId = KithVocabulary.DeliveryId(listing.Online ? "video" : "in-person"),
        });

        db.Languages.RemoveRange(await db.Languages.Where(l => l.ServiceId == id).ToListAsync(ct));
        db.Languages.Add(new Language { Id = Guid.NewGuid().ToString(), ServiceId = id, Code = listing.Language, Name = LanguageName(listing.Language) });

        db.ServiceAtLocations.RemoveRange(await db.ServiceAtLocations.Where(s => s.ServiceId == id).ToListAsync(ct));
        if (listing.LocationId is { } location)
            db.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.NewGuid().ToString(), ServiceId = id, LocationId = location });

        db.Schedules.RemoveRange(await db.Schedules.Where(s => s.ServiceId == id).ToListAsync(ct));
        db.Schedules.Add(ScheduleOf(id, listing));

        var capacity = await db.ServiceCapacities.Where(c => c.ServiceId == id).FirstOrDefaultAsync(ct)
            ?? db.ServiceCapacities.Add(new ServiceCapacity { Id = Guid.NewGuid().ToString(), ServiceId = id, Unit = "places" }).Entity;
        if (capacity.Available != listing.PlacesFree) capacity.Updated = now;
        capacity.Available = listing.PlacesFree;

        changes.Add("service", id, before, Snapshot(service), "Kith groups", created);
        await db.BumpRevisionAsync(now, ct);
        return id;
    }

    public async Task UpdatePlacesAsync(string serviceId, int placesFree, CancellationToken ct)
    {
        var capacity = await db.ServiceCapacities.Where(c => c.ServiceId == serviceId).FirstOrDefaultAsync(ct);
        if (capacity is null || capacity.Available == placesFree) return;
        var now = calendar.UtcNow;
        changes.Add("service_capacity", capacity.Id, new Dictionary<string, string> { ["available"] = capacity.Available.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Dictionary<string, string> { ["available"] = placesFree.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Kith groups");
        capacity.Available = placesFree;
        capacity.Updated = now;
        await db.BumpRevisionAsync(now, ct);
    }

    /// <summary>The group's sessions as HSDS says a schedule: the RRULE's own fields, the first day, and the session's hours.</summary>
    private static Schedule ScheduleOf(string serviceId, GroupListing listing)
    {
        var start = listing.FirstStartLocal;
        var schedule = new Schedule
        {
            Id = Guid.NewGuid().ToString(), ServiceId = serviceId, Dtstart = DateOnly.FromDateTime(start),
            OpensAt = TimeOnly.FromDateTime(start), ClosesAt = TimeOnly.FromDateTime(start.AddMinutes(listing.DurationMinutes)),
            AttendingType = listing.Online ? "online" : "in-person",
        };
        if (listing.Rule is null)
        {
            schedule.ValidFrom = schedule.Dtstart;
            schedule.ValidTo = schedule.Dtstart;
            return schedule;
        }
        var rule = new RecurrenceRule(listing.Rule);
        schedule.Freq = rule.Frequency.ToString().ToUpperInvariant();
        schedule.Interval = rule.Interval;
        // HSDS 3.0 says WEEKLY or MONTHLY with weekdays (ADR 24); a weekly rule without days meets on the first session's day.
        schedule.Byday = rule.ByDay.Count == 0 ? Day(start.DayOfWeek)
            : string.Join(',', rule.ByDay.Select(d => (d.Offset is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "") + Day(d.DayOfWeek)));
        schedule.Count = rule.Count;
        schedule.Until = rule.Until is { } until ? until.Date : null;
        return schedule;
    }

    private static string Day(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();

    private static Dictionary<string, string> Snapshot(Service s) => new()
    {
        ["name"] = s.Name, ["description"] = s.Description ?? "", ["url"] = s.Url ?? "", ["status"] = s.Status,
    };

    private static string LanguageName(string code)
    {
        try { return System.Globalization.CultureInfo.GetCultureInfo(code).EnglishName; }
        catch (System.Globalization.CultureNotFoundException) { return code; }
    }
}
