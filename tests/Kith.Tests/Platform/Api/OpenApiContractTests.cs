using System.Globalization;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kith.Concerns.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Kith.Tests.Platform.Api;

/// <summary>
/// What a partner gets from <c>/openapi/v1.json</c> alone. Operations come from the document, so a new one is covered
/// without touching this class: every public JSON write under /api accepts a body made from its schema, and breaking
/// any declared constraint gets a 400 problem naming the field. "Public" is read from the app's own endpoints
/// (anonymous access), so nothing is skipped by a list kept here.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class OpenApiContractTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Every_public_json_write_operation_accepts_a_body_generated_from_its_schema()
    {
        var (document, operations) = await PublicWritesAsync();
        Assert.Contains(operations, o => o.Path == "/api/concerns");
        Assert.Contains(operations, o => o.Path == "/api/safety-plans/save");

        var refused = new List<string>();
        foreach (var op in operations)
        {
            var body = await WithSecretsAsync(document, op, Generate(document, op.Schema, 0)!.AsObject());
            var response = await SendAsync(op, body);
            if (!op.Success.Contains((int)response.StatusCode))
                refused.Add($"{op.Method} {op.Path}: {(int)response.StatusCode} for {body.ToJsonString()}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }

    [Fact]
    public async Task Breaking_each_declared_constraint_gets_a_400_problem_naming_the_field()
    {
        var (document, operations) = await PublicWritesAsync();
        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var op in operations)
        {
            var schema = Resolve(document, op.Schema)!;
            var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
            foreach (var (field, raw) in schema["properties"]?.AsObject() ?? [])
            {
                var property = Resolve(document, raw)!;
                foreach (var (rule, value) in Breaks(document, property, required.Contains(field)))
                {
                    var body = await WithSecretsAsync(document, op, Generate(document, op.Schema, 0)!.AsObject());
                    if (value is Omit) body.Remove(field);
                    else body[field] = value is JsonNode node ? node.DeepClone() : JsonValue.Create(value);
                    var response = await SendAsync(op, body);
                    checkedCount++;
                    var text = await response.Content.ReadAsStringAsync();
                    if (IsSecret(op, field))
                    {
                        // A missing receipt or code gets the one 404 a wrong one gets (ADR 8, 16): nothing to learn from it.
                        if (response.StatusCode != HttpStatusCode.NotFound) wrong.Add($"{op.Method} {op.Path} {field} breaking {rule}: {(int)response.StatusCode} {text}");
                        continue;
                    }
                    var named = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                        && JsonNode.Parse(text)?["errors"]?.AsObject().ContainsKey(field) == true;
                    if ((int)response.StatusCode != 400 || !named)
                        wrong.Add($"{op.Method} {op.Path} {field} breaking {rule}: {(int)response.StatusCode} {text}");
                }
            }
        }
        Assert.True(checkedCount >= 20, $"only {checkedCount} constraints were declared");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_api_operation_has_a_summary_and_every_json_body_an_example()
    {
        var document = JsonNode.Parse(await app.Browser().GetStringAsync("/openapi/v1.json"))!;
        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
            foreach (var (method, op) in item!.AsObject())
            {
                if (string.IsNullOrWhiteSpace((string?)op!["summary"])) missing.Add($"{method} {path}: summary");
                var bodies = new[] { ("request", op["requestBody"]) }
                    .Concat(op["responses"]?.AsObject().Select(r => ("response " + r.Key, r.Value)) ?? []);
                foreach (var (what, holder) in bodies)
                    foreach (var (type, media) in holder?["content"]?.AsObject() ?? [])
                        if (type.EndsWith("json", StringComparison.Ordinal) && media!["example"] is null) missing.Add($"{method} {path}: {what} example");
            }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task The_concern_schema_lists_the_codes_the_form_uses_and_its_limits()
    {
        var document = JsonNode.Parse(await app.Browser().GetStringAsync("/openapi/v1.json"))!;
        var concern = document["components"]!["schemas"]!["ConcernSubmission"]!;
        var properties = concern["properties"]!;

        Assert.Equal(["about", "categories", "urgency"], concern["required"]!.AsArray().Select(r => (string)r!).Order());
        Assert.Equal(ConcernAnswers.About.Select(a => a.Code), Codes(properties["about"]!["enum"]));
        Assert.Equal(ConcernAnswers.Categories.Select(a => a.Code), Codes(properties["categories"]!["items"]!["enum"]));
        Assert.Equal(ConcernAnswers.Categories.Count, (int)properties["categories"]!["maxItems"]!);
        Assert.Equal(ConcernAnswers.Urgency.Select(a => a.Code), Codes(properties["urgency"]!["enum"]));
        Assert.Equal(Kith.Platform.Localization.Cultures.Supported.Select(c => c.Code), Codes(properties["language"]!["enum"]));
        Assert.Equal(10_000, (int)properties["narrative"]!["maxLength"]!);
        Assert.Equal("email", (string?)properties["contactEmail"]!["format"]);
        Assert.Equal("uuid", (string?)properties["organisationId"]!["format"]);
    }

    [Fact]
    public async Task The_api_reference_page_is_served_by_the_app_with_a_nonce_only_on_that_page()
    {
        using var browser = app.Browser();
        var redirect = await browser.GetAsync("/api/reference");
        Assert.Equal("/api/reference/", new Uri(new Uri("http://kith.test/api/reference"), redirect.Headers.Location!).AbsolutePath);
        var response = await browser.GetAsync("/api/reference/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html);
        Assert.DoesNotContain("unsafe-eval", policy);
        var sources = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.DoesNotMatch("^(https?:)?//", source); // no CDN
            var script = await browser.GetAsync(new Uri(new Uri(browser.BaseAddress!, "/api/reference/"), source));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
        var other = await browser.GetAsync("/");
        Assert.Equal(Kith.Platform.Security.SecurityHeaders.ContentSecurityPolicy, string.Join(";", other.Headers.GetValues("Content-Security-Policy")));
    }

    // ---- the operations, from the document and the app's endpoints ----

    private sealed record Operation(string Method, string Path, JsonNode Schema, IReadOnlyList<int> Success);

    private async Task<(JsonNode Document, List<Operation> Operations)> PublicWritesAsync()
    {
        var document = JsonNode.Parse(await app.Browser().GetStringAsync("/openapi/v1.json"))!;
        var anonymous = AnonymousRoutes();
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
            foreach (var (method, op) in item!.AsObject())
            {
                if (method is not ("post" or "put" or "patch") || op!["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema) continue;
                if (!anonymous.Contains((method.ToUpperInvariant(), path))) continue;
                var success = op["responses"]!.AsObject().Select(r => int.Parse(r.Key, CultureInfo.InvariantCulture)).Where(s => s is >= 200 and < 300).ToList();
                operations.Add(new(method.ToUpperInvariant(), path, schema, success));
            }
        return (document, operations);
    }

    /// <summary>Routes anyone may call: the endpoint allows anonymous access or asks for no authorization at all.</summary>
    private HashSet<(string, string)> AnonymousRoutes()
    {
        var routes = new HashSet<(string, string)>();
        foreach (var endpoint in app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0) continue;
            var path = Constraint().Replace(endpoint.RoutePattern.RawText ?? "", "{$1}").TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                routes.Add((method, path.StartsWith('/') ? path : "/" + path));
        }
        return routes;
    }

    private async Task<HttpResponseMessage> SendAsync(Operation op, JsonObject body)
    {
        var path = !op.Path.Contains("{id}", StringComparison.Ordinal) ? op.Path
            : op.Path.StartsWith("/api/public/groups/", StringComparison.Ordinal) ? op.Path.Replace("{id}", (await GroupAsync()).ToString(), StringComparison.Ordinal)
            : op.Path.StartsWith("/api/public/volunteer-opportunities/", StringComparison.Ordinal) ? op.Path.Replace("{id}", (await OpportunityAsync()).ToString(), StringComparison.Ordinal)
            : op.Path;
        using var request = new HttpRequestMessage(new HttpMethod(op.Method), path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        return await app.CreateClient().SendAsync(request);
    }

    /// <summary>
    /// A receipt or plan code cannot come from a schema: like a client, take a fresh one from the operations that
    /// hand them out (themselves called with generated bodies).
    /// </summary>
    private static bool IsSecret(Operation op, string field) =>
        field == "receipt" || field == "code" && (op.Path.StartsWith("/api/safety-plans/", StringComparison.Ordinal) || op.Path.StartsWith(GroupCodes, StringComparison.Ordinal));

    /// <summary>Operations that take a group member's private code: a client gets one by joining a group.</summary>
    private const string GroupCodes = "/api/public/groups/mine";

    private async Task<JsonObject> WithSecretsAsync(JsonNode document, Operation op, JsonObject body)
    {
        if (body.ContainsKey("receipt")) body["receipt"] = await IssuedAsync(document, "/api/concerns", "receipt");
        // Which contact is valid depends on the route chosen (a mobile number for "sms"), which a schema cannot say.
        if (op.Path.StartsWith("/api/public/volunteer-opportunities/", StringComparison.Ordinal) && body["contactRoute"]?.ToString() == "sms") body["contact"] = "+15075550100";
        if (body.ContainsKey("code") && op.Path.StartsWith("/api/safety-plans/", StringComparison.Ordinal))
            body["code"] = await IssuedAsync(document, "/api/safety-plans", "code");
        if (op.Path.StartsWith(GroupCodes, StringComparison.Ordinal))
        {
            var code = await IssuedAsync(document, "/api/public/groups/{id}/join", "code");
            body["code"] = code;
            if (body.ContainsKey("enrolmentId"))
            {
                var mine = await app.CreateClient().PostAsJsonAsync("/api/public/groups/mine", new { code });
                body["enrolmentId"] = (string)JsonNode.Parse(await mine.Content.ReadAsStringAsync())!["groups"]![0]!["enrolmentId"]!;
            }
        }
        return body;
    }

    private Task<Guid>? group;
    private Task<Guid>? opportunity;

    /// <summary>A volunteer opportunity anyone may sign up for, offered once by a coordinator.</summary>
    private Task<Guid> OpportunityAsync()
    {
        lock (app) return opportunity ??= OfferAsync();
    }

    private async Task<Guid> OfferAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var organisation = await Staff.AddOrganisationAsync(app, $"Contract volunteers {tag}");
        var (coordinator, _) = await Staff.SignedInAsync(app, $"volunteers-{tag}@contract.test", "coordinator", organisation);
        var created = await coordinator.PostAsJsonAsync("/api/volunteers/opportunities", new { title = "Host", description = "Welcome people.", commitment = "An hour a week", role = "volunteer" });
        return (Guid)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
    }


    /// <summary>A group anyone may join, made once by a coordinator as its page would be (ids in paths come from what exists).</summary>
    private Task<Guid> GroupAsync()
    {
        lock (app) return group ??= MakeGroupAsync();
    }

    private async Task<Guid> MakeGroupAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8]; // each test of the class makes its own, in the class's one app
        var organisation = await Staff.AddOrganisationAsync(app, $"Contract test centre {tag}");
        var (coordinator, _) = await Staff.SignedInAsync(app, $"coordinator-{tag}@contract.test", "coordinator", organisation);
        var created = await coordinator.PostAsJsonAsync("/api/groups", new
        {
            name = "Open group", kind = "drop-in", description = "Anyone may drop in.", facilitators = "Volunteers",
            videoUrl = "https://meet.example.org/open", firstStart = "2099-01-06T18:00", durationMinutes = 60, rule = "FREQ=WEEKLY", capacity = 500,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (Guid)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
    }

    private async Task<string> IssuedAsync(JsonNode document, string path, string field)
    {
        var schema = document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var response = await SendAsync(new("POST", path, schema, [201]), Generate(document, schema, 0)!.AsObject());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())![field]!;
    }

    // ---- a small generator: required fields, first enum value, lengths within limits, formats ----

    private static JsonNode? Generate(JsonNode document, JsonNode schemaOrRef, int depth)
    {
        var schema = Resolve(document, schemaOrRef)!;
        Assert.True(depth < 8, "schema nests too deep");
        if (schema["oneOf"] is JsonArray choices)
            return choices.Select(c => Generate(document, c!, depth + 1)).FirstOrDefault(n => n is not null);
        if (schema["enum"] is JsonArray codes) return codes[0]?.DeepClone();
        var types = Types(schema);
        if (types.Contains("object") || schema["properties"] is not null)
        {
            var body = new JsonObject();
            foreach (var name in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
                body[name] = Generate(document, schema["properties"]![name]!, depth + 1);
            if (body.Count == 0 && schema["additionalProperties"] is JsonObject values && (int?)schema["minProperties"] > 0)
                body[(string?)schema["propertyNames"]?["enum"]?[0] ?? "key"] = Generate(document, values, depth + 1);
            return body;
        }
        if (types.Contains("array"))
            return new JsonArray(Enumerable.Range(0, Math.Max(1, (int?)schema["minItems"] ?? 1)).Select(_ => Generate(document, schema["items"]!, depth + 1)).ToArray());
        if (types.Contains("string"))
        {
            Assert.True(schema["pattern"] is null, $"no generator for a required pattern {schema["pattern"]}");
            return (string?)schema["format"] switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date-time" => "2026-01-05T09:30:00Z",
                "date" => "2026-01-05",
                "email" => "partner@example.org",
                _ => new string('a', Math.Clamp(8, (int?)schema["minLength"] ?? 0, (int?)schema["maxLength"] ?? 8)),
            };
        }
        if (types.Contains("integer")) return 1;
        if (types.Contains("number")) return 1.5;
        if (types.Contains("boolean")) return true;
        return null;
    }

    private sealed class Omit;

    /// <summary>One value per declared constraint that breaks it and nothing else.</summary>
    private static IEnumerable<(string Rule, object Value)> Breaks(JsonNode document, JsonNode property, bool required)
    {
        if (required) yield return ("required", new Omit());
        var types = Types(property);
        if (property["enum"] is not null) yield return ("enum", "not-a-code");
        if (types.Contains("array") && Resolve(document, property["items"]!)?["enum"] is JsonArray items)
        {
            yield return ("items enum", new JsonArray("not-a-code"));
            if ((int?)property["maxItems"] is { } most)
                yield return ("maxItems", new JsonArray(Enumerable.Range(0, most + 1).Select(i => (JsonNode?)items[i % items.Count]!.DeepClone()).ToArray()));
        }
        if (property["propertyNames"]?["enum"] is not null && property["additionalProperties"] is JsonObject values)
            yield return ("propertyNames", new JsonObject { ["not-a-key"] = Generate(document, values, 1) });
        if (types.Contains("string") && property["enum"] is null)
        {
            var format = (string?)property["format"];
            if ((int?)property["maxLength"] is { } max)
                yield return ("maxLength", format == "email" ? new string('a', max + 1 - "@example.org".Length) + "@example.org"
                    : property["pattern"] is not null ? new string('1', max + 1) : new string('a', max + 1));
            if ((int?)property["minLength"] is > 1 and var min) yield return ("minLength", new string('a', min - 1));
            if (property["pattern"] is not null) yield return ("pattern", "letters, not a match!");
            if (format == "email") yield return ("format email", "not-an-email");
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

    private static HashSet<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => (string)t!).ToHashSet(),
        JsonValue one => [(string)one!],
        _ => [],
    };

    private static IEnumerable<string> Codes(JsonNode? list) => list!.AsArray().Select(c => (string)c!);

    [GeneratedRegex("\\{([^}:]+)(:[^}]*)?\\}")]
    private static partial Regex Constraint();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
