using System.Globalization;
using System.Text.Json.Nodes;
using Kith.ServiceDirectory.Hsds;

namespace Kith.ServiceDirectory.HsdsApi;

/// <summary>
/// An HSDS object's own fields as JSON, named and ordered by the specification (the datapackage bound
/// in <see cref="HsdsSchema"/>). Empty fields are left out: the schemas type them as strings and
/// numbers, so null would not validate.
/// </summary>
internal static class HsdsJson
{
    public static JsonObject Fields(object row, Func<HsdsField, bool>? include = null)
    {
        var json = new JsonObject();
        foreach (var field in HsdsSchema.Table(row.GetType()).Fields)
        {
            if (include is not null && !include(field)) continue;
            if (Value(field.Get(row)) is { } value) json[field.Name] = value;
        }
        return json;
    }

    /// <summary>Dates as YYYY-MM-DD, times as HH:MM:SS, moments as ISO 8601 UTC with Z, numbers as numbers.</summary>
    public static JsonNode? Value(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        decimal d => JsonValue.Create(d),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        bool b => JsonValue.Create(b),
        Guid g => JsonValue.Create(g.ToString()),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => JsonValue.Create(t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
        DateTime t => JsonValue.Create(Utc(t)),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>Databases hand back UTC moments with an unspecified kind (SQLite) or as UTC (PostgreSQL).</summary>
    public static string Utc(DateTime t) =>
        DateTime.SpecifyKind(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
