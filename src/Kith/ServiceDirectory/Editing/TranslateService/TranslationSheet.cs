using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Editing.TranslateService;

/// <summary>
/// One text a coordinator may translate: its form key (<c>description</c>, <c>organization.description</c>,
/// <c>schedule.{id}.notes</c>), the record it belongs to, the English original and the translation, if any.
/// </summary>
internal sealed record TranslationLine(string Key, string Entity, string RecordId, string Field, string? Original, DirectoryTranslation? Translation)
{
    /// <summary>The original changed after the translation was made (or was emptied).</summary>
    public bool Stale => Translation is not null && !Translatable.IsCurrent(Translation, Original);
}

/// <summary>
/// Everything of a service that can be translated, side by side with its translation into one language: the
/// service's texts, its organisation's description, and the notes of its own schedules.
/// </summary>
internal sealed class TranslationSheet(KithDb db)
{
    public Task<string?> NameAsync(string serviceId, CancellationToken ct) =>
        db.Services.Where(s => s.Id == serviceId).Select(s => s.Name).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<TranslationLine>> ReadAsync(string serviceId, string language, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == serviceId, ct);
        var organization = await db.DirectoryOrganizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == service.OrganizationId, ct);
        var links = db.ServiceAtLocations.Where(l => l.ServiceId == serviceId).Select(l => l.Id);
        var schedules = await db.Schedules.AsNoTracking()
            .Where(s => s.ServiceId == serviceId || (s.ServiceAtLocationId != null && links.Contains(s.ServiceAtLocationId)))
            .OrderBy(s => s.Id).ToListAsync(ct);
        var records = new List<(string Entity, string Prefix, object Row, string Id)> { ("service", "", service, service.Id) };
        if (organization is not null) records.Add(("organization", "organization.", organization, organization.Id));
        records.AddRange(schedules.Select(s => ("schedule", $"schedule.{s.Id}.", (object)s, s.Id)));

        var ids = records.Select(r => r.Id).ToList();
        var translations = await db.DirectoryTranslations.AsNoTracking()
            .Where(t => t.Language == language && ids.Contains(t.LinkId)).ToListAsync(ct);
        return records.SelectMany(r => Translatable.Fields[r.Entity].Select(field => new TranslationLine(
                r.Prefix + field, r.Entity, r.Id, field, Translatable.Original(r.Row, field),
                translations.FirstOrDefault(t => t.LinkEntity == r.Entity && t.LinkId == r.Id && t.FieldName == field))))
            // A schedule without notes has nothing to translate; the service's own fields are listed even when empty.
            .Where(l => l.Entity != "schedule" || !string.IsNullOrWhiteSpace(l.Original) || l.Translation is not null)
            .ToList();
    }
}
