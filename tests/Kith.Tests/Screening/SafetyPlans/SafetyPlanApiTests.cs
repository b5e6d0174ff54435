using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Kith.Tests.Screening.SafetyPlans;

/// <summary><c>/api/safety-plans</c>: codes in bodies only; bad input is a 400 problem, a wrong code one uniform 404, never a 500.</summary>
[Trait("Category", "Integration")]
public sealed class SafetyPlanApiTests(PlanApp app) : IClassFixture<PlanApp>
{
    [Fact]
    public async Task Create_open_save_and_delete()
    {
        var api = app.CreateClient();
        var created = await api.PostAsJsonAsync("/api/safety-plans", Plan(("warning-signs", "Api-1-sign", null), ("helpers", "Api-1-aunt", "555 0100")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        var opened = await api.PostAsJsonAsync("/api/safety-plans/open", new { code });
        var body = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Api-1-aunt", body.GetProperty("sections").GetProperty("helpers")[0].GetProperty("text").GetString());
        Assert.Equal("555 0100", body.GetProperty("sections").GetProperty("helpers")[0].GetProperty("phone").GetString());

        var saved = await api.PostAsJsonAsync("/api/safety-plans/save", new { code, sections = Plan(("reasons", "Api-1-reason", null)).Sections });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var reopened = await (await api.PostAsJsonAsync("/api/safety-plans/open", new { code })).Content.ReadAsStringAsync();
        Assert.Contains("Api-1-reason", reopened);
        Assert.DoesNotContain("Api-1-sign", reopened);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync("/api/safety-plans/delete", new { code })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/safety-plans/open", new { code })).StatusCode);
    }

    public static TheoryData<string> BadPlans => new()
    {
        """{"sections":{"no-such-step":[{"text":"x"}]}}""",
        """{"sections":{"reasons":[{"text":"x","phone":"555 0100"}]}}""",
        """{"sections":{"helpers":[{"text":"Aunt","phone":"call me maybe"}]}}""",
        """{"sections":{"helpers":[{"phone":"555 0100"}]}}""",
        """{"sections":{"reasons":[{"text":"THIS_IS_LONG"}]}}""",
        """{"sections":{"reasons":[{"text":"1"},{"text":"2"},{"text":"3"},{"text":"4"},{"text":"5"},{"text":"6"},{"text":"7"},{"text":"8"},{"text":"9"},{"text":"10"},{"text":"11"}]}}""",
        """{"sections":{}}""",
        """{}""",
        """{"sections":{"reasons":"not a list"}}""",
        """{"sections":{"reasons":[{"text":"x"}]""",
        """[1,2,3]""",
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task Bad_plans_are_400_problem_details(string json)
    {
        var api = app.CreateClient();
        json = json.Replace("THIS_IS_LONG", new string('x', 201));

        var response = await api.PostAsync("/api/safety-plans", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Field_problems_name_the_field()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/safety-plans", Plan(("helpers", "Aunt", "call me")));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("helpers.0.phone", out _));
    }

    [Theory]
    [InlineData("""{"code":"hello"}""")]
    [InlineData("""{"code":"0000-0000-0000-0000-0000"}""")]
    [InlineData("""{"code":null}""")]
    [InlineData("""{}""")]
    public async Task Wrong_codes_get_one_404_everywhere(string json)
    {
        var api = app.CreateClient();
        foreach (var path in new[] { "open", "delete", "share", "stop-sharing" })
        {
            var response = await api.PostAsync($"/api/safety-plans/{path}", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("Code not recognised", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task A_malformed_body_on_open_is_400_not_500()
    {
        var response = await app.CreateClient().PostAsync("/api/safety-plans/open", new StringContent("{\"code\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_download_without_a_valid_code_or_token_is_refused_without_a_500()
    {
        var client = app.Browser();
        var noToken = await client.PostAsync("/safety-plan/download", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var token = await Staff.AntiforgeryTokenAsync(client, "/safety-plan/open");
        var wrong = await client.PostAsync("/safety-plan/download", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["code"] = "x" }));
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }

    private static PlanBody Plan(params (string Section, string Text, string? Phone)[] entries) =>
        new(entries.GroupBy(e => e.Section).ToDictionary(g => g.Key, g => g.Select(e => new EntryBody(e.Text, e.Phone)).ToArray()));

    private sealed record EntryBody(string Text, string? Phone);
    private sealed record PlanBody(Dictionary<string, EntryBody[]> Sections);
}
