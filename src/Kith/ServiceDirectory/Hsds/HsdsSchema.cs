using System.Reflection;
using System.Text.Json;
using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.Hsds;

/// <summary>A field of an HSDS table as the datapackage defines it, bound to the entity property that holds it.</summary>
internal sealed record HsdsField(string Name, string Type, string? Format, bool Required, bool Unique, PropertyInfo Property)
{
    public object? Get(object row) => Property.GetValue(row);
    public void Set(object row, object? value) => Property.SetValue(row, value);
}

/// <summary>A foreign key of an HSDS table: <c>Field</c> refers to <c>id</c> of <c>Table</c>.</summary>
internal sealed record HsdsForeignKey(string Field, string Table);

/// <summary>One HSDS table (a resource of the tabular datapackage) and the entity that stores it.</summary>
internal sealed record HsdsTable(string Name, string Path, string StoreTable, Type Entity, int Order,
    IReadOnlyList<HsdsField> Fields, IReadOnlyList<HsdsForeignKey> ForeignKeys)
{
    public HsdsField Id => Fields[0];
    public HsdsField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>
/// The HSDS 3.0 tabular model, read from the official datapackage.json (embedded), bound to our
/// entities. Import, export, the database mapping and the JSON documents all read from here, so a
/// field exists in one place only: the specification.
/// </summary>
internal static class HsdsSchema
{
    public const string Version = "3.0";

    private static readonly Dictionary<string, Type> Entities = new()
    {
        ["organization"] = typeof(DirectoryOrganization), ["program"] = typeof(ServiceProgram),
        ["service"] = typeof(Service), ["attribute"] = typeof(HsdsAttribute),
        ["service_at_location"] = typeof(ServiceAtLocation), ["location"] = typeof(Location),
        ["phone"] = typeof(Phone), ["contact"] = typeof(Contact), ["address"] = typeof(Address),
        ["schedule"] = typeof(Schedule), ["funding"] = typeof(Funding), ["service_area"] = typeof(ServiceArea),
        ["required_document"] = typeof(RequiredDocument), ["language"] = typeof(Language),
        ["accessibility"] = typeof(Accessibility), ["taxonomy_term"] = typeof(TaxonomyTerm),
        ["metadata"] = typeof(MetadataEntry), ["meta_table_description"] = typeof(MetaTableDescription),
        ["cost_option"] = typeof(CostOption), ["organization_identifier"] = typeof(OrganizationIdentifier),
        ["taxonomy"] = typeof(Taxonomy),
    };

    /// <summary>Every table, in the order the datapackage gives (parents before children where it matters for reading).</summary>
    public static IReadOnlyList<HsdsTable> Tables { get; } = Load();

    public static HsdsTable Table(string name) => Tables.First(t => t.Name == name);
    public static HsdsTable Table(Type entity) => Tables.First(t => t.Entity == entity);

    /// <summary>The datapackage.json text itself, for export.</summary>
    public static string DatapackageJson()
    {
        using var stream = typeof(HsdsSchema).Assembly.GetManifestResourceStream("hsds/datapackage.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<HsdsTable> Load()
    {
        using var doc = JsonDocument.Parse(DatapackageJson());
        var tables = new List<HsdsTable>();
        foreach (var resource in doc.RootElement.GetProperty("resources").EnumerateArray())
        {
            var name = resource.GetProperty("name").GetString()!;
            var path = resource.GetProperty("path").GetString()!;
            var entity = Entities[name];
            var schema = resource.GetProperty("schema");
            var fields = new List<HsdsField>();
            foreach (var f in schema.GetProperty("fields").EnumerateArray())
            {
                var fieldName = f.GetProperty("name").GetString()!;
                var constraints = f.TryGetProperty("constraints", out var c) ? c : default;
                fields.Add(new HsdsField(fieldName, f.GetProperty("type").GetString()!,
                    f.TryGetProperty("format", out var fmt) ? fmt.GetString() : null,
                    constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("required", out var r) && r.GetBoolean(),
                    constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("unique", out var u) && u.GetBoolean(),
                    PropertyFor(entity, fieldName)));
            }
            var keys = new List<HsdsForeignKey>();
            if (schema.TryGetProperty("foreignKeys", out var fks))
                foreach (var fk in fks.EnumerateArray())
                    keys.Add(new HsdsForeignKey(fk.GetProperty("fields").GetString()!,
                        fk.GetProperty("reference").GetProperty("resource").GetString()!));
            var order = resource.TryGetProperty("order", out var o) ? o.GetInt32() : tables.Count + 1;
            tables.Add(new HsdsTable(name, path, "directory_" + System.IO.Path.GetFileNameWithoutExtension(path), entity, order, fields, keys));
        }
        return tables;
    }

    /// <summary>HSDS <c>address_1</c> is held by <c>Address1</c>: names match ignoring case and underscores.</summary>
    private static PropertyInfo PropertyFor(Type entity, string field)
    {
        var wanted = field.Replace("_", "");
        return entity.GetProperties().FirstOrDefault(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"{entity.Name} has no property for HSDS field {field}.");
    }
}
