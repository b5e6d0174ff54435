using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kith.Community.Domain;
using Xunit.Abstractions;

namespace Kith.Tests.BadInput;

/// <summary>
/// Walks every operation the OpenAPI document lists and throws malformed, oversized, wrongly typed
/// and hostile input at it, anonymously and as an admin. Nothing may answer 5xx or leak a stack trace;
/// API errors must be problem details.
/// </summary>
[Trait("Category", "Integration")]
[RunsLong]
public sealed class BadInputSweepTests(KithApp app, ITestOutputHelper output) : IClassFixture<KithApp>
{
    private readonly List<string> failures = [];
    private int requests;

    [Fact]
    public async Task No_operation_answers_bad_input_with_a_server_error_or_a_stack_trace()
    {
        var org = await Staff.AddOrganisationAsync(app, "Sweep School");
        await Staff.AddAsync(app, "admin@sweep.test", Roles.Admin, org);
        var admin = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(admin, "admin@sweep.test")).StatusCode);
        var anonymous = app.Browser();

        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);

        foreach (var op in operations)
        {
            foreach (var client in new[] { anonymous, admin })
            {
                foreach (var path in HostilePaths(op))
                    await SendAsync(client, op.Method, path, null, null);
                foreach (var query in HostileQueries(op))
                    await SendAsync(client, op.Method, Fill(op.Path, "1") + query, null, null);
                if (op.HasBody)
                {
                    foreach (var (name, body, type) in HostileValues.Bodies())
                        await SendAsync(client, op.Method, Fill(op.Path, Guid.NewGuid().ToString()), body, type, name);
                    foreach (var body in WrongTypedBodies(op.BodySchema))
                        await SendAsync(client, op.Method, Fill(op.Path, Guid.NewGuid().ToString()), Encoding.UTF8.GetBytes(body), "application/json");
                }
            }
            if (op.HasBody)
                await SendAsync(admin, op.Method, Fill(op.Path, Guid.NewGuid().ToString()), HostileValues.TenMegabytes(), "application/json", "10 MB");
        }

        output.WriteLine($"{operations.Count} operations, {requests} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers of {requests}:\n" + string.Join("\n", failures.Take(40)));
    }

    private async Task SendAsync(HttpClient client, string method, string path, byte[]? body, string? contentType, string? label = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }
        requests++;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (HttpRequestException e)
        {
            // The server may refuse an oversized body by closing the connection after answering 413.
            if (label == "10 MB") return;
            failures.Add($"{method} {Short(path)} [{label}]: connection failed: {e.Message}");
            return;
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type == "text/event-stream") return; // a live stream: status checked, body is endless
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
                failures.Add($"{method} {Short(path)} [{label ?? contentType}]: {status}");
            if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains(".cs:line", StringComparison.Ordinal)
                || text.Contains("Exception:", StringComparison.Ordinal) || text.Contains("System.", StringComparison.Ordinal) && text.Contains("Exception", StringComparison.Ordinal))
                failures.Add($"{method} {Short(path)} [{label ?? contentType}]: stack trace or exception text in the response");
            // Requests the HTTP server itself refuses while parsing (e.g. a NUL in the path) never reach the
            // app, so they carry none of its headers; Kestrel answers those with a bare 4xx (400, 414, 431), which is fine.
            var reachedApp = response.Headers.Contains("Content-Security-Policy");
            if (!reachedApp && status is < 400 or >= 500)
                failures.Add($"{method} {Short(path)} [{label ?? contentType}]: {status} from the server without reaching the app");
            if (reachedApp && status >= 400 && path.StartsWith("/api", StringComparison.Ordinal) && type != "application/problem+json")
                failures.Add($"{method} {Short(path)} [{label ?? contentType}]: {status} without a problem detail ({type ?? "no body"})");
            // A bare "Bad Request" leaves the caller guessing: every refusal says what was wrong.
            if (reachedApp && status is >= 400 and < 500 && type == "application/problem+json" && !SaysWhatWasWrong(text))
                failures.Add($"{method} {Short(path)} [{label ?? contentType}]: {status} problem without a detail or field errors");
        }
    }

    private static bool SaysWhatWasWrong(string problem)
    {
        using var json = JsonDocument.Parse(problem);
        var root = json.RootElement;
        return root.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 }
            || root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any();
    }

    private static string Short(string path) => path.Length > 120 ? path[..120] + "…" : path;

    private sealed record Operation(string Method, string Path, IReadOnlyList<string> QueryParameters, bool HasBody, JsonNode? BodySchema);

    private static IEnumerable<Operation> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description") continue;
                var query = op!["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToList() ?? [];
                var schema = op["requestBody"]?["content"]?["application/json"]?["schema"];
                yield return new(method.ToUpperInvariant(), path, query, op["requestBody"] is not null, Resolve(document, schema));
            }
        }
    }

    private static JsonNode? Resolve(JsonNode document, JsonNode? schema)
    {
        var reference = (string?)schema?["$ref"];
        if (reference is null) return schema;
        JsonNode? node = document;
        foreach (var part in reference.TrimStart('#', '/').Split('/')) node = node?[part];
        return node;
    }

    private static string Fill(string template, string value) =>
        System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", value);

    private static IEnumerable<string> HostilePaths(Operation op)
    {
        if (!op.Path.Contains('{')) { yield return op.Path; yield break; }
        foreach (var segment in HostileValues.PathSegments) yield return Fill(op.Path, segment);
    }

    private static IEnumerable<string> HostileQueries(Operation op)
    {
        var names = op.QueryParameters.Concat(["unknown"]).ToList();
        foreach (var value in HostileValues.Strings.Where(v => v.Length < 5000))
            yield return "?" + string.Join("&", names.Select(n => $"{n}={Uri.EscapeDataString(SafeForUri(value))}"));
        yield return "?" + string.Join("&", names.Select(n => $"{n}=%FF%FE"));
        yield return "?" + string.Join("&", names.Select(n => $"{n}={new string('9', 3000)}"));
    }

    // A lone surrogate cannot be percent-encoded; send its replacement character instead.
    private static string SafeForUri(string value) => value.Contains('\ud800') ? "\uFFFD" : value;

    /// <summary>For each property of the body schema: the wrong JSON type, and each hostile string.</summary>
    private static IEnumerable<string> WrongTypedBodies(JsonNode? schema)
    {
        var properties = schema?["properties"]?.AsObject();
        if (properties is null) yield break;
        var names = properties.Select(p => p.Key).ToList();
        foreach (var name in names)
        {
            foreach (var wrong in new[] { "123", "true", "[]", "{}", "null", "\"not-a-guid\"", "-99999999999", "1.5e308" })
                yield return $"{{\"{name}\":{wrong}}}";
        }
        foreach (var value in HostileValues.Strings)
        {
            var encoded = JsonSerializer.Serialize(value);
            yield return "{" + string.Join(",", names.Select(n => $"\"{n}\":{encoded}")) + "}";
        }
        yield return "{" + string.Join(",", names.Select(n => $"\"{n}\":[\"a\",1,null,{{}}]")) + "}";
    }
}

/// <summary>The page forms are not in the OpenAPI document; hostile posts to them must fail cleanly too.</summary>
[Trait("Category", "Integration")]
public sealed class HostileFormPostTests(KithApp app) : IClassFixture<KithApp>
{
    public static TheoryData<string> FormPages => ["/staff/sign-in", "/staff/change-password", "/"];

    [Theory]
    [MemberData(nameof(FormPages))]
    public async Task Posts_without_a_token_or_with_garbage_are_refused_with_4xx(string page)
    {
        var client = app.Browser();
        var bodies = new List<HttpContent>
        {
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-in", ["Input.Email"] = "a@b.c", ["Input.Password"] = "x" }),
            new ByteArrayContent([0x49, 0x6E, 0x3D, 0xC3, 0x28, 0xFF, 0x26]) { Headers = { ContentType = new("application/x-www-form-urlencoded") } },
            new StringContent("{\"Input.Email\":1}", Encoding.UTF8, "application/json"),
            new ByteArrayContent(HostileValues.TenMegabytes()) { Headers = { ContentType = new("application/x-www-form-urlencoded") } },
        };
        foreach (var body in bodies)
        {
            HttpResponseMessage response;
            try { response = await client.PostAsync(page, body); }
            catch (HttpRequestException) { continue; } // connection closed after a 413 for the 10 MB body
            var text = await response.Content.ReadAsStringAsync();
            // A page that needs a signed-in person sends the anonymous poster to sign in; others refuse.
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.StartsWith("/staff/sign-in", response.Headers.Location!.PathAndQuery);
            else
                Assert.InRange((int)response.StatusCode, 400, 499);
            Assert.DoesNotContain("   at ", text);
        }
    }

    private static string Printable(string value) =>
        new(value.Take(20).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    [Fact]
    public async Task A_sign_in_with_hostile_values_and_a_valid_token_is_a_plain_refusal()
    {
        var client = app.Browser();
        foreach (var value in HostileValues.Strings.Where(v => !v.Contains('\ud800')))
        {
            var token = await Staff.AntiforgeryTokenAsync(client, "/staff/sign-in");
            var response = await client.PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = value,
                ["Input.Password"] = value,
            }));
            // Either the form again with its errors, or (for bytes a form cannot carry, like NUL) the error page.
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {Printable(value)}");
            Assert.Contains("<h1", html);
            Assert.Contains("get-help", html);
            Assert.DoesNotContain("<script>alert(1)</script>", html);
        }
    }
}
