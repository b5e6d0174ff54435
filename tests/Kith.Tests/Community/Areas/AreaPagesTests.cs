using System.Text;
using Kith.Community.Domain;

namespace Kith.Tests.Community.Areas;

[Trait("Category", "Integration")]
public sealed class AreaPagesTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task An_admin_uploads_a_geojson_file_and_the_areas_page_lists_and_draws_them()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin@area-pages.test", Roles.Admin);
        var file = Encoding.UTF8.GetBytes(AreaGeoJson.Json(AreaGeoJson.Collection(
            AreaGeoJson.Square("page-hill", "Hillside", 2300, -70.0, 44.0), AreaGeoJson.Square("page-dale", "Dale", 700, -70.01, 44.0))));

        var response = await Staff.PostMultipartAsync(admin, "/staff/areas/import", "import-areas", [], ("file", "areas.geojson", file));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"import-result\"", html);
        Assert.Contains("2 areas added", html);
        var list = await admin.GetStringAsync("/staff/areas");
        Assert.Contains("Hillside", list);
        Assert.Contains("2,300", list);
        Assert.Contains("role=\"img\"", list);
        Assert.Contains("<title>Hillside (page-hill)", list);
        Assert.Contains("<polygon points=", list);
        Assert.Contains(">Hillside</text>", list); // the name is drawn on the outline, not only in its tooltip
        Assert.Contains("href=\"/staff/areas/import\"", list);
    }

    [Fact]
    public async Task Pasted_geojson_with_problems_shows_every_problem_and_imports_nothing()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin2@area-pages.test", Roles.Admin);

        var response = await Staff.PostMultipartAsync(admin, "/staff/areas/import", "import-areas",
            [new("geojson", AreaGeoJson.Json(AreaGeoJson.WithProblems("page-bad")))]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"import-problems\"", html);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("feature 2", html);
        Assert.Contains("feature 3 (page-bad-neg)", html);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KithDb>().Areas.AnyAsync(a => a.Code.StartsWith("page-bad")));
    }

    [Fact]
    public async Task An_empty_multipolygon_pasted_or_uploaded_is_shown_as_a_problem_not_a_server_error()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin3@area-pages.test", Roles.Admin);
        var json = AreaGeoJson.Json(AreaGeoJson.EmptyMultiPolygon("page-empty"));

        var pasted = await Staff.PostMultipartAsync(admin, "/staff/areas/import", "import-areas", [new("geojson", json)]);
        var uploaded = await Staff.PostMultipartAsync(admin, "/staff/areas/import", "import-areas", [], ("file", "areas.geojson", Encoding.UTF8.GetBytes(json)));

        foreach (var response in new[] { pasted, uploaded })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("id=\"import-problems\"", html);
            Assert.Contains("feature 1 (page-empty): the boundary has no polygons.", html);
        }
    }

    [Fact]
    public async Task A_leader_sees_the_areas_but_not_the_import_and_a_responder_sees_neither()
    {
        var org = await Staff.AddOrganisationAsync(app, "Area Pages Org");
        var (leader, _) = await Staff.SignedInAsync(app, "leader@area-pages.test", Roles.Leader, org);
        var (responder, _) = await Staff.SignedInAsync(app, "responder@area-pages.test", Roles.Responder, org);

        var list = await leader.GetAsync("/staff/areas");
        var import = await leader.GetAsync("/staff/areas/import");
        var responderList = await responder.GetAsync("/staff/areas");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("href=\"/staff/areas/import\"", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Contains("/staff/denied", import.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, responderList.StatusCode);
        Assert.Contains("/staff/denied", responderList.Headers.Location!.OriginalString);
    }
}
