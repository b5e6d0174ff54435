using System.Net.Http.Json;
using System.Text.Json;
using Kith.Community.Domain;

namespace Kith.Tests.Community.Organisations;

[Trait("Category", "Integration")]
public sealed class OrganisationsApiTests(KithApp app) : IClassFixture<KithApp>
{
    private static object Body(string name, string type = "Clinic", object? areaId = null, string? website = "https://example.org/clinic") => new
    {
        name, type, description = "Walk-in support", website, phone = "+1 555 0100", email = "hello@example.org", areaId, active = true,
    };

    [Fact]
    public async Task An_admin_creates_reads_lists_and_updates_an_organisation_and_each_change_is_audited()
    {
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin@orgs-api.test", Roles.Admin);

        var created = await admin.PostAsJsonAsync("/api/organisations", Body("Orgs API Clinic"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = org.GetProperty("id").GetGuid();
        Assert.Equal("Clinic", org.GetProperty("type").GetString());
        Assert.Equal($"/api/organisations/{id}", created.Headers.Location!.OriginalString);

        var one = await admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}");
        Assert.Equal("Orgs API Clinic", one.GetProperty("name").GetString());
        Assert.Equal("https://example.org/clinic", one.GetProperty("website").GetString());
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/organisations");
        Assert.Contains(all.EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);

        var updated = await admin.PutAsJsonAsync($"/api/organisations/{id}", Body("Orgs API Clinic (renamed)", "Library"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Library", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var stored = await db.Organisations.SingleAsync(o => o.Id == id);
        Assert.Equal(OrganisationType.Library, stored.Type);
        var audit = await db.AuditEntries.Where(e => e.SubjectId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["organisation.created", "organisation.updated"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(adminId, e.ActorId));
        Assert.All(audit, e => Assert.Null(e.Detail));
    }

    [Fact]
    public async Task A_bad_type_and_other_bad_fields_are_a_validation_problem_listing_the_allowed_types()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin2@orgs-api.test", Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/organisations",
            Body("Orgs API Bad", "Spaceship", areaId: Guid.NewGuid(), website: "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        var typeError = errors.GetProperty("type")[0].GetString()!;
        Assert.Contains("School", typeError);
        Assert.Contains("CommunityCentre", typeError);
        Assert.True(errors.TryGetProperty("website", out _));
        Assert.True(errors.TryGetProperty("areaId", out _));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KithDb>().Organisations.AnyAsync(o => o.Name == "Orgs API Bad"));
    }

    [Fact]
    public async Task A_duplicate_name_is_a_409_problem()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin3@orgs-api.test", Roles.Admin);
        await Staff.AddOrganisationAsync(app, "Orgs API Duplicate");

        var created = await admin.PostAsJsonAsync("/api/organisations", Body("Orgs API Duplicate"));
        var other = await admin.PostAsJsonAsync("/api/organisations", Body("Orgs API Other"));
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var renamed = await admin.PutAsJsonAsync($"/api/organisations/{otherId}", Body("Orgs API Duplicate"));

        Assert.Equal(HttpStatusCode.Conflict, created.StatusCode);
        Assert.Equal("application/problem+json", created.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, renamed.StatusCode);
    }

    [Fact]
    public async Task A_coordinator_edits_their_own_organisation_but_not_another_and_cannot_create()
    {
        var mine = await Staff.AddOrganisationAsync(app, "Orgs API Coordinated");
        var theirs = await Staff.AddOrganisationAsync(app, "Orgs API Not Mine");
        var (coordinator, _) = await Staff.SignedInAsync(app, "coordinator@orgs-api.test", Roles.Coordinator, mine);

        var own = await coordinator.PutAsJsonAsync($"/api/organisations/{mine}", Body("Orgs API Coordinated", "Faith"));
        var other = await coordinator.PutAsJsonAsync($"/api/organisations/{theirs}", Body("Orgs API Not Mine", "Faith"));
        var missing = await coordinator.PutAsJsonAsync($"/api/organisations/{Guid.NewGuid()}", Body("Orgs API Nowhere"));
        var create = await coordinator.PostAsJsonAsync("/api/organisations", Body("Orgs API By Coordinator"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        Assert.Equal(OrganisationType.Faith, (await db.Organisations.SingleAsync(o => o.Id == mine)).Type);
        Assert.Equal(OrganisationType.School, (await db.Organisations.SingleAsync(o => o.Id == theirs)).Type);
    }

    [Fact]
    public async Task A_responder_can_read_but_cannot_edit_even_their_own_organisation()
    {
        var mine = await Staff.AddOrganisationAsync(app, "Orgs API Responded");
        var (responder, _) = await Staff.SignedInAsync(app, "responder@orgs-api.test", Roles.Responder, mine);

        var read = await responder.GetAsync($"/api/organisations/{mine}");
        var edit = await responder.PutAsJsonAsync($"/api/organisations/{mine}", Body("Orgs API Responded", "Farm"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal("application/problem+json", edit.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_signing_in_the_api_answers_401_and_the_openapi_document_describes_it()
    {
        var anonymous = app.Browser();

        var list = await anonymous.GetAsync("/api/organisations");
        var openApi = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        var paths = openApi.GetProperty("paths");
        var put = paths.GetProperty("/api/organisations/{id}").GetProperty("put");
        Assert.Equal("UpdateOrganisation", put.GetProperty("operationId").GetString());
        Assert.True(put.GetProperty("responses").TryGetProperty("409", out _) || put.GetProperty("responses").TryGetProperty("400", out _));
        foreach (var path in new[] { "/api/areas/import", "/api/staff", "/api/staff/{id}/access", "/api/audit", "/api/audit/verify" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }
}
