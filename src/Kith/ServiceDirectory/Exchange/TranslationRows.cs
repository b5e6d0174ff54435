using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Hsds;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>
/// What the generic checks cannot say of <c>translations.csv</c>: the record it names exists (in the import or the
/// directory) and has that text field, the language is a tag Kith can name, the text is no longer than an original
/// may be, one translation per (record, field, language) — also against the directory's own rows, whose ids a
/// re-import must reuse — and a source_hash, when given, is a SHA-256. A row without one is taken as translating the
/// original as imported, so it turns stale when that original later changes.
/// </summary>
internal static class TranslationRows
{
    public static void Check(HsdsDataset dataset, IReadOnlyDictionary<HsdsTable, Dictionary<string, object>> existing, ImportProblems problems)
    {
        var table = ExchangeTables.Translation;
        if (!dataset.Holds(table)) return;
        var imported = dataset.Tables.ToDictionary(t => t.Name, t => dataset.Rows(t).ToDictionary(r => r.Id, r => r.Entity, StringComparer.Ordinal));
        var stored = existing[table].Values.Cast<DirectoryTranslation>().ToDictionary(Key, t => t.Id);
        var seen = new Dictionary<(string, string, string, string), SourcePosition>();
        foreach (var row in dataset.Rows(table))
        {
            var t = (DirectoryTranslation)row.Entity;
            if (!Translatable.Fields.ContainsKey(t.LinkEntity))
            {
                problems.Add(row.Source, "link_entity", "translations are of a service, organization or schedule");
                continue;
            }
            if (!Translatable.IsField(t.LinkEntity, t.FieldName))
                problems.Add(row.Source, "field_name", $"a {t.LinkEntity}'s translatable texts are {string.Join(", ", Translatable.Fields[t.LinkEntity])}");
            var language = Translatable.NormaliseLanguage(t.Language);
            if (language is null || Translatable.Serves(language, Translatable.OriginalLanguage))
                problems.Add(row.Source, "language", $"'{t.Language}' is not a language tag Kith can name (ISO 639-1 or 639-3, e.g. es, so, hmn, es-MX) other than English, the originals' language");
            else t.Language = language;
            if (t.Value.Length > Translatable.MaxLength) problems.Add(row.Source, "value", $"a translation can be at most {Translatable.MaxLength} characters");
            if (t.SourceHash is { } hash && (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)))
                problems.Add(row.Source, "source_hash", "a source_hash is the SHA-256 of the original text in 64 lower-case hex digits");
            var record = imported.GetValueOrDefault(t.LinkEntity)?.GetValueOrDefault(t.LinkId)
                ?? existing[HsdsSchema.Table(t.LinkEntity)].GetValueOrDefault(t.LinkId);
            if (record is null) problems.Add(row.Source, "link_id", $"no {t.LinkEntity} has the id {t.LinkId} (not in this import, not in the directory)");
            else if (Translatable.IsField(t.LinkEntity, t.FieldName)) t.SourceHash ??= Translatable.Hash(Translatable.Original(record, t.FieldName));
            var key = Key(t);
            if (seen.TryGetValue(key, out var first)) problems.Add(row.Source, "language", $"{t.LinkEntity} {t.LinkId} already has a {t.Language} translation of {t.FieldName} ({first})");
            else seen[key] = row.Source;
            if (stored.TryGetValue(key, out var id) && id != row.Id)
                problems.Add(row.Source, "id", $"the directory keeps this translation as {id}: use that id to change it");
        }
    }

    /// <summary>Whether the export may write a translation: its record is in the package and has that text field, as <see cref="Check"/> requires.</summary>
    public static bool Exportable(DirectoryTranslation t, IReadOnlyDictionary<string, HashSet<string>> exportedIds) =>
        Translatable.IsField(t.LinkEntity, t.FieldName) && exportedIds.TryGetValue(t.LinkEntity, out var ids) && ids.Contains(t.LinkId);

    private static (string, string, string, string) Key(DirectoryTranslation t) => (t.LinkEntity, t.LinkId, t.FieldName, t.Language);
}
