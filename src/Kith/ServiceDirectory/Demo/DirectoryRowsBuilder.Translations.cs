using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.Demo;

internal sealed partial class DirectoryRowsBuilder
{
    /// <summary>
    /// Every translatable text of the demo that <see cref="DemoDirectory.Translations"/> has in Spanish or Somali gets a
    /// translation row, made from the text it translates: change the English and the demo's translation is stale, as in life.
    /// </summary>
    private void AddTranslations()
    {
        var records = rows.Of<Service>().Select(s => ("service", s.Id, (object)s))
            .Concat(rows.Of<DirectoryOrganization>().Select(o => ("organization", o.Id, (object)o)))
            .Concat(rows.Of<Schedule>().Select(s => ("schedule", s.Id, (object)s)))
            .ToList();
        var translations = DemoDirectory.Translations;
        foreach (var (entity, id, record) in records)
            foreach (var field in Translatable.Fields[entity])
            {
                var original = Translatable.Original(record, field);
                if (original is null || !translations.TryGetValue(original, out var translated)) continue;
                foreach (var (language, text) in new[] { ("es", translated.Es), ("so", translated.So) })
                    if (text is not null)
                        rows.Add(new DirectoryTranslation
                        {
                            Id = Id("translation", entity, id, field, language), LinkEntity = entity, LinkId = id, FieldName = field,
                            Language = language, Value = text, SourceHash = Translatable.Hash(original),
                        });
            }
    }
}
