using System.Security.Claims;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Time;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Freshness;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Editing.TranslateService;

internal sealed record TranslationSaveResult(Ownership Access, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<string> Changed);

/// <summary>
/// Saves a coordinator's translations of one service into one language, all or nothing: every text checked
/// first (a known field, at most as long as an original may be), then the rows, a metadata row per changed
/// text, the service's last_modified, the directory revision and an audit entry in one transaction.
/// An empty text removes a translation; a text not sent is left as it is. A translation keeps the hash of the
/// original it was made from, so it turns stale when the original changes, until it is edited or confirmed.
/// </summary>
internal sealed class TranslationEditor(KithDb db, ServiceOwnership ownership, TranslationSheet sheet, ChangeRecord changes,
    DeploymentCalendar calendar, AuditLog audit)
{
    public async Task<TranslationSaveResult> SaveAsync(string serviceId, string? language, IReadOnlyDictionary<string, string> texts,
        IReadOnlySet<string> confirmed, ClaimsPrincipal user, CancellationToken ct)
    {
        var access = await ownership.CheckAsync(user, serviceId, ct);
        if (access != Ownership.Allowed) return new(access, new Dictionary<string, string[]>(), []);
        var errors = new Dictionary<string, string[]>();
        var tag = LanguageOf(language, errors);
        var lines = tag is null ? [] : (await sheet.ReadAsync(serviceId, tag, ct)).ToDictionary(l => l.Key);
        foreach (var (key, text) in texts)
        {
            if (tag is not null && !lines.ContainsKey(key)) errors[key] = ["This is not a text of this service that can be translated."];
            else if (text.Length > Translatable.MaxLength) errors[key] = ["A translation can be at most 4000 characters."];
        }
        foreach (var key in confirmed.Where(k => tag is not null && !lines.ContainsKey(k))) errors[key] = ["This is not a text of this service that can be translated."];
        if (errors.Count > 0 || tag is null) return new(access, errors, []);

        var now = calendar.UtcNow;
        var by = ChangeRecord.Editor(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = new List<string>();
        foreach (var group in lines.Values.Where(l => texts.ContainsKey(l.Key) || confirmed.Contains(l.Key)).GroupBy(l => (l.Entity, l.RecordId)))
        {
            var before = new Dictionary<string, string>();
            var after = new Dictionary<string, string>();
            foreach (var line in group)
            {
                var text = texts.TryGetValue(line.Key, out var t) ? t.Trim() : line.Translation?.Value ?? "";
                var name = $"{line.Field} ({tag})";
                before[name] = line.Translation?.Value ?? "";
                after[name] = text;
                if (Apply(line, tag, text, confirmed.Contains(line.Key))) changed.Add(line.Key);
            }
            changes.Add(group.Key.Entity, group.Key.RecordId, before, after, by);
        }
        if (changed.Count > 0)
        {
            (await db.Services.SingleAsync(s => s.Id == serviceId, ct)).LastModified = now;
            await db.SaveChangesAsync(ct);
            await db.BumpRevisionAsync(now, ct);
            await audit.RecordAsync("directory.translation-updated", user.FindFirstValue(ClaimTypes.NameIdentifier), "service", serviceId,
                new { language = tag, fields = changed }, ct);
        }
        await transaction.CommitAsync(ct);
        return new(access, errors, changed);
    }

    /// <summary>Writes one text; true when a row was added, changed, re-dated against the original, or removed.</summary>
    private bool Apply(TranslationLine line, string language, string text, bool confirm)
    {
        var hash = Translatable.Hash(line.Original);
        if (line.Translation is not { } existing)
        {
            if (text.Length == 0) return false;
            db.DirectoryTranslations.Add(new DirectoryTranslation
            {
                Id = Guid.NewGuid().ToString(), LinkEntity = line.Entity, LinkId = line.RecordId, FieldName = line.Field,
                Language = language, Value = text, SourceHash = hash,
            });
            return true;
        }
        if (text.Length == 0)
        {
            db.DirectoryTranslations.Remove(existing);
            return true;
        }
        // Unchanged text stays stale unless the translator says it still matches: saving the page is not a review.
        var newHash = text != existing.Value || confirm ? hash : existing.SourceHash;
        if (text == existing.Value && newHash == existing.SourceHash) return false;
        existing.Value = text;
        existing.SourceHash = newHash;
        db.DirectoryTranslations.Update(existing);
        return true;
    }

    private static string? LanguageOf(string? language, Dictionary<string, string[]> errors)
    {
        var tag = Translatable.NormaliseLanguage(language);
        if (tag is null) errors["language"] = ["Use a language code Kith knows: ISO 639-1 or 639-3, optionally with a region, e.g. es, so, hmn or es-MX."];
        else if (Translatable.Serves(tag, Translatable.OriginalLanguage)) errors["language"] = ["English is the language of the original texts; choose another language."];
        else return tag;
        return null;
    }
}
