using System.Net.Http.Json;
using System.Text.Json;
using Kith.Community.Domain;

namespace Kith.Tests.Community.AuditTrail;

[Trait("Category", "Integration")]
public sealed class AuditApiTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task An_admin_pages_through_the_log_and_each_read_is_itself_audited()
    {
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin@audit-api.test", Roles.Admin);

        var newest = await admin.GetFromJsonAsync<JsonElement>("/api/audit?take=3");
        var ids = newest.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/audit?afterId=1&take=2");
        var pageIds = page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([2L, 3L], pageIds);
        Assert.Equal(3, page.GetProperty("nextAfterId").GetInt64());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "audit.viewed" && e.ActorId == adminId));
        var signIn = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?take=10")).GetProperty("entries").EnumerateArray()
            .First(e => e.GetProperty("action").GetString() == "staff.sign-in-succeeded");
        Assert.Equal("admin", signIn.GetProperty("actorName").GetString());
    }

    [Fact]
    public async Task Take_out_of_range_is_a_validation_problem()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin2@audit-api.test", Roles.Admin);

        var tooMany = await admin.GetAsync("/api/audit?take=501");
        var none = await admin.GetAsync("/api/audit?take=0");
        var notANumber = await admin.GetAsync("/api/audit?take=lots");

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType?.MediaType);
        Assert.Contains("take", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
    }

    [Fact]
    public async Task Verify_reports_an_intact_chain_then_the_entry_where_it_was_edited()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin3@audit-api.test", Roles.Admin);

        var intact = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(intact.GetProperty("intact").GetBoolean());
        Assert.Equal(JsonValueKind.Null, intact.GetProperty("break").ValueKind);
        Assert.Equal(64, intact.GetProperty("headHash").GetString()!.Length);
        Assert.True(intact.GetProperty("entries").GetInt64() >= 2);

        // Tamper with one row behind the application's back, as someone who owns the database might:
        // drop the append-only trigger (this class has its own database), then edit.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            if (db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal))
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER platform_audit_log_no_change ON platform_audit_log");
            else
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER platform_audit_log_no_update");
            var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync();
            entry.Action = "staff.nothing-to-see";
            await db.SaveChangesAsync();
            var tampered = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
            Assert.False(tampered.GetProperty("intact").GetBoolean());
            Assert.Equal(entry.Id, tampered.GetProperty("break").GetProperty("entryId").GetInt64());
            Assert.Contains("edited", tampered.GetProperty("break").GetProperty("reason").GetString());

            var page = await admin.GetAsync("/staff/admin/audit");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Broken", html);
            Assert.Contains("role=\"alert\"", html);
        }
    }

    [Fact]
    public async Task The_audit_page_lists_recent_entries_and_records_the_visit()
    {
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin4@audit-api.test", Roles.Admin);

        var response = await admin.GetAsync("/staff/admin/audit");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("staff.sign-in-succeeded", html);
        Assert.Contains("<th scope=\"col\">", html);
        Assert.Contains("id=\"verification\"", html);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<KithDb>().AuditEntries.AnyAsync(e => e.Action == "audit.viewed" && e.ActorId == adminId));
    }

    [Fact]
    public async Task Non_admins_cannot_read_or_verify_the_log()
    {
        var org = await Staff.AddOrganisationAsync(app, "Audit API Leaders");
        var (leader, _) = await Staff.SignedInAsync(app, "leader@audit-api.test", Roles.Leader, org);

        var list = await leader.GetAsync("/api/audit");
        var verify = await leader.GetAsync("/api/audit/verify");
        var page = await leader.GetAsync("/staff/admin/audit");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, verify.StatusCode);
        Assert.Equal("/staff/denied", Staff.RedirectPath(page));
    }
}
