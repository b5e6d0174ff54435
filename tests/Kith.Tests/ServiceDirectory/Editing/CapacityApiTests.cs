using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Kith.Tests.ServiceDirectory.Editing;

/// <summary>The quick capacity update: JSON API for a shelter's system or phone, and the list page's small form.</summary>
[Trait("Category", "Integration")]
public sealed class CapacityApiTests(KithApp app) : IClassFixture<KithApp>
{
    private static string Path(string id) => $"/api/directory/services/{id}/capacity";

    [Fact]
    public async Task A_coordinator_sets_free_beds_for_their_own_service()
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Capacity Shelter");
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Night shelter");
        var (coordinator, coordinatorId) = await Staff.SignedInAsync(app, "coord@capacity.test", Roles.Coordinator, kithOrg);
        var revision = await DirectoryData.RevisionAsync(app);

        var response = await coordinator.PutAsJsonAsync(Path(id), new { unit = "beds", available = 3, maximum = 12, waitlist = true });
        var again = await coordinator.PutAsJsonAsync(Path(id), new { unit = "beds", available = 2, maximum = 12, waitlist = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3m, body.GetProperty("available").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await DirectoryData.ReadAsync(app, async db =>
        {
            var capacity = await db.ServiceCapacities.SingleAsync(c => c.ServiceId == id);
            Assert.Equal(("beds", 2m, (decimal?)12m), (capacity.Unit, capacity.Available, capacity.Maximum));
            Assert.True((await db.Services.SingleAsync(s => s.Id == id)).Waitlist);
            var changes = await db.MetadataEntries.Where(m => m.ResourceId == id && m.FieldName == "capacities").OrderBy(m => m.ReplacementValue).ToListAsync();
            Assert.Equal(["2/12 beds", "3/12 beds"], changes.Select(c => c.ReplacementValue));
            Assert.Contains(changes, c => c.PreviousValue == "3/12 beds");
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "directory.capacity-updated" && e.SubjectId == id && e.ActorId == coordinatorId));
            return 0;
        });
        Assert.Equal(revision + 2, await DirectoryData.RevisionAsync(app));
    }

    [Theory]
    [InlineData("""{"unit":"beds","available":"three","maximum":12}""")]
    [InlineData("""{"unit":"beds","available":3.5,"maximum":12}""")]
    [InlineData("""{"unit":"beds","available":-1,"maximum":12}""")]
    [InlineData("""{"unit":"beds","available":13,"maximum":12}""")]
    [InlineData("""{"unit":"","available":3}""")]
    [InlineData("""{"unit":"beds"}""")]
    public async Task Bad_numbers_are_a_400_problem_and_change_nothing(string json)
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Capacity Bad " + Guid.NewGuid().ToString("N")[..6]);
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Shelter");
        var (coordinator, _) = await Staff.SignedInAsync(app, $"coord-{Guid.NewGuid():N}@capacity.test", Roles.Coordinator, kithOrg);

        var response = await coordinator.PutAsync(Path(id), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await DirectoryData.ReadAsync(app, db => db.ServiceCapacities.AnyAsync(c => c.ServiceId == id)));
    }

    [Fact]
    public async Task Another_organisations_service_is_403_an_unknown_one_404_and_anonymous_401()
    {
        var (mine, _) = await DirectoryData.AddOwnerAsync(app, "Capacity Mine");
        var (_, theirs) = await DirectoryData.AddOwnerAsync(app, "Capacity Theirs");
        var id = await DirectoryData.AddServiceAsync(app, theirs, "Their shelter");
        var (coordinator, _) = await Staff.SignedInAsync(app, "coord2@capacity.test", Roles.Coordinator, mine);
        var (responder, _) = await Staff.SignedInAsync(app, "responder@capacity.test", Roles.Responder, mine);
        var body = new { unit = "beds", available = 1, maximum = 2 };

        var forbidden = await coordinator.PutAsJsonAsync(Path(id), body);
        var unknown = await coordinator.PutAsJsonAsync(Path(Guid.NewGuid().ToString()), body);
        var anonymous = await app.Browser().PutAsJsonAsync(Path(id), body);
        var wrongRole = await responder.PutAsJsonAsync(Path(id), body);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.False(await DirectoryData.ReadAsync(app, db => db.ServiceCapacities.AnyAsync(c => c.ServiceId == id)));
    }

    [Fact]
    public async Task An_admin_may_update_any_service()
    {
        var (_, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Capacity Admin");
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Warming centre");
        var (admin, _) = await Staff.SignedInAsync(app, "admin@capacity.test", Roles.Admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(Path(id), new { unit = "seats", available = 20 })).StatusCode);
        Assert.Null(await DirectoryData.ReadAsync(app, db => db.ServiceCapacities.Where(c => c.ServiceId == id).Select(c => c.Maximum).SingleAsync()));
    }

    [Fact]
    public async Task The_small_form_on_the_list_page_updates_capacity_and_reports_bad_numbers()
    {
        var (kithOrg, dirOrg) = await DirectoryData.AddOwnerAsync(app, "Capacity Form");
        var id = await DirectoryData.AddServiceAsync(app, dirOrg, "Family shelter");
        var (coordinator, _) = await Staff.SignedInAsync(app, "coord3@capacity.test", Roles.Coordinator, kithOrg);
        var list = await coordinator.GetStringAsync("/staff/directory/services");
        Assert.Contains($"action=\"/staff/directory/services/{id}/capacity\"", list);

        async Task<HttpResponseMessage> PostAsync(string available)
        {
            var token = await Staff.AntiforgeryTokenAsync(coordinator, "/staff/directory/services");
            return await coordinator.PostAsync($"/staff/directory/services/{id}/capacity", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["unit"] = "rooms", ["available"] = available, ["maximum"] = "6", ["waitlist"] = "true",
            }));
        }
        var saved = await PostAsync("5");
        var invalid = await PostAsync("7");
        var noToken = await coordinator.PostAsync($"/staff/directory/services/{id}/capacity", new FormUrlEncodedContent(new Dictionary<string, string> { ["unit"] = "rooms", ["available"] = "1" }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("capacity-saved=", saved.Headers.Location!.OriginalString);
        Assert.Contains("capacity-invalid=", invalid.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(5m, await DirectoryData.ReadAsync(app, db => db.ServiceCapacities.Where(c => c.ServiceId == id).Select(c => c.Available).SingleAsync()));
        Assert.Contains("5 of 6 rooms free", await coordinator.GetStringAsync("/staff/directory/services"));
    }
}
