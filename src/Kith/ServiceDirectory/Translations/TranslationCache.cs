using System.Collections.Concurrent;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Translations;

/// <summary>
/// The current translations into one language: by (entity, id, field), and schedule notes by their English text
/// (the service page shows notes without their rows). A stale translation is left out, so its original shows.
/// </summary>
internal sealed record LanguageTexts(long Revision, IReadOnlyDictionary<(string Entity, string Id, string Field), string> Fields,
    IReadOnlyDictionary<string, string> ScheduleTexts);

/// <summary>
/// One read per language and directory revision, shared by every request on the node: an editor's change bumps the
/// revision, so the next reader sees it. Rows of the reader's exact language win over regional ones (es over es-MX).
/// </summary>
internal sealed class TranslationCache
{
    private readonly ConcurrentDictionary<string, LanguageTexts> languages = new(StringComparer.Ordinal);

    public async Task<LanguageTexts> GetAsync(KithDb db, string language, CancellationToken ct)
    {
        var revision = await db.RevisionAsync(ct);
        if (languages.TryGetValue(language, out var cached) && cached.Revision == revision) return cached;
        var loaded = await LoadAsync(db, language, revision, ct);
        languages[language] = loaded;
        return loaded;
    }

    private static async Task<LanguageTexts> LoadAsync(KithDb db, string language, long revision, CancellationToken ct)
    {
        var regional = language + "-";
        var rows = await db.DirectoryTranslations.AsNoTracking()
            .Where(t => t.Language == language || t.Language.StartsWith(regional)).ToListAsync(ct);
        var records = new Dictionary<(string, string), object>();
        foreach (var (entity, ids) in rows.GroupBy(r => r.LinkEntity).Select(g => (g.Key, g.Select(r => r.LinkId).Distinct().ToList())))
        {
            IEnumerable<(string Id, object Row)> found = entity switch
            {
                "service" => (await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct)).Select(s => (s.Id, (object)s)),
                "organization" => (await db.DirectoryOrganizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct)).Select(o => (o.Id, (object)o)),
                "schedule" => (await db.Schedules.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct)).Select(s => (s.Id, (object)s)),
                _ => [],
            };
            foreach (var (id, row) in found) records[(entity, id)] = row;
        }
        var fields = new Dictionary<(string, string, string), string>();
        var schedules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in rows.OrderBy(r => r.Language == language)) // the exact language last, so it wins
        {
            if (!records.TryGetValue((t.LinkEntity, t.LinkId), out var record) || !Translatable.IsField(t.LinkEntity, t.FieldName)) continue;
            var original = Translatable.Original(record, t.FieldName);
            if (!Translatable.IsCurrent(t, original)) continue;
            fields[(t.LinkEntity, t.LinkId, t.FieldName)] = t.Value;
            if (t.LinkEntity == "schedule") schedules[original!] = t.Value;
        }
        return new(revision, fields, schedules);
    }
}
