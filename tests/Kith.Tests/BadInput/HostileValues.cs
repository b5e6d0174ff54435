using System.Text;

namespace Kith.Tests.BadInput;

/// <summary>Malformed, oversized, wrongly typed and hostile values for the sweep.</summary>
internal static class HostileValues
{
    public static readonly string[] Strings =
    [
        "",
        " ",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' OR '1'='1' --",
        "1; DROP TABLE community_staff; --",
        "../../../../etc/passwd",
        "${jndi:ldap://127.0.0.1/a}",
        "{{7*7}}",
        "%00",
        "\u0000",
        "\uFFFF\uFFFE",
        "\ud800", // lone surrogate
        "😀👨‍👩‍👧",
        "-1",
        "0",
        "99999999999999999999999999",
        "1e309",
        "NaN",
        "null",
        "true",
        "00000000-0000-0000-0000-000000000000",
        new string('a', 10_000),
    ];

    /// <summary>
    /// Values a form field gets all at once: extreme dates and numbers, markup, unicode, very long text, empty.
    /// A browser sends whatever a person (or a script) puts in a field, whatever its type says.
    /// </summary>
    public static readonly string[] FormValues =
    [
        "",
        "0001-01-01",
        "9999-12-31T23:59:59",
        "-99999999999999999999",
        "NaN",
        "<script>alert(1)</script>\"' OR '1'='1 -- 😀\u202e",
        new string('a', 10_000),
    ];

    /// <summary>One field alone gets the values its type invites, the others keep their defaults.</summary>
    public static string[] ForField(string type) => type switch
    {
        "date" => ["0001-01-01", "9999-12-31"],
        "datetime-local" => ["9999-12-31T23:59:59", "0001-01-01T00:00"],
        "time" => ["24:00", "23:59:59.9999999"],
        "number" or "range" => ["1e309", "-99999999999999999999"],
        "checkbox" or "radio" => ["NaN"],
        "select" => ["00000000-0000-0000-0000-000000000000", "-1"],
        "hidden" => ["00000000-0000-0000-0000-000000000000", "9999-12-31"],
        "file" => [],
        _ => ["9999-12-31", new string('x', 10_000)],
    };

    /// <summary>Structured text for text boxes and uploads: documents that parse but hold nothing usable.</summary>
    public static readonly (string Name, string Text)[] Documents =
    [
        ("empty MultiPolygon", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"x","name":"x","population":1},"geometry":{"type":"MultiPolygon","coordinates":[]}}]}"""),
        ("empty polygon ring", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"x","name":"x","population":1},"geometry":{"type":"Polygon","coordinates":[[]]}}]}"""),
        ("huge numbers", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"x","name":"x","population":1e309},"geometry":{"type":"Polygon","coordinates":[[[1e309,-1e309],[0,0],[0,1],[1e309,-1e309]]]}}]}"""),
        ("deep nesting", new string('[', 5000) + new string(']', 5000)),
        ("not json", "\u0000\uFFFE<xml/>"),
    ];

    /// <summary>Path segments, already percent-encoded where needed (invalid UTF-8 included).</summary>
    public static readonly string[] PathSegments =
    [
        "%27%20OR%201%3D1", "%3Cscript%3E", "..%2F..%2Fetc%2Fpasswd", "%FF%FE%FD", "%C3%28", "%00", "-1",
        "99999999999999999999", "00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString(), new string('a', 4000), "null",
    ];

    /// <summary>Bodies that are not valid JSON, or valid JSON of the wrong shape.</summary>
    public static IEnumerable<(string Name, byte[] Body, string ContentType)> Bodies()
    {
        yield return ("empty", [], "application/json");
        yield return ("truncated", "{\"a\":"u8.ToArray(), "application/json");
        yield return ("not json", "hello"u8.ToArray(), "application/json");
        yield return ("array", "[]"u8.ToArray(), "application/json");
        yield return ("number", "12345"u8.ToArray(), "application/json");
        yield return ("string", "\"text\""u8.ToArray(), "application/json");
        yield return ("null", "null"u8.ToArray(), "application/json");
        yield return ("invalid utf-8", [0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], "application/json");
        yield return ("deep nesting", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), "application/json");
        yield return ("wrong content type", "{}"u8.ToArray(), "text/plain");
        yield return ("form instead of json", "a=1&b=2"u8.ToArray(), "application/x-www-form-urlencoded");
        yield return ("xml", "<a>1</a>"u8.ToArray(), "application/xml");
    }

    public static byte[] TenMegabytes()
    {
        var sb = new StringBuilder(10 * 1024 * 1024 + 32);
        sb.Append("{\"name\":\"");
        sb.Append('x', 10 * 1024 * 1024);
        sb.Append("\"}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
