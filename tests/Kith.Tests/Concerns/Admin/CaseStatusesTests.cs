using System.Net.Http.Json;
using System.Text.Json;
using Kith.Concerns.Domain;
using static Kith.Tests.Concerns.Admin.AdminApi;

namespace Kith.Tests.Concerns.Admin;

/// <summary>
/// The deployment's status table through <c>/api/concerns/admin/statuses</c> and <c>/transitions</c> and its page:
/// the table always keeps its "new" and a "closed" status, codes in case histories stay, statuses in use stay.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CaseStatusesTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task A_status_is_added_renamed_recoded_moved_and_deleted_and_each_change_is_audited()
    {
        var (admin, adminId) = await Staff.SignedInAsync(app, "admin@statuses.test", Roles.Admin);

        var table = await JsonAsync(await admin.PostAsJsonAsync($"{Root}/statuses", new { code = "referred", name = "Referred", kind = "open" }), HttpStatusCode.Created);
        Assert.Equal("referred", Codes(table)[^1]);
        table = await JsonAsync(await admin.PutAsJsonAsync($"{Root}/statuses/referred", new { code = "referred_out", name = "Referred elsewhere", kind = "closed" }), HttpStatusCode.OK);
        var status = Status(table, "referred_out");
        Assert.Equal(("Referred elsewhere", "closed", false), (status.GetProperty("name").GetString(), status.GetProperty("kind").GetString(), status.GetProperty("codeFixed").GetBoolean()));
        Assert.DoesNotContain("referred", Codes(table));

        var before = Codes(table).IndexOf("referred_out");
        table = await JsonAsync(await admin.PostAsJsonAsync($"{Root}/statuses/referred_out/move", new { direction = "up" }), HttpStatusCode.OK);
        Assert.Equal(before - 1, Codes(table).IndexOf("referred_out"));
        Assert.Contains("referred_out", table.GetProperty("unreachable").EnumerateArray().Select(c => c.GetString())); // no move leads there yet
        await JsonAsync(await admin.DeleteAsync($"{Root}/statuses/referred_out"), HttpStatusCode.NoContent);
        Assert.DoesNotContain("referred_out", Codes(await TableAsync(admin)));

        Assert.Equal(["concerns.status-added"], await AuditActionsAsync(app, "referred"));
        Assert.Equal(["concerns.status-updated", "concerns.status-moved", "concerns.status-deleted"], await AuditActionsAsync(app, "referred_out"));
        Assert.True(await ConcernData.ReadAsync(app, db => db.AuditEntries.Where(e => e.SubjectType == "concern-status").AllAsync(e => e.ActorId == adminId)));
    }

    [Fact]
    public async Task A_status_a_concern_is_in_cannot_be_deleted_nor_change_kind_and_a_used_code_never_changes()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-use@statuses.test", Roles.Admin);
        await JsonAsync(await admin.PostAsJsonAsync($"{Root}/statuses", new { code = "on_hold", name = "On hold", kind = "waiting" }), HttpStatusCode.Created);
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine("Marker-status-in-use"));
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        await MoveConcernAsync(concern.Id, "on_hold");

        await AssertConflictAsync(await admin.DeleteAsync($"{Root}/statuses/on_hold"), "Concerns are in this status now");
        await AssertConflictAsync(await admin.PutAsJsonAsync($"{Root}/statuses/on_hold", new { name = "On hold", kind = "open" }), "its kind cannot change");
        await AssertConflictAsync(await admin.PutAsJsonAsync($"{Root}/statuses/on_hold", new { code = "paused", name = "Paused" }), "cannot change");
        await JsonAsync(await admin.PutAsJsonAsync($"{Root}/statuses/on_hold", new { name = "Paused" }), HttpStatusCode.OK); // renaming is fine

        // Moved on: nobody is in it now, but its code is in the case history, so it stays; deleting it is allowed.
        await MoveConcernAsync(concern.Id, "acknowledged");
        Assert.True(Status(await TableAsync(admin), "on_hold").GetProperty("codeFixed").GetBoolean());
        await AssertConflictAsync(await admin.PutAsJsonAsync($"{Root}/statuses/on_hold", new { code = "paused", name = "Paused" }), "cannot change");
        await JsonAsync(await admin.DeleteAsync($"{Root}/statuses/on_hold"), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_table_keeps_one_new_status_and_at_least_one_closed_one()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-rules@statuses.test", Roles.Admin);

        await AssertConflictAsync(await admin.DeleteAsync($"{Root}/statuses/closed"), "At least one status must be of the kind “closed”");
        await AssertConflictAsync(await admin.DeleteAsync($"{Root}/statuses/new"), "exactly one status of the kind “new”");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/statuses", new { code = "received", name = "Received", kind = "new" }), "kind");
        await AssertInvalidAsync(await admin.PutAsJsonAsync($"{Root}/statuses/closed", new { name = "Closed", kind = "open" }), "closed");
        await AssertInvalidAsync(await admin.PutAsJsonAsync($"{Root}/statuses/new", new { code = "received", name = "Received" }), "code");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/statuses", new { code = "Bad Code", name = "X", kind = "open" }), "code");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/statuses", new { code = "x", name = "", kind = "open" }), "name");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/statuses", new { code = "x", name = "X", kind = "pending" }), "kind");
        await AssertConflictAsync(await admin.PostAsJsonAsync($"{Root}/statuses", new { code = "closed", name = "Closed again", kind = "closed" }), "already exists");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"{Root}/statuses/no_such", new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Root}/statuses/no_such")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"{Root}/statuses/no_such/move", new { direction = "up" })).StatusCode);
        Assert.Contains("closed", Codes(await TableAsync(admin)));
    }

    [Fact]
    public async Task Moves_are_allowed_timed_and_forbidden_but_never_automatically_out_of_new()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-moves@statuses.test", Roles.Admin);

        var table = await JsonAsync(await admin.PostAsJsonAsync($"{Root}/transitions", new { from = "in_progress", to = "acknowledged", automaticAfterDays = 30 }), HttpStatusCode.Created);
        Assert.Contains(table.GetProperty("transitions").EnumerateArray(), t => Move(t) == ("in_progress", "acknowledged", 30));
        await AssertConflictAsync(await admin.PostAsJsonAsync($"{Root}/transitions", new { from = "in_progress", to = "acknowledged" }), "already allowed");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/transitions", new { from = "new", to = "waiting_for_reporter", automaticAfterDays = 2 }), "automaticAfterDays");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/transitions", new { from = "in_progress", to = "new", automaticAfterDays = 2 }), "automaticAfterDays"); // a second automatic move out
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/transitions", new { from = "closed", to = "closed" }), "to");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/transitions", new { from = "nowhere", to = "closed" }), "from");
        await AssertInvalidAsync(await admin.PostAsJsonAsync($"{Root}/transitions", new { from = "closed", to = "new", automaticAfterDays = 0 }), "automaticAfterDays");

        table = await JsonAsync(await admin.PutAsJsonAsync($"{Root}/transitions/in_progress/acknowledged", new { automaticAfterDays = (int?)null }), HttpStatusCode.OK);
        Assert.Contains(table.GetProperty("transitions").EnumerateArray(), t => Move(t) == ("in_progress", "acknowledged", null));
        await JsonAsync(await admin.DeleteAsync($"{Root}/transitions/in_progress/acknowledged"), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Root}/transitions/in_progress/acknowledged")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"{Root}/transitions/a/b", new { automaticAfterDays = 3 })).StatusCode);
        Assert.Equal(["concerns.transition-added", "concerns.transition-updated", "concerns.transition-deleted"],
            (await AuditActionsAsync(app, "in_progress")).Where(a => a.StartsWith("concerns.transition")));
    }

    [Fact]
    public async Task The_page_adds_a_status_and_explains_why_one_in_use_cannot_be_deleted()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-page@statuses.test", Roles.Admin);
        const string page = "/staff/admin/concerns/statuses";

        var added = await Staff.PostFormAsync(admin, page, "add-status", [new("code", "with_police"), new("name", "With the police"), new("kind", "open")]);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("With the police", await added.Content.ReadAsStringAsync());
        var allowed = await Staff.PostFormAsync(admin, page, "add-transition", [new("from", "acknowledged"), new("to", "with_police"), new("days", "")]);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.True(await ConcernData.ReadAsync(app, db => db.StatusTransitions.AnyAsync(t => t.FromStatus == "acknowledged" && t.ToStatus == "with_police" && t.AutomaticAfterDays == null)));

        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine("Marker-status-page"));
        await MoveConcernAsync((await ConcernData.ByReceiptAsync(app, receipt)).Id, "with_police");
        var refused = await Staff.PostFormAsync(admin, page, "status-action", [new("delete", "with_police")]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Concerns are in this status now. Move them on before deleting it.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var bad = await Staff.PostFormAsync(admin, page, "add-status", [new("code", "Nope!"), new("name", ""), new("kind", "open")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Enter the status&#x27;s name.", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_responder_is_refused_the_api_and_the_page()
    {
        var (responder, _) = await Staff.SignedInAsync(app, "responder@statuses.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Statuses denied"));
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.GetAsync($"{Root}/statuses")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.DeleteAsync($"{Root}/statuses/closed")).StatusCode);
        var page = await responder.GetAsync("/staff/admin/concerns/statuses");
        Assert.Equal("/staff/denied", Staff.RedirectPath(page));
    }

    /// <summary>What case work does to a concern's status, with its history row.</summary>
    private async Task MoveConcernAsync(Guid id, string status) => await ConcernData.ReadAsync(app, async db =>
    {
        var concern = await db.Concerns.SingleAsync(c => c.Id == id);
        db.ConcernStatusChanges.Add(new ConcernStatusChange { Id = Guid.NewGuid(), ConcernId = id, At = DateTime.UtcNow, PreviousStatus = concern.Status, Status = status });
        concern.Status = status;
        concern.Revision++;
        return await db.SaveChangesAsync();
    });

    private static async Task<JsonElement> TableAsync(HttpClient admin) => await JsonAsync(await admin.GetAsync($"{Root}/statuses"), HttpStatusCode.OK);

    private static List<string> Codes(JsonElement table) =>
        table.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToList();

    private static JsonElement Status(JsonElement table, string code) =>
        table.GetProperty("statuses").EnumerateArray().Single(s => s.GetProperty("code").GetString() == code);

    private static (string?, string?, int?) Move(JsonElement t) =>
        (t.GetProperty("from").GetString(), t.GetProperty("to").GetString(),
            t.GetProperty("automaticAfterDays").ValueKind == JsonValueKind.Null ? null : t.GetProperty("automaticAfterDays").GetInt32());
}
