using System.Globalization;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Editing.EditService;

/// <summary>A service as the editor shows it: the form's values, plus what the form does not change.</summary>
internal sealed record EditableService(string Id, string OrganizationName, DateOnly? AssuredDate, string? AssuredBy, DateTime? LastModified,
    ServiceForm Form, IReadOnlyList<string> OtherSchedules);

/// <summary>
/// Reads a service and everything the editor changes with it (attributes, languages, phones, weekly hours,
/// cost, capacity, locations) into a <see cref="ServiceForm"/>, and turns a form into the field texts HSDS
/// publishes, so the editor can record exactly what changed.
/// </summary>
internal sealed class ServiceReader(KithDb db)
{
    public async Task<EditableService?> ReadAsync(string id, CancellationToken ct)
    {
        var s = await db.Services.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var orgName = await db.DirectoryOrganizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";
        var terms = await db.HsdsAttributes.AsNoTracking().Where(a => a.LinkId == id && a.LinkEntity == "service").Select(a => a.TaxonomyTermId).ToListAsync(ct);
        var languages = await db.Languages.AsNoTracking().Where(l => l.ServiceId == id && l.Code != null).OrderBy(l => l.Code).Select(l => l.Code!).ToListAsync(ct);
        var phones = await db.Phones.AsNoTracking().Where(p => p.ServiceId == id).OrderBy(p => p.Number).ToListAsync(ct);
        var (weekly, other) = WeeklyHours.Partition(await db.Schedules.AsNoTracking().Where(x => x.ServiceId == id).ToListAsync(ct));
        var free = await db.CostOptions.AnyAsync(c => c.ServiceId == id && c.Amount == 0, ct);
        var capacity = await db.ServiceCapacities.AsNoTracking().Where(c => c.ServiceId == id).OrderBy(c => c.Unit).FirstOrDefaultAsync(ct);
        var kithLanguages = ServiceRules.KithLanguages.Select(l => l.Code).ToList();
        var form = new ServiceForm
        {
            OrganizationId = s.OrganizationId, Name = s.Name, AlternateName = s.AlternateName ?? "", Description = s.Description ?? "",
            Status = s.Status, Url = s.Url ?? "", Email = s.Email ?? "", EligibilityDescription = s.EligibilityDescription ?? "",
            MinimumAge = ServiceForm.Number(s.MinimumAge), MaximumAge = ServiceForm.Number(s.MaximumAge), FeesDescription = s.FeesDescription ?? "",
            Free = free, ApplicationProcess = s.ApplicationProcess ?? "", WaitTime = s.WaitTime ?? "", Alert = s.Alert ?? "",
            InterpretationServices = s.InterpretationServices ?? "",
            Needs = KithVocabulary.Needs.Where(t => terms.Contains(t.Id)).Select(t => t.Code).ToList(),
            Delivery = KithVocabulary.Delivery.Where(t => terms.Contains(t.Id)).Select(t => t.Code).ToList(),
            Languages = languages.Where(kithLanguages.Contains).ToList(),
            OtherLanguages = string.Join(", ", languages.Where(c => !kithLanguages.Contains(c))),
            Phones = phones.Select(p => new PhoneRow { Number = p.Number, Type = p.Type ?? "voice", Description = p.Description ?? "" }).ToList(),
            Hours = WeeklyHours.ToForm(weekly),
            CapacityUnit = capacity?.Unit ?? "", CapacityAvailable = ServiceForm.Number(capacity?.Available), CapacityMaximum = ServiceForm.Number(capacity?.Maximum),
            Waitlist = s.Waitlist,
            Locations = await LocationsAsync(s, ct),
        };
        return new(s.Id, orgName, s.AssuredDate, s.AssuredBy, s.LastModified, form, other.Select(WeeklyHours.Describe).ToList());
    }

    private async Task<List<LocationRow>> LocationsAsync(Service service, CancellationToken ct)
    {
        var serviceId = service.Id;
        var locations = await (from sal in db.ServiceAtLocations.AsNoTracking()
                               join l in db.Locations on sal.LocationId equals l.Id
                               where sal.ServiceId == serviceId
                               orderby l.Name, l.Id
                               select l).ToListAsync(ct);
        var ids = locations.Select(l => l.Id).ToList();
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.LocationId != null && ids.Contains(a.LocationId)).OrderBy(a => a.Id).ToListAsync(ct);
        var features = await db.HsdsAttributes.AsNoTracking().Where(a => a.LinkEntity == "location" && ids.Contains(a.LinkId)).ToListAsync(ct);
        var managers = await ManagersAsync(service, locations, ct);
        return locations.Select(l =>
        {
            var a = addresses.FirstOrDefault(x => x.LocationId == l.Id);
            var mine = features.Where(f => f.LinkId == l.Id).Select(f => f.TaxonomyTermId).ToList();
            return new LocationRow
            {
                Id = l.Id, Name = l.Name ?? "", Address1 = a?.Address1 ?? "", City = a?.City ?? "", State = a?.StateProvince ?? "",
                PostalCode = a?.PostalCode ?? "", Country = a?.Country ?? "", Latitude = ServiceForm.Number(l.Latitude), Longitude = ServiceForm.Number(l.Longitude),
                Transportation = l.Transportation ?? "", Confidential = l.Confidential,
                Accessibility = KithVocabulary.AccessibilityFeatures.Where(t => mine.Contains(t.Id)).Select(t => t.Code).ToList(),
                ManagedBy = managers[l.Id].Owner, ManagerName = managers[l.Id].Name,
            };
        }).ToList();
    }

    /// <summary>
    /// Who keeps each place: the Kith owner of its HSDS organization. A place without one belongs to the service's
    /// organisation while only that organisation's services use it; one that several organisations share is the administrators'.
    /// </summary>
    private async Task<Dictionary<string, (Guid? Owner, string Name)>> ManagersAsync(Service service, IReadOnlyList<Location> locations, CancellationToken ct)
    {
        var ids = locations.Select(l => l.Id).ToList();
        var orgIds = locations.Select(l => l.OrganizationId).OfType<string>().Append(service.OrganizationId).Distinct().ToList();
        var orgs = await db.DirectoryOrganizations.AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.KithOrganisationId }).ToDictionaryAsync(o => o.Id, ct);
        var sharedWithOthers = await (from sal in db.ServiceAtLocations.AsNoTracking()
                                      join s in db.Services on sal.ServiceId equals s.Id
                                      where ids.Contains(sal.LocationId) && s.OrganizationId != service.OrganizationId
                                      select sal.LocationId).Distinct().ToListAsync(ct);
        return locations.ToDictionary(l => l.Id, l =>
        {
            var org = orgs.GetValueOrDefault(l.OrganizationId ?? (sharedWithOthers.Contains(l.Id) ? "" : service.OrganizationId));
            return (org?.KithOrganisationId, org?.Name ?? "");
        });
    }

    /// <summary>The service's fields as published text, keyed by HSDS field name (Kith's own fields by their column names).</summary>
    public static Dictionary<string, string> Snapshot(ServiceForm f) => new()
    {
        ["name"] = f.Name, ["alternate_name"] = f.AlternateName, ["description"] = f.Description, ["status"] = f.Status, ["url"] = f.Url,
        ["email"] = f.Email, ["eligibility_description"] = f.EligibilityDescription, ["minimum_age"] = Normal(f.MinimumAge),
        ["maximum_age"] = Normal(f.MaximumAge), ["fees_description"] = f.FeesDescription, ["cost_options"] = f.Free ? "free" : "",
        ["application_process"] = f.ApplicationProcess, ["wait_time"] = f.WaitTime, ["alert"] = f.Alert,
        ["interpretation_services"] = f.InterpretationServices, ["needs"] = string.Join(", ", f.Needs.Order(StringComparer.Ordinal)),
        ["delivery"] = string.Join(", ", f.Delivery.Order(StringComparer.Ordinal)), ["languages"] = string.Join(", ", f.LanguageCodes.Order(StringComparer.Ordinal)),
        ["phones"] = string.Join("; ", f.FilledPhones.Select(p => $"{p.Number} ({p.Type}){(p.Description.Length > 0 ? " " + p.Description : "")}")),
        ["schedules"] = WeeklyHours.Summary(f.Hours),
        ["capacities"] = f.CapacityUnit.Length == 0 ? "" : $"{Normal(f.CapacityAvailable)}/{Normal(f.CapacityMaximum)} {f.CapacityUnit}",
        ["waitlist"] = f.Waitlist ? "true" : "false",
    };

    public static Dictionary<string, string> Snapshot(LocationRow l) => new()
    {
        ["name"] = l.Name, ["address_1"] = l.Address1, ["city"] = l.City, ["state_province"] = l.State, ["postal_code"] = l.PostalCode,
        ["country"] = l.HasAddress ? l.Country.ToUpperInvariant() : "", ["latitude"] = Normal(l.Latitude), ["longitude"] = Normal(l.Longitude),
        ["transportation"] = l.Transportation, ["accessibility"] = string.Join(", ", l.Accessibility.Order(StringComparer.Ordinal)),
        ["confidential"] = l.Confidential ? "true" : "false",
    };

    /// <summary>Numbers compared by value: "12", "12.0" and "12.00" are one age.</summary>
    private static string Normal(string number) =>
        decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n.ToString("0.######", CultureInfo.InvariantCulture) : number;
}
