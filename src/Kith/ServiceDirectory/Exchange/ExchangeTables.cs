using System.Text.Json.Nodes;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Hsds;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>A reference from a field to the <c>id</c> of a table; <c>Declared</c> when the datapackage itself lists it.</summary>
internal sealed record HsdsReference(HsdsField Field, HsdsTable Target, bool Declared);

/// <summary>
/// The tables import and export exchange: the HSDS 3.0 tables exactly as <see cref="HsdsSchema"/> binds them,
/// plus Kith's capacity table under its HSDS 3.1 name <c>service_capacity</c>.
/// </summary>
internal static class ExchangeTables
{
    /// <summary>HSDS 3.1 names the table service_capacity; Kith's figure names its unit in text rather than a unit table.</summary>
    public static readonly HsdsTable Capacity = new("service_capacity", "service_capacity.csv", "directory_service_capacities",
        typeof(ServiceCapacity), HsdsSchema.Tables.Count + 1,
        [
            Field("id", "string", "uuid", required: true), Field("service_id", "string", "uuid", required: true),
            Field("unit", "string", null, required: true), Field("available", "number", null, required: true),
            Field("maximum", "number", null), Field("description", "string", null),
            Field("updated", "datetime", null, required: true),
        ],
        [new HsdsForeignKey("service_id", "service")]);

    public static IReadOnlyList<HsdsTable> All { get; } = [.. HsdsSchema.Tables, Capacity];

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

    /// <summary>The exported datapackage.json: the official one, with the capacity table added as one more resource.</summary>
    public static string DatapackageJson()
    {
        var package = JsonNode.Parse(HsdsSchema.DatapackageJson())!.AsObject();
        var fields = new JsonArray();
        foreach (var f in Capacity.Fields)
        {
            var field = new JsonObject { ["name"] = f.Name, ["type"] = f.Type };
            if (f.Format is not null) field["format"] = f.Format;
            if (f.Required) field["constraints"] = new JsonObject { ["required"] = true };
            fields.Add(field);
        }
        package["resources"]!.AsArray().Add(new JsonObject
        {
            ["name"] = Capacity.Name,
            ["path"] = Capacity.Path,
            ["description"] = "Kith extension (HSDS 3.1 service_capacity): how much of a service is free now; unit is named in text.",
            ["schema"] = new JsonObject
            {
                ["fields"] = fields,
                ["primaryKey"] = "id",
                ["foreignKeys"] = new JsonArray(new JsonObject
                {
                    ["fields"] = "service_id",
                    ["reference"] = new JsonObject { ["resource"] = "service", ["fields"] = "id" },
                }),
            },
        });
        return package.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static HsdsField Field(string name, string type, string? format, bool required = false) =>
        new(name, type, format, required, name == "id", typeof(ServiceCapacity).GetProperty(
            string.Concat(name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))!);
}
