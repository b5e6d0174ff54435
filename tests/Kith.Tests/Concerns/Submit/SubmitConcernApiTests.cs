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

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$")]
    private static partial Regex ReceiptShape();
}
