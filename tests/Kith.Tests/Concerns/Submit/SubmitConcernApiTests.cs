using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kith.Responders.Escalation;

namespace Kith.Tests.Concerns.Submit;

/// <summary>POST /api/concerns: what a partner app sends, what comes back, and what is kept.</summary>
[Trait("Category", "Integration")]
public sealed partial class SubmitConcernApiTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task A_concern_is_kept_whole_routed_paged_and_answered_with_a_receipt()
    {
        var responder = await Staff.AddAsync(app, "responder@submit.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Submit High"));
        var team = await ConcernData.AddTeamAsync(app, "Submit team", [responder]);
        await ConcernData.AddRuleAsync(app, team, 1, category: "grief");

        var response = await ConcernData.PostAsync(app.CreateClient(), ConcernData.Routine("Marker-5c1f: she cries every lunch since the funeral."));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var receipt = body.GetProperty("receipt").GetString()!;
        Assert.Matches(ReceiptShape(), receipt);
        Assert.Equal("routine", body.GetProperty("tier").GetString());
        Assert.False(body.GetProperty("showCrisisOptions").GetBoolean());
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        Assert.StartsWith("Marker-5c1f", concern.Narrative);
        await ConcernData.ReadAsync(app, async db =>
        {
            Assert.Equal((team, "new", "api", true), (concern.TeamId, concern.Status, concern.Channel, concern.Anonymous));
            Assert.NotNull(concern.ReceiptHash);
            Assert.DoesNotContain(receipt.Replace("-", ""), concern.ReceiptHash!, StringComparison.OrdinalIgnoreCase);
            Assert.True(concern.AcknowledgeBy > concern.SubmittedAt);
            Assert.Equal("new", (await db.ConcernStatusChanges.SingleAsync(s => s.ConcernId == concern.Id)).Status);
            Assert.Equal(responder, (await db.Alerts.SingleAsync(a => a.SubjectId == concern.Id)).UserId);
            Assert.True(await db.Outbox.AnyAsync(m => m.Topic == AcknowledgeDeadlineHandler.TopicName && m.IdempotencyKey == $"concern-deadline:{concern.Id:N}:0"));
            return 0;
        });
    }

    [Fact]
    public async Task The_tier_is_the_servers_and_a_score_from_the_client_is_ignored()
    {
        var client = app.CreateClient();
        var json = """{"about":"friend","categories":["suicide-self-harm"],"urgency":"danger-now","narrative":"Marker-77aa","tier":"routine","score":0}""";

        var response = await client.PostAsync("/api/concerns", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("imminent", body.GetProperty("tier").GetString());
        Assert.True(body.GetProperty("showCrisisOptions").GetBoolean());
        var stored = await ConcernData.ByReceiptAsync(app, body.GetProperty("receipt").GetString()!);
        Assert.Equal("imminent", stored.Tier);
        Assert.Contains("urgency.danger-now", stored.TriageRules);
    }

    [Fact]
    public async Task With_no_routing_rule_the_administrators_are_paged()
    {
        var admin = await Staff.AddAsync(app, "admin@submit.test", Roles.Admin);

        // The class's only rule takes grief; nothing takes bullying.
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(),
            new { about = "student", categories = new[] { "bullying" }, urgency = "can-wait", narrative = "Marker-unrouted" });

        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        Assert.Null(concern.TeamId);
        Assert.True(await ConcernData.ReadAsync(app, db => db.Alerts.AnyAsync(a => a.SubjectId == concern.Id && a.UserId == admin)));
    }

    [Theory]
    [InlineData("""{"categories":["grief"],"urgency":"can-wait"}""", "about")]
    [InlineData("""{"about":"friend","categories":[],"urgency":"can-wait"}""", "categories")]
    [InlineData("""{"about":"friend","categories":["astrology"],"urgency":"can-wait"}""", "categories")]
    [InlineData("""{"about":"friend","categories":["grief"],"urgency":"yesterday"}""", "urgency")]
    [InlineData("""{"about":"friend","categories":["grief"],"urgency":"can-wait","language":"xx"}""", "language")]
    [InlineData("""{"about":"friend","categories":["grief"],"urgency":"can-wait","contactEmail":"not-an-email"}""", "contactEmail")]
    [InlineData("""{"about":"friend","categories":["grief"],"urgency":"can-wait","contactPhone":"call me"}""", "contactPhone")]
    [InlineData("""{"about":"friend","categories":["grief"],"urgency":"can-wait","areaId":"6d1a53f2-0000-4000-8000-000000000000"}""", "areaId")]
    [InlineData("""{"about":"friend","categories":["grief"],"urgency":"can-wait","organisationId":"6d1a53f2-0000-4000-8000-000000000000"}""", "organisationId")]
    public async Task Bad_answers_are_a_400_problem_naming_the_field_and_nothing_is_kept(string json, string field)
    {
        var before = await ConcernData.ReadAsync(app, db => db.Concerns.CountAsync());

        var response = await app.CreateClient().PostAsync("/api/concerns", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await ConcernData.ReadAsync(app, db => db.Concerns.CountAsync()));
    }

    [Theory]
    [InlineData("""{"about":"friend","categories":"grief"}""")]
    [InlineData("""{"about":5}""")]
    [InlineData("""not json""")]
    [InlineData("""{"about":"friend","categories":["grief"],"urgency":"can-wait","areaId":"nope"}""")]
    public async Task Malformed_json_is_a_400_problem(string json)
    {
        var response = await app.CreateClient().PostAsync("/api/concerns", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_narrative_over_the_limit_is_refused()
    {
        var response = await ConcernData.PostAsync(app.CreateClient(), ConcernData.Routine(new string('a', 10_001)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_answer_the_first_receipt_again_and_file_one_concern()
    {
        var client = app.CreateClient();
        var before = await ConcernData.ReadAsync(app, db => db.Concerns.CountAsync());
        const string json = """{"about":"friend","categories":["grief"],"urgency":"can-wait","narrative":"Marker-IDEM-1","language":"en"}""";
        const string reformatted = """{ "language": "en", "narrative": "Marker-IDEM-1", "urgency": "can-wait", "categories": [ "grief" ], "about": "friend" }""";

        var first = await PostWithKeyAsync(client, json, "4f0c2a8e-1d7b-4d4e-9a51-idem-one");
        var retry = await PostWithKeyAsync(client, reformatted, "\"4f0c2a8e-1d7b-4d4e-9a51-idem-one\""); // the same key as an sf-string

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var body = await first.Content.ReadAsStringAsync();
        Assert.Equal(body, await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(before + 1, await ConcernData.ReadAsync(app, db => db.Concerns.CountAsync()));
        var receipt = JsonDocument.Parse(body).RootElement.GetProperty("receipt").GetString()!;
        Assert.StartsWith("Marker-IDEM-1", (await ConcernData.ByReceiptAsync(app, receipt)).Narrative);

        // Kept encrypted: the stored answer does not show the receipt.
        var stored = await ConcernData.ReadAsync(app, db => db.Database
            .SqlQuery<string>($"SELECT response AS \"Value\" FROM platform_sent_once WHERE scope = 'concerns.api' AND response IS NOT NULL").ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, r => Assert.DoesNotContain(receipt, r));

        // Another body under the key: 422, nothing filed, and the first receipt is not handed out.
        var other = await PostWithKeyAsync(client, json.Replace("Marker-IDEM-1", "Marker-IDEM-other"), "4f0c2a8e-1d7b-4d4e-9a51-idem-one");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(receipt, await other.Content.ReadAsStringAsync());

        // Without a key, the same body twice is two concerns, as before.
        Assert.Equal(HttpStatusCode.Created, (await PostWithKeyAsync(client, json, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostWithKeyAsync(client, json, null)).StatusCode);
        Assert.Equal(before + 3, await ConcernData.ReadAsync(app, db => db.Concerns.CountAsync()));
    }

    [Fact]
    public async Task A_key_in_use_is_409_a_refused_body_frees_its_key_and_a_malformed_key_is_a_400_naming_the_header()
    {
        var client = app.CreateClient();
        const string json = """{"about":"self","categories":["grief"],"urgency":"soon","language":"en"}""";
        // A first request still working: its claim is held, not completed.
        var submission = new Kith.Concerns.Submit.ConcernSubmission { About = "self", Categories = ["grief"], Urgency = "soon", Language = "en" };
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Kith.Platform.Web.Once.SentOnce>().ClaimAsync(Kith.Concerns.Submit.SubmitConcernOnce.Api,
                "idem-busy", JsonSerializer.Serialize(submission, new JsonSerializerOptions(JsonSerializerDefaults.Web)), default);
        var before = await ConcernData.ReadAsync(app, db => db.Concerns.CountAsync());

        var busy = await PostWithKeyAsync(client, json, "idem-busy");
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);

        var refused = await PostWithKeyAsync(client, """{"about":"self","urgency":"soon"}""", "idem-refused");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostWithKeyAsync(client, json, "idem-refused")).StatusCode);

        foreach (var bad in new[] { new string('k', 256), "back\\slash", "\"" })
        {
            var response = await PostWithKeyAsync(client, json, bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("Idempotency-Key", problem.GetProperty("title").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        }
        Assert.Equal(before + 1, await ConcernData.ReadAsync(app, db => db.Concerns.CountAsync()));

        // The OpenAPI document tells partners about the header and its answers.
        var operation = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!["paths"]!["/api/concerns"]!["post"]!;
        var header = operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Idempotency-Key")!;
        Assert.Equal("header", header["in"]!.GetValue<string>());
        Assert.False(header["required"]?.GetValue<bool>() ?? false);
        Assert.Contains("422", header["description"]!.GetValue<string>());
        Assert.NotNull(operation["responses"]!["409"]);
        Assert.NotNull(operation["responses"]!["422"]);
        // ...and what the answers mean: when to show the crisis lines, on a new concern and after a reporter's message.
        var document = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        Assert.Contains("showCrisisOptions", operation["description"]!.GetValue<string>());
        var receipt = Schema(document, operation["responses"]!["201"]!);
        Assert.Contains("crisis lines", receipt["properties"]!["showCrisisOptions"]!["description"]!.GetValue<string>());
        var reply = document["paths"]!["/api/concerns/follow-up/messages"]!["post"]!;
        Assert.Contains("crisisLines", reply["description"]!.GetValue<string>());
        var view = Schema(document, reply["responses"]!["200"]!);
        Assert.Contains("crisis lines", view["properties"]!["showCrisisOptions"]!["description"]!.GetValue<string>());
        Assert.Contains("showCrisisOptions is true", view["properties"]!["crisisLines"]!["description"]!.GetValue<string>());
    }

    /// <summary>A response's JSON schema, following its $ref into components.</summary>
    private static System.Text.Json.Nodes.JsonNode Schema(System.Text.Json.Nodes.JsonNode document, System.Text.Json.Nodes.JsonNode response)
    {
        var schema = response["content"]!["application/json"]!["schema"]!;
        return schema["$ref"] is { } reference ? document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]! : schema;
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/concerns") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$")]
    private static partial Regex ReceiptShape();
}
