using System.Net.Http.Json;
using System.Text.Json;
using static Kith.Tests.Concerns.Admin.AdminApi;

namespace Kith.Tests.Concerns.Admin;

/// <summary><c>/api/concerns/admin/rules</c>: the rules in order, in words, changed and tested — and the router that submissions use agrees.</summary>
[Trait("Category", "Integration")]
public sealed class RoutingRulesApiTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Rules_are_added_before_the_catch_all_moved_changed_deleted_and_audited()
    {
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin@rules-api.test", Roles.Admin);
        var school = await Staff.AddOrganisationAsync(app, "Riverbend High School");
        var county = await CreateTeamAsync(admin, "County crisis team");
        var counselling = await CreateTeamAsync(admin, "High School counselling team");
        Assert.False((await BookAsync(admin)).GetProperty("hasCatchAll").GetBoolean());

        var catchAll = await CreateRuleAsync(admin, new { teamId = county });
        var spanish = await CreateRuleAsync(admin, new { teamId = counselling, language = "es", category = "bullying", organisationId = school });
        var book = await BookAsync(admin);
        Assert.True(book.GetProperty("hasCatchAll").GetBoolean());
        Assert.Equal([spanish, catchAll], Ids(book, spanish, catchAll)); // the new rule went before the catch-all
        Assert.Equal("Spanish concerns about bullying at Riverbend High School → High School counselling team", Rule(book, spanish).GetProperty("sentence").GetString());
        Assert.Equal("Every other concern → County crisis team", Rule(book, catchAll).GetProperty("sentence").GetString());

        await JsonAsync(await admin.PostAsJsonAsync($"{Root}/rules/{catchAll}/move", new { direction = "up" }), HttpStatusCode.OK);
        book = await BookAsync(admin);
        Assert.Equal([catchAll, spanish], Ids(book, spanish, catchAll));
        Assert.True(Rule(book, spanish).GetProperty("neverUsed").GetBoolean()); // the catch-all above takes everything
        await JsonAsync(await admin.PostAsJsonAsync($"{Root}/rules/{catchAll}/move", new { direction = "down" }), HttpStatusCode.OK);

        var changed = await JsonAsync(await admin.PutAsJsonAsync($"{Root}/rules/{spanish}", new { teamId = counselling, language = "so" }), HttpStatusCode.OK);
        Assert.Equal("Somali concerns → High School counselling team", changed.GetProperty("sentence").GetString());
        await JsonAsync(await admin.DeleteAsync($"{Root}/rules/{spanish}"), HttpStatusCode.NoContent);
        Assert.Equal([catchAll], Ids(await BookAsync(admin), spanish, catchAll));

        Assert.Equal(["concerns.rule-created", "concerns.rule-updated", "concerns.rule-deleted"], await AuditActionsAsync(app, spanish.ToString()));
        Assert.Equal(["concerns.rule-created", "concerns.rule-moved", "concerns.rule-moved"], await AuditActionsAsync(app, catchAll.ToString()));
        Assert.True(await ConcernData.ReadAsync(app, db => db.AuditEntries.Where(e => e.SubjectId == spanish.ToString()).AllAsync(e => e.ActorId == adminId)));
    }

    [Fact]
    public async Task Bad_rules_are_refused_with_the_field_named_and_unknown_ids_are_404()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-bad@rules-api.test", Roles.Admin);
        var team = await CreateTeamAsync(admin, "Rules API bad");
        var off = await CreateTeamAsync(admin, "Rules API switched off");
        await admin.PutAsJsonAsync($"{Root}/teams/{off}", new { name = "Rules API switched off", active = false });

        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules", new { }), "teamId");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules", new { teamId = Guid.NewGuid() }), "teamId");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules", new { teamId = off }), "teamId");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules", new { teamId = team, category = "astrology" }), "category");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules", new { teamId = team, language = "fr" }), "language");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules", new { teamId = team, tier = "soon" }), "tier");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules", new { teamId = team, organisationId = Guid.NewGuid() }), "organisationId");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules", new { teamId = team, areaId = Guid.NewGuid() }), "areaId");
        var rule = await CreateRuleAsync(admin, new { teamId = team, tier = "urgent" });
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/rules/{rule}/move", new { direction = "sideways" }), "direction");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Root}/rules/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"{Root}/rules/{Guid.NewGuid()}", new { teamId = team })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Root}/rules/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"{Root}/rules/{Guid.NewGuid()}/move", new { direction = "up" })).StatusCode);
    }

    [Fact]
    public async Task A_responder_is_refused()
    {
        var (responder, _) = await Staff.SignedInAsync(app, "responder@rules-api.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Rules API denied"));
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.GetAsync($"{Root}/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.PostAsJsonAsync($"{Root}/rules/test", new { tier = "routine" })).StatusCode);
    }

    private static async Task<JsonElement> BookAsync(HttpClient admin) => await JsonAsync(await admin.GetAsync($"{Root}/rules"), HttpStatusCode.OK);

    /// <summary>These rules' ids in list order (other tests of the class add rules of their own).</summary>
    private static List<Guid> Ids(JsonElement book, params Guid[] mine) =>
        book.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Where(mine.Contains).ToList();

    private static JsonElement Rule(JsonElement book, Guid id) => book.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
}
