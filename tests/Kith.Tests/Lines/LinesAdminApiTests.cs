using System.Net.Http.Json;
using System.Text.Json;
using Kith.Tests.Concerns;
using static Kith.Tests.Concerns.Admin.AdminApi;

namespace Kith.Tests.Lines;

/// <summary><c>/api/lines</c>: administrators configure lines; bad input names its field; every change is audited; nobody else gets in.</summary>
[Trait("Category", "Integration")]
public sealed class LinesAdminApiTests(LinesApp app) : IClassFixture<LinesApp>
{
    internal static object Body(string slug, Guid team, string? number = null, Guid? backup = null, string name = "Riverside Line",
        Dictionary<string, string[]>? hours = null, string[]? caring = null) => new
    {
        name, slug, audience = "Seniors", languages = new[] { "en", "es" }, smsNumber = number, timeZone = "America/Chicago",
        hours = hours ?? new Dictionary<string, string[]> { ["monday"] = ["09:00-17:00"], ["tuesday"] = ["09:00-17:00"] },
        holidays = new[] { "2027-12-25" },
        messages = new Dictionary<string, object>
        {
            ["en"] = new { greeting = "Hello from Riverside", closed = "We are closed", busy = "Everyone is busy", optOut = "No more texts", help = "Riverside help" },
            ["es"] = new { greeting = "Hola desde Riverside" },
        },
        teams = new[] { team }, backupLineId = backup, maxWait = new { imminent = 30, urgent = 120, routine = 900 }, caringContacts = caring,
    };

    [Fact]
    public async Task An_admin_creates_lists_and_changes_a_line_and_each_change_is_audited_with_ids_only()
    {
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin@lines-api.test", Roles.Admin);
        var team = await CreateTeamAsync(admin, "Lines API team");

        var backup = await JsonAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-api-backup", team, "+15075550901", name: "Backup")), HttpStatusCode.Created);
        var created = await JsonAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-api-riverside", team, "+15075550902", backup.GetProperty("id").GetGuid())), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        // Monday 1 March 2027, 9:00 in Chicago (the app's clock): open until 17:00.
        Assert.True(created.GetProperty("openNow").GetBoolean());
        Assert.Equal(["en", "es"], created.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Hola desde Riverside", created.GetProperty("messages").GetProperty("es").GetProperty("greeting").GetString());
        Assert.Equal(30, created.GetProperty("maxWait").GetProperty("imminent").GetInt32());

        // Tuesdays only now, and no backup: closed until Tuesday 9:00.
        var changed = await JsonAsync(await admin.PutAsJsonAsync($"/api/lines/{id}",
            Body("lines-api-riverside", team, "+15075550902", hours: new() { ["tuesday"] = ["09:00-17:00"] })), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("backupLineId").ValueKind);
        var read = await JsonAsync(await admin.GetAsync($"/api/lines/{id}"), HttpStatusCode.OK);
        Assert.False(read.GetProperty("openNow").GetBoolean());
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.FromHours(-6)), read.GetProperty("nextOpening").GetDateTimeOffset());
        var list = await JsonAsync(await admin.GetAsync("/api/lines"), HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), l => l.GetProperty("slug").GetString() == "lines-api-riverside");

        Assert.Equal(["lines.line-created", "lines.line-updated"], await AuditActionsAsync(app, id.ToString()));
        var entries = await ConcernData.ReadAsync(app, db => db.AuditEntries.Where(e => e.SubjectId == id.ToString()).ToListAsync());
        Assert.All(entries, e => Assert.Equal((adminId, "line", null), (e.ActorId, e.SubjectType, e.Detail)));
    }

    [Fact]
    public async Task Bad_lines_are_refused_naming_the_field_clashes_are_409_and_only_admins_get_in()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-bad@lines-api.test", Roles.Admin);
        var team = await CreateTeamAsync(admin, "Lines API bad team");
        var a = (await JsonAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-bad-a", team, "+15075550911")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var b = (await JsonAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-bad-b", team, null, a)), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await AssertInvalidAsync(await admin.PutAsJsonAsync($"/api/lines/{a}", Body("lines-bad-a", team, "+15075550911", a)), "backupLineId"); // itself
        await AssertInvalidAsync(await admin.PutAsJsonAsync($"/api/lines/{a}", Body("lines-bad-a", team, "+15075550911", b)), "backupLineId"); // a → b → a
        await AssertInvalidAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-bad-c", Guid.NewGuid())), "teams");
        await AssertInvalidAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-bad-c", team, "555-0100")), "smsNumber");
        await AssertInvalidAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-bad-c", team, null, Guid.NewGuid())), "backupLineId");
        await AssertInvalidAsync(await admin.PostAsJsonAsync("/api/lines", new { name = "Only a name" }), "slug");
        await AssertInvalidAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-bad-c", team, caring: ["1d", "3w"])), "caringContacts");
        await AssertInvalidAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-bad-c", team, caring: ["30d", "1m"])), "caringContacts"); // one day
        await AssertConflictAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-bad-a", team)), "address");
        await AssertConflictAsync(await admin.PostAsJsonAsync("/api/lines", Body("lines-bad-d", team, "+15075550911")), "number");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/lines/{Guid.NewGuid()}", Body("lines-bad-e", team))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/lines/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(["lines.line-created"], await AuditActionsAsync(app, a.ToString())); // nothing refused was written

        var (responder, _) = await Staff.SignedInAsync(app, "responder@lines-api.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Lines API org"));
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.GetAsync("/api/lines")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.PostAsJsonAsync("/api/lines", Body("lines-bad-f", team))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/lines")).StatusCode);
    }
}
