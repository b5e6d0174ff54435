using System.Net.Http.Json;
using System.Text.Json;
using Kith.Community.Domain;

namespace Kith.Tests.Community.Areas;

[Trait("Category", "Integration")]
public sealed class AreasApiTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task An_admin_imports_areas_then_staff_list_them_and_read_one_as_a_geojson_feature()
    {
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin@areas-api.test", Roles.Admin);
        var org = await Staff.AddOrganisationAsync(app, "Areas API Clinic");
        var (responder, _) = await Staff.SignedInAsync(app, "responder@areas-api.test", Roles.Responder, org);

        var first = await admin.PostAsJsonAsync("/api/areas/import", AreaGeoJson.Collection(
            AreaGeoJson.Square("api-north", "North", 1200, -70.0, 44.0), AreaGeoJson.Square("api-south", "South", 800, -70.0, 43.9)));
        var second = await admin.PostAsJsonAsync("/api/areas/import", AreaGeoJson.Collection(
            AreaGeoJson.Square("api-north", "North (corrected)", 1250, -70.0, 44.0), AreaGeoJson.Square("api-east", "East", 10, -69.9, 44.0)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstCounts = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, firstCounts.GetProperty("created").GetInt32());
        var secondCounts = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, secondCounts.GetProperty("created").GetInt32());
        Assert.Equal(1, secondCounts.GetProperty("updated").GetInt32());

        var list = await responder.GetFromJsonAsync<JsonElement>("/api/areas");
        var north = list.EnumerateArray().Single(a => a.GetProperty("code").GetString() == "api-north");
        Assert.Equal(1250, north.GetProperty("population").GetInt32());
        Assert.Equal("North (corrected)", north.GetProperty("name").GetString());
        Assert.InRange(north.GetProperty("centroidLatitude").GetDouble(), 44.0, 44.01);
        Assert.Equal(3, list.EnumerateArray().Count(a => a.GetProperty("code").GetString()!.StartsWith("api-")));

        var feature = await responder.GetFromJsonAsync<JsonElement>($"/api/areas/{north.GetProperty("id").GetGuid()}");
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("Polygon", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(5, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetArrayLength());
        Assert.Equal("api-north", feature.GetProperty("properties").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await responder.GetAsync($"/api/areas/{Guid.NewGuid()}")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "areas.imported" && e.ActorId == adminId));
    }

    [Fact]
    public async Task Bad_geojson_is_a_400_listing_every_problem_and_writes_nothing()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin2@areas-api.test", Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/areas/import", AreaGeoJson.WithProblems("api-bad"));
        var notACollection = await admin.PostAsJsonAsync("/api/areas/import", new { type = "Feature" });
        var notJson = await admin.PostAsync("/api/areas/import", new StringContent("{ nope", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("geojson")
            .EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("feature 2") && p.Contains("code"));
        Assert.Contains(problems, p => p.Contains("feature 2") && p.Contains("Polygon"));
        Assert.Contains(problems, p => p.Contains("feature 3") && p.Contains("population"));
        Assert.Contains(problems, p => p.Contains("feature 3") && p.Contains("geometry"));
        Assert.Equal(HttpStatusCode.BadRequest, notACollection.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KithDb>().Areas.AnyAsync(a => a.Code.StartsWith("api-bad")));
    }

    [Fact]
    public async Task An_empty_multipolygon_is_a_400_naming_the_feature_not_a_server_error()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin3@areas-api.test", Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/areas/import", AreaGeoJson.EmptyMultiPolygon("api-empty"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("geojson");
        Assert.Equal("feature 1 (api-empty): the boundary has no polygons.", Assert.Single(problems.EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Only_admins_may_import()
    {
        var org = await Staff.AddOrganisationAsync(app, "Areas API Leaders");
        var (leader, _) = await Staff.SignedInAsync(app, "leader@areas-api.test", Roles.Leader, org);

        var response = await leader.PostAsJsonAsync("/api/areas/import", AreaGeoJson.Collection(AreaGeoJson.Square("api-leader", "L", 1, -70, 44)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KithDb>().Areas.AnyAsync(a => a.Code == "api-leader"));
    }
}
