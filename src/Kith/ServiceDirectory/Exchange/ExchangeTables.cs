using System.Text.Json.Nodes;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Hsds;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>A reference from a field to the <c>id</c> of a table; <c>Declared</c> when the datapackage itself lists it.</summary>
internal sealed record HsdsReference(HsdsField Field, HsdsTable Target, bool Declared);

/// <summary>
/// The tables import and export exchange: the HSDS 3.0 tables exactly as <see cref="HsdsSchema"/> binds them,
/// plus Kith's capacity table under its HSDS 3.1 name <c>service_capacity</c> and its translations (ADR 29).
/// </summary>
internal static class ExchangeTables
{
    /// <summary>HSDS 3.1 names the table service_capacity; Kith's figure names its unit in text rather than a unit table.</summary>
    public static readonly HsdsTable Capacity = new("service_capacity", "service_capacity.csv", "directory_service_capacities",
        typeof(ServiceCapacity), HsdsSchema.Tables.Count + 1,
        [
            Field<ServiceCapacity>("id", "string", "uuid", required: true), Field<ServiceCapacity>("service_id", "string", "uuid", required: true),
            Field<ServiceCapacity>("unit", "string", null, required: true), Field<ServiceCapacity>("available", "number", null, required: true),
            Field<ServiceCapacity>("maximum", "number", null), Field<ServiceCapacity>("description", "string", null),
            Field<ServiceCapacity>("updated", "datetime", null, required: true),
        ],
        [new HsdsForeignKey("service_id", "service")]);

    /// <summary>
    /// HSDS 3.0 has no translations: Kith's are one row per (record, field, language), the record named as attributes
    /// name theirs (<c>link_entity</c>, <c>link_id</c>), so <see cref="TranslationRows"/> checks that link itself.
    /// </summary>
    public static readonly HsdsTable Translation = new("translation", "translations.csv", "directory_translations",
        typeof(DirectoryTranslation), HsdsSchema.Tables.Count + 2,
        [
            Field<DirectoryTranslation>("id", "string", "uuid", required: true), Field<DirectoryTranslation>("link_entity", "string", null, required: true),
            Field<DirectoryTranslation>("link_id", "string", null, required: true), Field<DirectoryTranslation>("field_name", "string", null, required: true),
            Field<DirectoryTranslation>("language", "string", null, required: true), Field<DirectoryTranslation>("value", "string", null, required: true),
            Field<DirectoryTranslation>("source_hash", "string", null),
        ], []);

    private static readonly (HsdsTable Table, string Description)[] Extensions =
    [
        (Capacity, "Kith extension (HSDS 3.1 service_capacity): how much of a service is free now; unit is named in text."),
        (Translation, "Kith extension: a service's, organization's or schedule's text field (field_name) in another language (BCP 47 tag: "
            + "ISO 639-1 or 639-3, optionally with script and region). link_entity is service, organization or schedule; source_hash is the "
            + "SHA-256 (lower-case hex, UTF-8) of the original text translated, so a changed original marks the translation out of date; "
            + "empty means it translates the original as imported."),
    ];

    public static IReadOnlyList<HsdsTable> All { get; } = [.. HsdsSchema.Tables, Capacity, Translation];

    public static HsdsTable? Named(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// The references of a table: the datapackage's own foreign keys, plus the parent ids its field names imply
    /// (<c>parent_id</c> is a term's parent, <c>&lt;table&gt;_id</c> points at that table). <c>link_id</c> and
    /// <c>resource_id</c> point at whichever table their companion field names, so they are not checked.
    /// </summary>
    public static IReadOnlyList<HsdsReference> References(HsdsTable table) =>
        table.Fields.Skip(1).Select(f =>
        {
            var declared = table.ForeignKeys.FirstOrDefault(k => k.Field == f.Name);
            if (declared is not null) return new HsdsReference(f, Named(declared.Table)!, true);
            var target = f.Name switch
            {
                "parent_id" => table,
                "parent_organization_id" => Named("organization"),
                _ when f.Name.EndsWith("_id", StringComparison.Ordinal) => Named(f.Name[..^3]),
                _ => null,
            };
            return target is null ? null : new HsdsReference(f, target, false);
        }).OfType<HsdsReference>().ToList();

    /// <summary>The exported datapackage.json: the official one, with Kith's extension tables added as more resources.</summary>
    public static string DatapackageJson()
    {
        var package = JsonNode.Parse(HsdsSchema.DatapackageJson())!.AsObject();
        foreach (var (table, description) in Extensions) package["resources"]!.AsArray().Add(Resource(table, description));
        return package.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonObject Resource(HsdsTable table, string description)
    {
        var fields = new JsonArray();
        foreach (var f in table.Fields)
        {
            var field = new JsonObject { ["name"] = f.Name, ["type"] = f.Type };
            if (f.Format is not null) field["format"] = f.Format;
            if (f.Required) field["constraints"] = new JsonObject { ["required"] = true };
            fields.Add(field);
        }
        var schema = new JsonObject { ["fields"] = fields, ["primaryKey"] = "id" };
        if (table.ForeignKeys.Count > 0)
            schema["foreignKeys"] = new JsonArray(table.ForeignKeys.Select(k => (JsonNode)new JsonObject
            {
                ["fields"] = k.Field,
                ["reference"] = new JsonObject { ["resource"] = k.Table, ["fields"] = "id" },
            }).ToArray());
        return new JsonObject { ["name"] = table.Name, ["path"] = table.Path, ["description"] = description, ["schema"] = schema };
    }

    private static HsdsField Field<T>(string name, string type, string? format, bool required = false) =>
        new(name, type, format, required, name == "id", typeof(T).GetProperty(
            string.Concat(name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))!);
}
