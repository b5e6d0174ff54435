using System.Net.Http.Json;
using System.Text.Json;
using static Kith.Tests.Concerns.Admin.AdminApi;

namespace Kith.Tests.Concerns.Admin;

/// <summary>"Test a concern" through the API and the page; its own app, so no other test's rules take the test concerns.</summary>
[Trait("Category", "Integration")]
public sealed class RouteTestTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task The_test_says_which_rule_and_team_take_a_concern_and_who_is_paged_and_a_real_submission_agrees()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-test@rules-api.test", Roles.Admin);
        var org = await Staff.AddOrganisationAsync(app, "Rules API Middle School");
        var responder = await Staff.AddAsync(app, "robin@rules-api.test", Roles.Responder, org);
        var school = await CreateTeamAsync(admin, "Rules API school team", responder);
        var rule = await CreateRuleAsync(admin, new { teamId = school, category = "bullying", tier = "routine", organisationId = org });

        var tried = await JsonAsync(await admin.PostAsJsonAsync($"{Root}/rules/test",
            new { organisationId = org, categories = new[] { "bullying", "grief" }, language = "en", tier = "routine" }), HttpStatusCode.OK);
        Assert.Equal(rule, tried.GetProperty("rule").GetProperty("id").GetGuid());
        Assert.Equal("Rules API school team", tried.GetProperty("teamName").GetString());
        Assert.Equal(["robin"], tried.GetProperty("pagedFirst").EnumerateArray().Select(p => p.GetString()));

        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(),
            new { about = "student", categories = new[] { "bullying", "grief" }, urgency = "can-wait", organisationId = org, narrative = "Marker-rules-test" });
        Assert.Equal((school, rule), ((await ConcernData.ByReceiptAsync(app, receipt)).TeamId!.Value, (await ConcernData.ByReceiptAsync(app, receipt)).RoutingRuleId!.Value));

        var unmatched = await JsonAsync(await admin.PostAsJsonAsync($"{Root}/rules/test",
            new { categories = new[] { "bullying" }, language = "en", tier = "urgent" }), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, unmatched.GetProperty("rule").ValueKind);
        Assert.Contains("admin-test", unmatched.GetProperty("pagedFirst").EnumerateArray().Select(p => p.GetString()));
        Assert.False(await ConcernData.ReadAsync(app, db => db.Concerns.AnyAsync(c => c.Channel == "test")));

        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules/test", new { categories = new[] { "astrology" }, tier = "routine" }), "categories");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules/test", new { categories = Array.Empty<string>(), tier = "soon" }), "tier");
    }

    [Fact]
    public async Task The_page_tries_a_concern_and_shows_the_rule_in_words_and_the_team()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-page@route-test.test", Roles.Admin);
        var org = await Staff.AddOrganisationAsync(app, "Route Test Page School");
        var team = await CreateTeamAsync(admin, "Route page team");
        await CreateRuleAsync(admin, new { teamId = team, organisationId = org, language = "es" });

        var response = await Staff.PostFormAsync(admin, "/staff/admin/concerns/rules", "route-test",
            [new("organisationId", org.ToString()), new("categories", "grief"), new("language", "es"), new("tier", "urgent")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Spanish concerns at Route Test Page School → Route page team", html);
        Assert.Contains("Team: Route page team", html);
        Assert.Contains("Paged first now: no one", html); // the team has no members yet

        var refused = await Staff.PostFormAsync(admin, "/staff/admin/concerns/rules", "route-test", [new("language", "es"), new("tier", "soon")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Choose imminent, urgent or routine.", await refused.Content.ReadAsStringAsync());
    }
}
