using System.Net.Http.Json;
using System.Text.Json;
using Kith.Community.Domain;

namespace Kith.Tests.Community.StaffAccounts;

[Trait("Category", "Integration")]
public sealed class StaffApiTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task An_admin_creates_an_account_whose_temporary_password_signs_in_to_the_change_password_page_only()
    {
        var org = await Staff.AddOrganisationAsync(app, "Staff API Clinic");
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin@staff-api.test", Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/staff", new
        {
            email = "new.responder@staff-api.test", displayName = "New Responder", roles = new[] { Roles.Responder }, organisationIds = new[] { org },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var password = body.GetProperty("temporaryPassword").GetString()!;
        var id = body.GetProperty("staff").GetProperty("id").GetString()!;
        Assert.Equal("responder", body.GetProperty("staff").GetProperty("roles")[0].GetString());
        Assert.Equal(org, body.GetProperty("staff").GetProperty("organisations")[0].GetProperty("id").GetGuid());

        var list = await admin.GetStringAsync("/api/staff");
        Assert.Contains("new.responder@staff-api.test", list);
        Assert.DoesNotContain(password, list);

        var person = app.Browser();
        var signIn = await Staff.SignInAsync(person, "new.responder@staff-api.test", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/staff/change-password", Staff.RedirectPath(signIn));
        var dashboard = await person.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/staff/change-password", Staff.RedirectPath(dashboard));
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/areas")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var created = await db.AuditEntries.SingleAsync(e => e.Action == "staff.created" && e.SubjectId == id);
        Assert.Equal(adminId, created.ActorId);
        Assert.DoesNotContain(password, created.Detail ?? "");
    }

    [Fact]
    public async Task Access_changes_reset_lock_and_unlock_work_and_are_audited()
    {
        var first = await Staff.AddOrganisationAsync(app, "Staff API First");
        var second = await Staff.AddOrganisationAsync(app, "Staff API Second");
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin2@staff-api.test", Roles.Admin);
        var id = await Staff.AddAsync(app, "worker@staff-api.test", Roles.Responder, first);

        var access = await admin.PutAsJsonAsync($"/api/staff/{id}/access", new { roles = new[] { Roles.Coordinator, Roles.Leader }, organisationIds = new[] { second } });
        Assert.Equal(HttpStatusCode.OK, access.StatusCode);
        var summary = await access.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["coordinator", "leader"], summary.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(second, summary.GetProperty("organisations").EnumerateArray().Single().GetProperty("id").GetGuid());

        var locked = await admin.PostAsync($"/api/staff/{id}/lock", null);
        Assert.True((await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("locked").GetBoolean());
        var lockedOut = await Staff.SignInAsync(app.Browser(), "worker@staff-api.test");
        Assert.Equal(HttpStatusCode.OK, lockedOut.StatusCode);
        Assert.Contains("That email and password did not open an account.", await lockedOut.Content.ReadAsStringAsync());

        var unlocked = await admin.PostAsync($"/api/staff/{id}/unlock", null);
        Assert.False((await unlocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(app.Browser(), "worker@staff-api.test")).StatusCode);

        var reset = await admin.PostAsync($"/api/staff/{id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var temporary = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("temporaryPassword").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Staff.SignInAsync(app.Browser(), "worker@staff-api.test")).StatusCode); // the old password no longer works
        var withTemporary = await Staff.SignInAsync(app.Browser(), "worker@staff-api.test", temporary);
        Assert.Equal("/staff/change-password", Staff.RedirectPath(withTemporary));

        await using var scope = app.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<KithDb>().AuditEntries
            .Where(e => e.SubjectId == id && e.ActorId == adminId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["staff.access-changed", "staff.locked", "staff.unlocked", "staff.password-reset"], actions);
    }

    [Fact]
    public async Task Bad_requests_are_validation_problems_and_unknown_ids_are_404()
    {
        var org = await Staff.AddOrganisationAsync(app, "Staff API Validation");
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin3@staff-api.test", Roles.Admin);

        var badEmail = await admin.PostAsJsonAsync("/api/staff", new { email = "not-an-email", displayName = "", roles = new[] { "responder" }, organisationIds = new[] { org } });
        var badRole = await admin.PostAsJsonAsync("/api/staff", new { email = "x@staff-api.test", displayName = "X", roles = new[] { "superuser" }, organisationIds = new[] { org } });
        var noOrg = await admin.PostAsJsonAsync("/api/staff", new { email = "y@staff-api.test", displayName = "Y", roles = new[] { "responder" }, organisationIds = Array.Empty<Guid>() });
        var missing = await admin.PutAsJsonAsync("/api/staff/no-such-id/access", new { roles = new[] { "responder" }, organisationIds = new[] { org } });
        var selfDemote = await admin.PutAsJsonAsync($"/api/staff/{adminId}/access", new { roles = new[] { "responder" }, organisationIds = new[] { org } });
        var selfLock = await admin.PostAsync($"/api/staff/{adminId}/lock", null);

        foreach (var r in new[] { badEmail, badRole, noOrg, selfDemote, selfLock })
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        }
        var errors = (await badEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.Contains("coordinator", (await badRole.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/staff/no-such-id/reset-password", null)).StatusCode);
    }

    [Fact]
    public async Task Non_admins_get_403_problems_from_every_staff_endpoint()
    {
        var org = await Staff.AddOrganisationAsync(app, "Staff API Coordinators");
        var (coordinator, id) = await Staff.SignedInAsync(app, "coordinator@staff-api.test", Roles.Coordinator, org);

        var responses = new[]
        {
            await coordinator.GetAsync("/api/staff"),
            await coordinator.PostAsJsonAsync("/api/staff", new { email = "z@staff-api.test", displayName = "Z", roles = new[] { "admin" }, organisationIds = Array.Empty<Guid>() }),
            await coordinator.PutAsJsonAsync($"/api/staff/{id}/access", new { roles = new[] { "admin" }, organisationIds = Array.Empty<Guid>() }),
            await coordinator.PostAsync($"/api/staff/{id}/reset-password", null),
            await coordinator.PostAsync($"/api/staff/{id}/unlock", null),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "z@staff-api.test"));
    }

    [Fact]
    public async Task Admins_changing_one_account_at_the_same_moment_get_answers_never_a_server_error()
    {
        var org = await Staff.AddOrganisationAsync(app, "Staff API Race");
        var (admin, _) = await Staff.SignedInAsync(app, "admin-race@staff-api.test", Roles.Admin);
        var id = await Staff.AddAsync(app, "raced@staff-api.test", Roles.Responder, org);

        // Lock, unlock, reset and re-scope at once, several rounds: Identity reports the losers of each race as a
        // failed result, which used to stay tracked and turn the next save into a 500.
        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(
                admin.PostAsync($"/api/staff/{id}/lock", null),
                admin.PostAsync($"/api/staff/{id}/unlock", null),
                admin.PostAsync($"/api/staff/{id}/reset-password", null),
                admin.PutAsJsonAsync($"/api/staff/{id}/access", new { roles = new[] { Roles.Responder }, organisationIds = new[] { org } }),
                admin.PostAsync($"/api/staff/{id}/lock", null));
            statuses.AddRange(answers.Select(a => a.StatusCode));
        }

        Assert.All(statuses, s => Assert.True((int)s < 500, $"answered {(int)s}"));
        Assert.Contains(HttpStatusCode.OK, statuses);
        var after = await admin.PostAsync($"/api/staff/{id}/unlock", null);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
