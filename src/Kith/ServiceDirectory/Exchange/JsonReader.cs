using System.Text.Json;
using Kith.ServiceDirectory.Hsds;

namespace Kith.ServiceDirectory.Exchange;

/// <summary>
/// Flattens HSDS JSON (one object, an array of them, or an API <c>Page</c> with <c>contents</c>) into table rows.
/// Nesting stands for the ids the tabular form spells out: a phone inside a location gets that location's id, a
/// service's <c>organization</c> object gives the service its <c>organization_id</c>, an attribute inside a service
/// links to it. An object met several times (the same phone under a service and its location) becomes one row.
/// </summary>
internal sealed class JsonReader(string file, ImportProblems problems)
{
    /// <summary>JSON property → the table its objects belong to: the table's name, its file name, or its plural.</summary>
    private static readonly Dictionary<string, HsdsTable> Nested = BuildNested();

    private readonly Dictionary<(HsdsTable, string), RawRow> rows = [];
    private readonly List<RawRow> order = [];

    public IReadOnlyList<RawRow> Read(byte[] json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            problems.Add(new SourcePosition(file), null, $"is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})");
            return [];
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array)
                ReadItems(contents, "/contents");
            else if (root.ValueKind == JsonValueKind.Array) ReadItems(root, "");
            else ReadItem(root, "");
        }
        return order;
    }

    private void ReadItems(JsonElement items, string pointer)
    {
        var i = 0;
        foreach (var item in items.EnumerateArray()) ReadItem(item, $"{pointer}/{i++}");
    }

    private void ReadItem(JsonElement item, string pointer)
    {
        var table = item.ValueKind == JsonValueKind.Object ? KindOf(item) : null;
        if (table is null)
            problems.Add(Where(pointer), null, "is not an HSDS service, organization, location, service at location, taxonomy or taxonomy term");
        else Walk(item, table, pointer, null);
    }

    /// <summary>Top-level objects carry no type name; the fields only one kind of object has tell them apart.</summary>
    private static HsdsTable? KindOf(JsonElement o)
    {
        bool Has(string name) => o.TryGetProperty(name, out _);
        string? kind =
            Has("location_type") ? "location"
            : Has("status") ? "service"
            : !Has("name") && (Has("service") || Has("location") || Has("service_id")) ? "service_at_location"
            : Has("term_uri") || Has("taxonomy_detail") || Has("code") || Has("parent_id") ? "taxonomy_term"
            : Has("version") ? "taxonomy"
            : Has("name") && Has("description") ? "organization"
            : null;
        return kind is null ? null : HsdsSchema.Table(kind);
    }

    private RawRow Walk(JsonElement o, HsdsTable table, string pointer, RawRow? parent)
    {
        var row = new RawRow(table, Where(pointer));
        foreach (var p in o.EnumerateObject())
            if (table.Field(p.Name) is { } field && p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                row[field.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => p.Value.GetRawText(),
                };
        if (row["id"] is not { Length: > 0 } id)
        {
            problems.Add(row.Source, "id", "a value is required");
            return row;
        }
        var canonical = Merge(row, id);
        if (parent is not null) LinkToParent(canonical, parent);
        foreach (var p in o.EnumerateObject())
        {
            if (!Nested.TryGetValue(p.Name, out var child) || table.Field(p.Name) is not null && p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                continue;
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                var nested = Walk(p.Value, child, $"{pointer}/{p.Name}", null);
                // A single object is what this row points at (service → organization); otherwise it belongs to this row.
                var reference = table.Field(child.Name + "_id");
                if (reference is not null) Set(canonical, reference.Name, nested["id"]);
                else LinkToParent(nested, canonical);
                if (child.Name == "program" && nested["organization_id"] is null)
                    Set(nested, "organization_id", canonical["organization_id"]);
            }
            else if (p.Value.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in p.Value.EnumerateArray())
                {
                    var itemPointer = $"{pointer}/{p.Name}/{i++}";
                    if (item.ValueKind == JsonValueKind.Object) Walk(item, child, itemPointer, canonical);
                    else problems.Add(Where(itemPointer), null, $"should be an object (a {child.Name})");
                }
            }
        }
        return canonical;
    }

    /// <summary>The ids nesting implies: a child names its parent; attributes and metadata name its table too.</summary>
    private void LinkToParent(RawRow child, RawRow parent)
    {
        switch (child.Table.Name)
        {
            case "attribute":
                Set(child, "link_id", parent["id"]);
                if (child["link_entity"] is null) Set(child, "link_entity", parent.Table.Name);
                break;
            case "metadata":
                Set(child, "resource_id", parent["id"]);
                if (child["resource_type"] is null) Set(child, "resource_type", parent.Table.Name);
                break;
            default:
                if (child.Table.Field(parent.Table.Name + "_id") is { } field) Set(child, field.Name, parent["id"]);
                break;
        }
    }

    /// <summary>Fills an empty cell; a different value where one is already set is a problem, never silently replaced.</summary>
    private void Set(RawRow row, string field, string? value)
    {
        if (value is null) return;
        var current = row[field];
        if (string.IsNullOrEmpty(current)) row[field] = value;
        else if (current != value)
            problems.Add(row.Source, field, $"'{current}' here, but '{value}' where the same {row.Table.Name} appears again");
    }

    private RawRow Merge(RawRow row, string id)
    {
        if (!rows.TryGetValue((row.Table, id), out var canonical))
        {
            rows[(row.Table, id)] = row;
            order.Add(row);
            return row;
        }
        foreach (var (field, value) in row.Cells)
        {
            var current = canonical[field];
            if (string.IsNullOrEmpty(current)) canonical[field] = value;
            else if (value is not null && current != value)
                problems.Add(row.Source, field, $"'{value}', but {canonical.Source} has '{current}' for the same {row.Table.Name} {id}");
        }
        return canonical;
    }

    private SourcePosition Where(string pointer) => new(file, Pointer: pointer.Length == 0 ? "/" : pointer);

    private static Dictionary<string, HsdsTable> BuildNested()
    {
        var map = new Dictionary<string, HsdsTable>(StringComparer.Ordinal);
        foreach (var t in ExchangeTables.All)
        {
            map.TryAdd(t.Name, t);
            map.TryAdd(Path.GetFileNameWithoutExtension(t.Path), t);
            map.TryAdd(t.Name + "s", t);
        }
        map["taxonomy_detail"] = HsdsSchema.Table("taxonomy");
        map["capacities"] = ExchangeTables.Capacity;
        return map;
    }
}
