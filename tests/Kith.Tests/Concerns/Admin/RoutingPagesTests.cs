using static Kith.Tests.Concerns.Admin.AdminApi;

namespace Kith.Tests.Concerns.Admin;

/// <summary>The routing pages as an administrator uses them without JavaScript: plain form posts, answers in the page.</summary>
[Trait("Category", "Integration")]
public sealed class RoutingPagesTests(RoutingAdminApp app) : IClassFixture<RoutingAdminApp>
{
    private const string Teams = "/staff/admin/concerns/teams";

    [Fact]
    public async Task A_team_is_made_staffed_put_on_call_in_local_time_and_taken_apart_on_its_page()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin@routing-pages.test", Roles.Admin);
        var casey = await PersonAsync(app, "casey@routing-pages.test");
        var dana = await PersonAsync(app, "dana@routing-pages.test");

        var created = await Staff.PostFormAsync(admin, $"{Teams}/new", "team", [new("name", "Pages safety team"), new("leadUserId", casey)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = Staff.RedirectPath(created);
        var id = Guid.Parse(page.Split('/')[^1]);

        Assert.Equal(HttpStatusCode.OK, (await Staff.PostFormAsync(admin, page, "add-member", [new("userId", dana), new("email", "true")])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Staff.PostFormAsync(admin, page, "member-alerts", [new("email", casey), new("sms", casey), new("email", dana)])).StatusCode);
        var members = await ConcernData.ReadAsync(app, db => db.TeamMembers.Where(m => m.TeamId == id).ToDictionaryAsync(m => m.UserId, m => (m.EmailAlerts, m.SmsAlerts)));
        Assert.Equal((true, true), members[casey]);
        Assert.Equal((true, false), members[dana]);

        // 09:00 in Chicago now; a shift from 10:00 to 18:00 local.
        var added = await Staff.PostFormAsync(admin, page, "add-shift", [new("userId", dana), new("startsAt", "2027-03-01T10:00"), new("endsAt", "2027-03-01T18:00")]);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var shift = await ConcernData.ReadAsync(app, db => db.OnCallShifts.SingleAsync(s => s.TeamId == id));
        Assert.Equal((new DateTime(2027, 3, 1, 16, 0, 0), new DateTime(2027, 3, 2, 0, 0, 0)), (shift.StartsAt, shift.EndsAt));
        Assert.Contains("Nobody is on call now: every member is paged.", await admin.GetStringAsync(page));
        app.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            Assert.Contains("On call now: dana", await admin.GetStringAsync(page));
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromHours(-2));
        }

        var refused = await Staff.PostFormAsync(admin, page, "add-shift", [new("userId", dana), new("startsAt", "2027-03-01T18:00"), new("endsAt", "2027-03-01T10:00")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The shift must end after it starts.", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await Staff.PostFormAsync(admin, page, "remove-shift", [new("shiftId", shift.Id.ToString())])).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Staff.PostFormAsync(admin, page, "remove-member", [new("userId", casey)])).StatusCode); // the lead
        Assert.Equal(HttpStatusCode.OK, (await Staff.PostFormAsync(admin, page, "remove-member", [new("userId", dana)])).StatusCode);
        Assert.Equal([casey], await ConcernData.ReadAsync(app, db => db.TeamMembers.Where(m => m.TeamId == id).Select(m => m.UserId).ToListAsync()));
        Assert.False(await ConcernData.ReadAsync(app, db => db.OnCallShifts.AnyAsync(s => s.TeamId == id)));
        // Only Casey's alerts changed (SMS on); Dana's were already as posted, so nothing was written for her.
        Assert.Equal(["concerns.team-created", "concerns.team-member-added", "concerns.team-member-updated",
            "concerns.shift-added", "concerns.shift-removed", "concerns.team-member-removed"], await AuditActionsAsync(app, id.ToString()));
    }

    [Fact]
    public async Task Saving_a_team_with_a_bad_backup_shows_why_and_the_list_flags_a_team_with_nobody_to_page()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-list@routing-pages.test", Roles.Admin);
        var empty = await Staff.PostFormAsync(admin, $"{Teams}/new", "team", [new("name", "Pages empty team")]);
        var page = Staff.RedirectPath(empty);
        var id = page.Split('/')[^1];

        var self = await Staff.PostFormAsync(admin, page, "team", [new("name", "Pages empty team"), new("backupTeamId", id), new("active", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("A team cannot be its own backup.", await self.Content.ReadAsStringAsync());
        var blank = await Staff.PostFormAsync(admin, $"{Teams}/new", "team", [new("name", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Enter the team&#x27;s name.", await blank.Content.ReadAsStringAsync());

        var list = await admin.GetStringAsync(Teams);
        var row = list[list.IndexOf("Pages empty team", StringComparison.Ordinal)..];
        Assert.Contains("Nobody to page", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task A_rule_is_added_on_its_page_read_back_as_a_sentence_moved_and_deleted_from_the_list()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-rules@routing-pages.test", Roles.Admin);
        var team = await CreateTeamAsync(admin, "Pages grief team");
        var catchAll = await CreateRuleAsync(admin, new { teamId = team });

        var created = await Staff.PostFormAsync(admin, "/staff/admin/concerns/rules/new", "rule", [new("teamId", team.ToString()), new("category", "grief"), new("tier", "routine")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var rule = Guid.Parse(Staff.RedirectPath(created).Split('/')[^1]);
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/staff/admin/concerns/rules"));
        Assert.Contains("Concerns about grief or loss rated routine → Pages grief team", list);
        Assert.DoesNotContain("There is no catch-all rule", list);
        Assert.True(list.IndexOf("grief or loss", StringComparison.Ordinal) < list.IndexOf("Every other concern", StringComparison.Ordinal));

        var moved = await Staff.PostFormAsync(admin, "/staff/admin/concerns/rules", "rule-action", [new("down", rule.ToString())]);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("Never used: a rule above takes all these concerns", await moved.Content.ReadAsStringAsync());
        var bad = await Staff.PostFormAsync(admin, "/staff/admin/concerns/rules/new", "rule", [new("teamId", team.ToString()), new("language", "fr")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Choose English, Spanish or Somali.", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Staff.PostFormAsync(admin, "/staff/admin/concerns/rules", "rule-action", [new("delete", rule.ToString())])).StatusCode);
        Assert.False(await ConcernData.ReadAsync(app, db => db.RoutingRules.AnyAsync(r => r.Id == rule)));
        Assert.Equal(HttpStatusCode.OK, (await Staff.PostFormAsync(admin, "/staff/admin/concerns/rules", "rule-action", [new("delete", catchAll.ToString())])).StatusCode);
        Assert.Contains("There is no catch-all rule", await admin.GetStringAsync("/staff/admin/concerns/rules"));
        Assert.Equal(["concerns.rule-created", "concerns.rule-moved", "concerns.rule-deleted"], await AuditActionsAsync(app, rule.ToString()));
    }

    [Theory]
    [InlineData("/staff/admin/concerns")]
    [InlineData("/staff/admin/concerns/teams")]
    [InlineData("/staff/admin/concerns/teams/new")]
    [InlineData("/staff/admin/concerns/rules")]
    [InlineData("/staff/admin/concerns/rules/new")]
    [InlineData("/staff/admin/concerns/statuses")]
    [InlineData("/staff/admin/concerns/statuses/closed")]
    public async Task A_responder_is_sent_to_the_denied_page(string path)
    {
        var responder = app.Browser();
        var email = $"responder-{path.Replace('/', '-')}@routing-pages.test";
        await PersonAsync(app, email);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(responder, email)).StatusCode);
        Assert.Equal("/staff/denied", Staff.RedirectPath(await responder.GetAsync(path)));
    }

    [Fact]
    public async Task Every_page_answers_an_admin_and_unknown_ones_are_404()
    {
        var (admin, _) = await Staff.SignedInAsync(app, "admin-pages@routing-pages.test", Roles.Admin);
        foreach (var path in new[] { "/staff/admin/concerns", Teams, $"{Teams}/new", "/staff/admin/concerns/rules", "/staff/admin/concerns/rules/new", "/staff/admin/concerns/statuses", "/staff/admin/concerns/statuses/new" })
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        foreach (var path in new[] { $"{Teams}/{Guid.NewGuid()}", $"/staff/admin/concerns/rules/{Guid.NewGuid()}", "/staff/admin/concerns/statuses/no_such" })
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
    }
}
