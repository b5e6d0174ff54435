using Kith.Community.Demo;
using Kith.Concerns.Demo;

namespace Kith.Tests.Concerns.Demo;

/// <summary>
/// The concerns part of the Riverbend demo, seeded twice through the community seeder (the path of `kith seed-demo`
/// and first start): two teams, a week of on-call, five rules — and demo concerns go where the rules say.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RiverbendConcernsDemoTests(SeededConcernsDemo seeded) : IClassFixture<SeededConcernsDemo>
{
    private readonly KithApp app = seeded.App;

    [Fact]
    public async Task Seeding_twice_leaves_three_teams_one_shift_and_five_rules_with_the_responder_on_call_for_a_week()
    {
        var (teams, members, shifts, rules, users, organisations) = await ConcernData.ReadAsync(app, async db => (
            await db.Teams.AsNoTracking().ToListAsync(), await db.TeamMembers.AsNoTracking().ToListAsync(), await db.OnCallShifts.AsNoTracking().ToListAsync(),
            await db.RoutingRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(), await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id),
            await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id)));
        var school = teams.Single(t => t.Name == RiverbendConcernsDemo.SchoolTeam);
        var county = teams.Single(t => t.Name == RiverbendConcernsDemo.CountyTeam);
        var responder = users["responder@riverbend.example"];
        var admin = users["admin@riverbend.example"];

        Assert.Equal(3, teams.Count);
        var intake = teams.Single(t => t.Name == Kith.Responders.Contracts.RiverbendTeams.ClinicIntake); // answers referrals
        Assert.Equal((organisations["Riverbend Community Clinic"], users["coordinator@riverbend.example"], county.Id),
            (intake.OrganisationId!.Value, intake.LeadUserId, intake.BackupTeamId!.Value));
        Assert.Equal((organisations["Riverbend High School"], responder, county.Id), (school.OrganisationId!.Value, school.LeadUserId, school.BackupTeamId!.Value));
        Assert.Equal(organisations["County Public Health"], county.OrganisationId);
        Assert.Equal([responder], members.Where(m => m.TeamId == school.Id).Select(m => m.UserId));
        Assert.Equal([admin], members.Where(m => m.TeamId == county.Id).Select(m => m.UserId));
        var shift = Assert.Single(shifts);
        var now = DateTime.UtcNow;
        Assert.Equal((school.Id, responder), (shift.TeamId, shift.UserId));
        Assert.InRange(shift.StartsAt, now.AddMinutes(-10), now);
        Assert.Equal(TimeSpan.FromDays(7), shift.EndsAt - shift.StartsAt);

        Assert.Equal(5, rules.Count);
        Assert.Equal([1, 2, 3, 4, 5], rules.Select(r => r.Position));
        Assert.Equal((organisations["Riverbend High School"], school.Id), (rules[0].OrganisationId!.Value, rules[0].TeamId));
        Assert.All(rules.Skip(1), r => Assert.Equal(county.Id, r.TeamId));
        Assert.Equal(("es", county.Id), (rules[3].Language, rules[3].TeamId));
        Assert.True(rules[4] is { OrganisationId: null, AreaId: null, Category: null, Language: null, Tier: null }); // the catch-all, last
    }

    /// <summary>
    /// The referrals part rides on this seeded app too: the clinic takes referrals through its intake team, and the school
    /// has sent it seven in every kind of state, each history a path the state machine allows, with an outcome on each
    /// completed or failed one and a reason on each declined or cancelled one.
    /// </summary>
    [Fact]
    public async Task Seeding_twice_leaves_seven_referrals_from_the_school_to_the_clinic_in_different_states_each_history_a_legal_path()
    {
        var (referrals, steps, intakes, organisations) = await ConcernData.ReadAsync(app, async db => (
            await db.Referrals.AsNoTracking().ToListAsync(), await db.ReferralSteps.AsNoTracking().ToListAsync(),
            await db.ReferralIntakes.AsNoTracking().ToListAsync(), await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id)));
        Assert.Equal(7, referrals.Count);
        Assert.Equal(["cancelled", "completed", "failed", "in-progress", "rejected", "requested", "requested"], referrals.Select(r => r.Status).Order());
        Assert.All(referrals, r => Assert.Equal((organisations["Riverbend High School"], organisations["Riverbend Community Clinic"]),
            (r.RequesterOrganisationId, r.ReceiverOrganisationId)));
        Assert.Equal(organisations["Riverbend Community Clinic"], Assert.Single(intakes).OrganisationId);
        var now = DateTime.UtcNow;
        Assert.Contains(referrals, r => r.Status == "requested" && r.RespondBy < now);  // one waits past its deadline
        Assert.Contains(referrals, r => r.Status == "requested" && r.RespondBy > now);  // one just sent
        foreach (var r in referrals)
        {
            var path = steps.Where(s => s.ReferralId == r.Id).OrderBy(s => s.At).ToList();
            Assert.Equal("requested", path[0].ToStatus);
            foreach (var step in path.Skip(1))
            {
                Assert.True(Kith.Referrals.Domain.ReferralStatusCodes.TryParse(step.FromStatus, out var from));
                Assert.True(Kith.Referrals.Domain.ReferralStatusCodes.TryParse(step.ToStatus, out var to));
                var party = step.Party == "requester" ? Kith.Referrals.Domain.ReferralParty.Requester : Kith.Referrals.Domain.ReferralParty.Receiver;
                Kith.Referrals.Domain.ReferralOutcome? outcome = Kith.Referrals.Domain.ReferralOutcomes.TryParse(step.Outcome, out var o) ? o : null;
                Assert.Null(Kith.Referrals.Domain.ReferralTransitions.Check(from, to, party, step.Reason, outcome));
            }
            Assert.Equal(r.Status, path[^1].ToStatus);
        }
        Assert.Equal(["could-not-contact", "got-help"], referrals.Where(r => r.Outcome is not null).Select(r => r.Outcome!).Order());
    }

    /// <summary>
    /// The groups part rides on it too: Riverbend's ten groups, nine taking over the directory's listing of the same name
    /// (one entry in Find help, not two) and one published by itself, each with sessions still to come by a rule an HSDS
    /// schedule can say.
    /// </summary>
    [Fact]
    public async Task Seeding_twice_leaves_ten_groups_each_on_one_directory_listing_with_sessions_to_come()
    {
        var (groups, services) = await ConcernData.ReadAsync(app, async db => (
            await db.Groups.AsNoTracking().ToListAsync(), await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name)));
        Assert.Equal(Kith.Groups.Demo.RiverbendGroupsDemo.Names.Order(), groups.Select(g => g.Name).Order());
        Assert.All(groups, g => Assert.Equal(g.Name, services[g.ServiceId!]));
        Assert.Equal(groups.Count, groups.Select(g => g.ServiceId).Distinct().Count());
        var today = DateTime.UtcNow.Date.AddDays(-1);
        Assert.All(groups, g =>
        {
            Assert.Null(Kith.Groups.Domain.Schedule.Check(g.Rule));
            Assert.True(Kith.Groups.Domain.Schedule.Starts(g, "America/Chicago").First() >= today, g.Name);
            Assert.Equal(g.FirstStartLocal, Kith.Groups.Domain.Schedule.Starts(g, "America/Chicago").First()); // DTSTART is the first session
        });
        Assert.Contains(groups, g => g.Kind == "training");
        Assert.Contains(groups, g => g.Kind == "walk-and-talk");
    }

    /// <summary>The lines part rides on this seeded app (one app fewer): five lines, the county line 24/7 and the backup of the others.</summary>
    [Fact]
    public async Task Seeding_twice_leaves_Riverbend_s_five_lines_staffed_with_the_county_line_open_always_and_backing_up_the_others()
    {
        var (lines, county) = await ConcernData.ReadAsync(app, async db => (await db.Lines.AsNoTracking().ToListAsync(),
            await db.Teams.Where(t => t.Name == RiverbendConcernsDemo.CountyTeam).Select(t => t.Id).SingleAsync()));
        Assert.Equal(["apoyo-espanol", "county-crisis", "farm-stress", "taageerada-soomaali", "veterans"], lines.Select(l => l.Slug).Order());
        var crisis = lines.Single(l => l.Slug == "county-crisis");
        Assert.Null(crisis.BackupLineId);
        Assert.All(lines.Where(l => l != crisis), l => Assert.Equal(crisis.Id, l.BackupLineId));
        Assert.All(lines, l => Assert.Contains(county.ToString(), l.Teams));
        Assert.Equal(5, lines.Select(l => l.SmsNumber).Distinct().Count());
        var setup = Kith.Lines.Domain.LineSetup.Of(crisis);
        Assert.Equal(["en", "es", "so"], setup.Languages);
        for (var at = new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero); at < new DateTimeOffset(2026, 12, 27, 0, 0, 0, TimeSpan.Zero); at = at.AddMinutes(45))
            Assert.True(setup.Hours.IsOpen(at));
        var somali = Kith.Lines.Domain.LineSetup.Of(lines.Single(l => l.Slug == "taageerada-soomaali"));
        Assert.Equal("so", somali.LanguageFor("de"));
        Assert.StartsWith("Khadka Taageerada", somali.Text("greeting", "so"));
        Assert.False(somali.Hours.IsOpen(new DateTimeOffset(2026, 12, 25, 22, 0, 0, TimeSpan.Zero))); // Christmas Day, a Friday, 4 pm in Riverbend
        Assert.True(somali.Hours.IsOpen(new DateTimeOffset(2027, 1, 8, 22, 0, 0, TimeSpan.Zero))); // an ordinary Friday, 4 pm

        // Two members on the veterans' check-in line (seeded once), each first due in the future: a start sends nothing at once.
        var veterans = lines.Single(l => l.Slug == "veterans").Id;
        var checkIns = await ConcernData.ReadAsync(app, db => db.LineCheckIns.AsNoTracking().Where(c => c.LineId == veterans).ToListAsync());
        Assert.Equal(2, checkIns.Count);
        Assert.All(checkIns, c => Assert.True(c.NextDueAt > DateTime.UtcNow && c.Status == "active" && c.Number!.StartsWith("+1507555013")));
        Assert.Equal(0, await ConcernData.ReadAsync(app, db => db.LineCheckInSends.CountAsync()));
    }

    [Theory]
    [InlineData("school", "bullying", "can-wait", "en", RiverbendConcernsDemo.SchoolTeam)]
    [InlineData("school", "suicide-self-harm", "danger-now", "es", RiverbendConcernsDemo.SchoolTeam)] // the school's own team first; the county backs it up
    [InlineData(null, "hurting-others", "danger-now", "en", RiverbendConcernsDemo.CountyTeam)]
    [InlineData(null, "bullying", "can-wait", "es", RiverbendConcernsDemo.CountyTeam)]
    [InlineData(null, "grief", "can-wait", "so", RiverbendConcernsDemo.CountyTeam)]
    public async Task Demo_concerns_reach_the_team_the_rules_name(string? place, string category, string urgency, string language, string team)
    {
        var school = await ConcernData.ReadAsync(app, db => db.Organisations.Where(o => o.Name == "Riverbend High School").Select(o => o.Id).SingleAsync());
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), new
        {
            about = "student", categories = new[] { category }, urgency, language, narrative = "Marker-demo-routing",
            organisationId = place is null ? (Guid?)null : school,
        });

        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        var expected = await ConcernData.ReadAsync(app, db => db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync());
        Assert.Equal(expected, concern.TeamId);
        if (team == RiverbendConcernsDemo.SchoolTeam)
        {
            var responder = await ConcernData.ReadAsync(app, db => db.Users.Where(u => u.Email == "responder@riverbend.example").Select(u => u.Id).SingleAsync());
            Assert.True(await ConcernData.ReadAsync(app, db => db.Alerts.AnyAsync(a => a.SubjectId == concern.Id && a.UserId == responder)), "the responder on call is paged");
        }
    }
}

/// <summary>One app for the demo tests, with the whole Riverbend demo seeded twice.</summary>
public sealed class SeededConcernsDemo : IAsyncLifetime
{
    public KithApp App { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}
