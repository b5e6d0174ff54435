using Kith.Platform.Time;
using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Editing.VerifyService;
using Kith.ServiceDirectory.Freshness;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Editing.EditService;

internal enum SaveStatus { Saved, Invalid, NotFound, Forbidden }

internal sealed record SaveResult(SaveStatus Status, string? Id, IReadOnlyDictionary<string, string[]> Errors)
{
    public static SaveResult Of(SaveStatus status) => new(status, null, new Dictionary<string, string[]>());
}

/// <summary>
/// Creates and changes a service with everything the form covers, in one transaction: the rows, a
/// metadata row per changed field, the directory revision and an audit entry commit together or not at all.
/// </summary>
internal sealed class ServiceEditor(KithDb db, ServiceOwnership ownership, ServiceReader reader, LocationWriter locations,
    ChangeRecord changes, DeploymentCalendar calendar, AuditLog audit)
{
    public async Task<SaveResult> SaveAsync(string? id, ServiceForm form, bool verified, ClaimsPrincipal user, CancellationToken ct)
    {
        EditableService? existing = null;
        if (id is not null)
        {
            var access = await ownership.CheckAsync(user, id, ct);
            if (access != Ownership.Allowed) return SaveResult.Of(access == Ownership.NotFound ? SaveStatus.NotFound : SaveStatus.Forbidden);
            existing = await reader.ReadAsync(id, ct);
            if (existing is null) return SaveResult.Of(SaveStatus.NotFound);
            form.OrganizationId = existing.Form.OrganizationId; // a service stays with its organisation
        }
        if (existing is not null) SharedLocations.Lock(user, existing.Form.Locations);
        var refused = SharedLocations.Check(existing?.Form.Locations ?? [], form.Locations);
        var errors = ServiceRules.Validate(form);
        foreach (var (field, messages) in refused) errors[field] = messages;
        if (existing is null && (await ownership.EditableOrganisationsAsync(user, ct)).All(o => o.Id != form.OrganizationId))
            errors["organization"] = ["Choose the organisation that provides the service."];
        var known = existing?.Form.Locations.Select(l => l.Id).ToHashSet() ?? [];
        if (form.Locations.Any(l => l.Id.Length > 0 && !known.Contains(l.Id)))
            errors["location"] = ["A location in the form is not one of this service's locations. Reload the page and try again."];
        if (errors.Count > 0) return new(SaveStatus.Invalid, id, errors);

        var now = calendar.UtcNow;
        var by = ChangeRecord.Editor(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var service = id is null ? null : await db.Services.SingleAsync(s => s.Id == id, ct);
        if (service is null)
        {
            service = new Service { Id = Guid.NewGuid().ToString(), OrganizationId = form.OrganizationId };
            db.Services.Add(service);
            verified = true; // whoever writes a new record has just checked it
        }
        var before = existing is null ? [] : ServiceReader.Snapshot(existing.Form);
        before["assured_date"] = existing?.AssuredDate?.ToString("yyyy-MM-dd") ?? "";
        Apply(service, form, now);
        if (verified) ServiceVerification.Apply(service, user, calendar.Today);
        var after = ServiceReader.Snapshot(form);
        after["assured_date"] = service.AssuredDate?.ToString("yyyy-MM-dd") ?? "";

        await KithVocabularyRows.AddMissingAsync(db, ct); // the terms the attributes below point at
        await ReplaceChildrenAsync(service.Id, form, now, ct);
        var locationChanges = await locations.SaveAsync(service, existing?.Form.Locations ?? [], form.Locations, by, ct);
        var changed = changes.Add("service", service.Id, before, after, by, created: existing is null);
        await db.SaveChangesAsync(ct);
        await db.BumpRevisionAsync(now, ct);
        await audit.RecordAsync(existing is null ? "directory.service-created" : "directory.service-updated",
            user.FindFirstValue(ClaimTypes.NameIdentifier), "service", service.Id, new { fields = changed, locations = locationChanges }, ct);
        await transaction.CommitAsync(ct);
        return new(SaveStatus.Saved, service.Id, new Dictionary<string, string[]>());
    }

    private static void Apply(Service s, ServiceForm f, DateTime now)
    {
        s.Name = f.Name;
        s.AlternateName = ServiceRules.Clean(f.AlternateName);
        s.Description = ServiceRules.Clean(f.Description);
        s.Status = f.Status;
        s.Url = ServiceRules.Clean(f.Url);
        s.Email = ServiceRules.Clean(f.Email);
        s.EligibilityDescription = ServiceRules.Clean(f.EligibilityDescription);
        s.MinimumAge = ServiceRules.Decimal(f.MinimumAge);
        s.MaximumAge = ServiceRules.Decimal(f.MaximumAge);
        s.FeesDescription = ServiceRules.Clean(f.FeesDescription);
        s.ApplicationProcess = ServiceRules.Clean(f.ApplicationProcess);
        s.WaitTime = ServiceRules.Clean(f.WaitTime);
        s.Alert = ServiceRules.Clean(f.Alert);
        s.InterpretationServices = ServiceRules.Clean(f.InterpretationServices);
        s.Waitlist = f.Waitlist;
        s.LastModified = now;
    }

    /// <summary>Replaces the rows the form owns outright; rows it does not show (other taxonomies, other schedules, other costs) stay.</summary>
    private async Task ReplaceChildrenAsync(string id, ServiceForm f, DateTime now, CancellationToken ct)
    {
        var ours = KithVocabulary.Needs.Concat(KithVocabulary.Delivery).Select(t => t.Id).ToList();
        db.HsdsAttributes.RemoveRange(await db.HsdsAttributes.Where(a => a.LinkId == id && a.LinkEntity == "service" && ours.Contains(a.TaxonomyTermId)).ToListAsync(ct));
        foreach (var code in f.Needs)
            db.HsdsAttributes.Add(new HsdsAttribute { Id = Guid.NewGuid().ToString(), LinkId = id, LinkEntity = "service", LinkType = "need", TaxonomyTermId = KithVocabulary.NeedId(code) });
        foreach (var code in f.Delivery)
            db.HsdsAttributes.Add(new HsdsAttribute { Id = Guid.NewGuid().ToString(), LinkId = id, LinkEntity = "service", LinkType = "delivery", TaxonomyTermId = KithVocabulary.DeliveryId(code) });

        db.Languages.RemoveRange(await db.Languages.Where(l => l.ServiceId == id).ToListAsync(ct));
        foreach (var code in f.LanguageCodes)
            db.Languages.Add(new Language { Id = Guid.NewGuid().ToString(), ServiceId = id, Code = code, Name = LanguageName(code) });

        db.Phones.RemoveRange(await db.Phones.Where(p => p.ServiceId == id).ToListAsync(ct));
        foreach (var p in f.FilledPhones)
            db.Phones.Add(new Phone { Id = Guid.NewGuid().ToString(), ServiceId = id, Number = p.Number, Type = p.Type, Description = ServiceRules.Clean(p.Description) });

        var (weekly, _) = WeeklyHours.Partition(await db.Schedules.Where(s => s.ServiceId == id).ToListAsync(ct));
        db.Schedules.RemoveRange(weekly);
        db.Schedules.AddRange(WeeklyHours.ToSchedules(id, f.Hours));

        var free = await db.CostOptions.Where(c => c.ServiceId == id && c.Amount == 0).ToListAsync(ct);
        if (!f.Free) db.CostOptions.RemoveRange(free);
        else if (free.Count == 0) db.CostOptions.Add(new CostOption { Id = Guid.NewGuid().ToString(), ServiceId = id, Amount = 0, Option = "Free", AmountDescription = "No charge" });

        var capacity = await db.ServiceCapacities.Where(c => c.ServiceId == id).OrderBy(c => c.Unit).FirstOrDefaultAsync(ct);
        if (f.CapacityUnit.Length == 0)
        {
            if (capacity is not null) db.ServiceCapacities.Remove(capacity);
            return;
        }
        capacity ??= db.ServiceCapacities.Add(new ServiceCapacity { Id = Guid.NewGuid().ToString(), ServiceId = id }).Entity;
        var available = ServiceRules.Decimal(f.CapacityAvailable)!.Value;
        var maximum = ServiceRules.Decimal(f.CapacityMaximum);
        if (capacity.Unit != f.CapacityUnit || capacity.Available != available || capacity.Maximum != maximum) capacity.Updated = now;
        (capacity.Unit, capacity.Available, capacity.Maximum) = (f.CapacityUnit, available, maximum);
    }

    private static string LanguageName(string code)
    {
        if (ServiceRules.KithLanguages.FirstOrDefault(l => l.Code == code) is { Name: { } name }) return name;
        try { return System.Globalization.CultureInfo.GetCultureInfo(code).EnglishName; }
        catch (System.Globalization.CultureNotFoundException) { return code; }
    }
}
