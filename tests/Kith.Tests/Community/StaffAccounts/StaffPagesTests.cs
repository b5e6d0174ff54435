using System.Text.RegularExpressions;
using Kith.Community.Domain;

namespace Kith.Tests.Community.StaffAccounts;

[Trait("Category", "Integration")]
public sealed partial class StaffPagesTests(KithApp app) : IClassFixture<KithApp>
{
    [GeneratedRegex("id=\"temporary-password\">([^<]+)<")]
    private static partial Regex TemporaryPassword();

    [Fact]
    public async Task An_admin_creates_an_account_with_the_form_and_sees_the_temporary_password_once()
    {
        var org = await Staff.AddOrganisationAsync(app, "Staff Pages Clinic");
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin@staff-pages.test", Roles.Admin);

        var response = await Staff.PostFormAsync(admin, "/staff/admin/staff/new", "new-staff",
        [
            new("email", "made.on.page@staff-pages.test"), new("displayName", "Made On Page"),
            new("roles", Roles.Coordinator), new("roles", Roles.Leader), new("organisations", org.ToString()),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var password = TemporaryPassword().Match(html).Groups[1].Value;
        Assert.Matches("^[a-z0-9]{4}(-[a-z0-9]{4}){4}$", password);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var user = await db.Users.SingleAsync(u => u.Email == "made.on.page@staff-pages.test");
        Assert.True(user.MustChangePassword);
        Assert.Equal([Roles.Coordinator, Roles.Leader], (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                                                where ur.UserId == user.Id select r.Name).ToListAsync()).Order());
        Assert.Equal([org], await db.StaffOrganisations.Where(s => s.UserId == user.Id).Select(s => s.OrganisationId).ToListAsync());

        var list = await admin.GetStringAsync("/staff/admin/staff");
        var account = await admin.GetStringAsync($"/staff/admin/staff/{user.Id}");
        Assert.Contains("Made On Page", list);
        Assert.Contains("Staff Pages Clinic", list);
        Assert.DoesNotContain(password, list);
        Assert.DoesNotContain(password, account);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "staff.viewed" && e.SubjectId == user.Id && e.ActorId == adminId));

        var person = app.Browser();
        Assert.Equal("/staff/change-password", Staff.RedirectPath(await Staff.SignInAsync(person, "made.on.page@staff-pages.test", password)));
    }

    [Fact]
    public async Task The_new_account_form_shows_problems_and_creates_nothing()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin2@staff-pages.test", Roles.Admin);

        var response = await Staff.PostFormAsync(admin, "/staff/admin/staff/new", "new-staff",
            [new("email", "broken"), new("displayName", "Broken")]);
        var noRole = await Staff.PostFormAsync(admin, "/staff/admin/staff/new", "new-staff",
            [new("email", "norole@staff-pages.test"), new("displayName", "No Role")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a valid email address.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noRole.StatusCode);
        Assert.Contains("Choose at least one role.", await noRole.Content.ReadAsStringAsync());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KithDb>().Users.AnyAsync(u => u.Email == "norole@staff-pages.test"));
    }

    [Fact]
    public async Task An_admin_edits_access_with_checkboxes_resets_the_password_and_locks_the_account_on_its_page()
    {
        var first = await Staff.AddOrganisationAsync(app, "Staff Pages First");
        var second = await Staff.AddOrganisationAsync(app, "Staff Pages Second");
        var (admin, _) = await Staff.SignedInAsync(app, "admin3@staff-pages.test", Roles.Admin);
        var id = await Staff.AddAsync(app, "edited@staff-pages.test", Roles.Responder, first);
        var page = $"/staff/admin/staff/{id}";

        var access = await Staff.PostFormAsync(admin, page, "staff-access",
            [new("roles", Roles.Coordinator), new("organisations", first.ToString()), new("organisations", second.ToString())]);
        Assert.Equal(HttpStatusCode.OK, access.StatusCode);
        Assert.Contains("Access saved.", await access.Content.ReadAsStringAsync());

        var reset = await Staff.PostFormAsync(admin, page, "reset-password", []);
        var password = TemporaryPassword().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(password);

        var locked = await Staff.PostFormAsync(admin, page, "lock", []);
        Assert.Contains("Account locked.", await locked.Content.ReadAsStringAsync());
        var refused = await Staff.SignInAsync(app.Browser(), "edited@staff-pages.test", password);
        Assert.Contains("That email and password did not open an account.", await refused.Content.ReadAsStringAsync());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        Assert.Equal(new[] { first, second }.Order(), (await db.StaffOrganisations.Where(s => s.UserId == id).Select(s => s.OrganisationId).ToListAsync()).Order());
        Assert.Equal(["coordinator"], await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync());
        var actions = await db.AuditEntries.Where(e => e.SubjectId == id).Select(e => e.Action).ToListAsync();
        Assert.Contains("staff.access-changed", actions);
        Assert.Contains("staff.password-reset", actions);
        Assert.Contains("staff.locked", actions);
    }

    [Fact]
    public async Task Staff_admin_pages_are_denied_to_non_admins()
    {
        var org = await Staff.AddOrganisationAsync(app, "Staff Pages Leaders");
        var (leader, id) = await Staff.SignedInAsync(app, "leader@staff-pages.test", Roles.Leader, org);

        foreach (var page in new[] { "/staff/admin/staff", "/staff/admin/staff/new", $"/staff/admin/staff/{id}" })
        {
            var response = await leader.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/staff/denied", Staff.RedirectPath(response));
        }
    }
}
