using Kith.Concerns.Domain;
using Kith.Responders.Domain;
using Kith.Tests.Concerns;

namespace Kith.Tests.Responders;

/// <summary>
/// Nobody acknowledges: the chain moves on-call → team lead → backup team → administrators, each step after the
/// tier's allowance, on the leased job runner, with a clock the test moves.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EscalationTests : IClassFixture<EscalationTests.App>
{
    private static readonly ManualTime Clock = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)); // a Monday, 9 am in Riverbend
    private readonly App app;

    public EscalationTests(App app) => this.app = app;

    public sealed class App : KithApp
    {
        public App()
        {
            Time = Clock;
            RunJobs = true;
        }
    }

    [Fact]
    public async Task An_unacknowledged_imminent_concern_climbs_the_chain_step_by_step()
    {
        var school = await Staff.AddOrganisationAsync(app, "Escalation High");
        var onCall = await Staff.AddAsync(app, "oncall@escalation.test", Roles.Responder, school);
        var offDuty = await Staff.AddAsync(app, "offduty@escalation.test", Roles.Responder, school);
        var lead = await Staff.AddAsync(app, "lead@escalation.test", Roles.Responder, school);
        var backupMember = await Staff.AddAsync(app, "backup@escalation.test", Roles.Responder, school);
        var admin = await Staff.AddAsync(app, "admin@escalation.test", Roles.Admin);
        var backup = await ConcernData.AddTeamAsync(app, "Escalation backup", [backupMember]);
        var team = await ConcernData.AddTeamAsync(app, "Escalation team", [onCall, offDuty, lead], lead: lead, backup: backup, organisation: school);
        await ConcernData.AddRuleAsync(app, team, 1, organisation: school);
        await AddShiftAsync(team, onCall, Clock.GetUtcNow().UtcDateTime.AddHours(-1), Clock.GetUtcNow().UtcDateTime.AddHours(8));

        var (receipt, tier) = await ConcernData.SubmitAsync(app.CreateClient(), new
        {
            about = "student", categories = new[] { "suicide-self-harm" }, urgency = "danger-now", narrative = "Marker-esc", organisationId = school,
        });
        var concern = await ConcernData.ByReceiptAsync(app, receipt);

        Assert.Equal("imminent", tier);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime.AddMinutes(5), concern.AcknowledgeBy);
        Assert.Equal([onCall], await PagedAsync(concern.Id, 0)); // on call: only they are paged at first

        Clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(TimeSpan.FromSeconds(1)); // the runner polls every 100 ms: a second of polls finds nothing due yet
        Assert.Empty(await PagedAsync(concern.Id, 1));

        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([lead], await WaitForPagesAsync(concern.Id, 1));
        Assert.Empty(await PagedAsync(concern.Id, 2));
        var backupClient = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(backupClient, "backup@escalation.test")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await backupClient.GetAsync($"/api/concerns/{concern.Id}")).StatusCode); // not theirs yet

        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal([backupMember], await WaitForPagesAsync(concern.Id, 2));
        // Paged, the backup team can open it and act on it.
        Assert.Equal(HttpStatusCode.OK, (await backupClient.GetAsync($"/api/concerns/{concern.Id}")).StatusCode);

        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal([admin], await WaitForPagesAsync(concern.Id, 3));

        // Each step paged once, by email too (the development sink), never with what was reported.
        var about = await SentAboutAsync(concern.Reference, expected: 4);
        Assert.Equal(4, about.Count);
        Assert.All(about, m => Assert.DoesNotContain("Marker-esc", m.Body));
        Assert.Equal(3, (await ConcernData.ReadAsync(app, db => db.Concerns.SingleAsync(c => c.Id == concern.Id))).EscalationLevel);
    }

    [Fact]
    public async Task An_acknowledged_concern_is_not_escalated()
    {
        var member = await Staff.AddAsync(app, "ack@escalation.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Ack School"));
        var lead = await Staff.AddAsync(app, "acklead@escalation.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Ack School 2"));
        var team = await ConcernData.AddTeamAsync(app, "Ack team", [member, lead], lead: lead);
        await ConcernData.AddRuleAsync(app, team, 0, category: "hurting-others");
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), new { about = "coworker", categories = new[] { "hurting-others" }, urgency = "danger-now" });
        var concern = await ConcernData.ByReceiptAsync(app, receipt);

        await AcknowledgeAsync(concern.Id, member);
        Clock.Advance(TimeSpan.FromMinutes(6));
        await WaitUntilDeadlineHandledAsync(concern.Id);

        Assert.Empty(await PagedAsync(concern.Id, 1));
    }

    [Fact]
    public async Task A_routine_concern_is_due_by_the_end_of_the_next_business_day_in_the_deployment_time_zone()
    {
        // Friday 22:00 UTC = Friday 4 pm in Riverbend: due Monday 5 pm Riverbend = 23:00 UTC (standard time).
        var submitted = new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);
        Clock.Advance(submitted - Clock.GetUtcNow());
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine("Marker-routine"));

        var concern = await ConcernData.ByReceiptAsync(app, receipt);

        Assert.Equal(new DateTime(2026, 11, 30, 23, 0, 0, DateTimeKind.Utc), concern.AcknowledgeBy);
    }

    private async Task AddShiftAsync(Guid team, string user, DateTime starts, DateTime ends)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        db.OnCallShifts.Add(new OnCallShift { Id = Guid.NewGuid(), TeamId = team, UserId = user, StartsAt = starts, EndsAt = ends });
        await db.SaveChangesAsync();
    }

    /// <summary>Acknowledges as the case page does: through the status table (the first open status), with history.</summary>
    private async Task AcknowledgeAsync(Guid id, string by)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var statuses = scope.ServiceProvider.GetRequiredService<Kith.Concerns.CaseWork.StatusChanges>();
        var table = await statuses.TableAsync(default);
        var concern = await db.Concerns.SingleAsync(c => c.Id == id);
        Assert.Null(statuses.Move(table, concern, table.FirstReachable(concern.Status, StatusKinds.Open)!, by, null, Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    private Task<List<string>> PagedAsync(Guid concern, int level) =>
        ConcernData.ReadAsync(app, db => db.Alerts.Where(a => a.SubjectId == concern && a.Level == level).Select(a => a.UserId).ToListAsync());

    private async Task<List<string>> WaitForPagesAsync(Guid concern, int level)
    {
        for (var i = 0; i < 100; i++) // the job runner polls every 100 ms; this waits for it, it asserts no timing
        {
            var paged = await PagedAsync(concern, level);
            if (paged.Count > 0) return paged;
            await Task.Delay(100);
        }
        return [];
    }

    /// <summary>Emails leave through the outbox a moment after the alert is written: wait for them.</summary>
    private async Task<List<Kith.Platform.Messaging.DevMessage>> SentAboutAsync(string reference, int expected)
    {
        List<Kith.Platform.Messaging.DevMessage> about = [];
        for (var i = 0; i < 100 && about.Count < expected; i++)
        {
            if (i > 0) await Task.Delay(100);
            var sent = await ConcernData.ReadAsync(app, db => db.DevMessages.AsNoTracking().ToListAsync());
            about = sent.Where(m => m.Subject.Contains(reference)).ToList();
        }
        return about;
    }

    private async Task WaitUntilDeadlineHandledAsync(Guid concern)
    {
        var key = $"concern-deadline:{concern:N}:0";
        for (var i = 0; i < 100; i++)
        {
            if (await ConcernData.ReadAsync(app, db => db.Outbox.AnyAsync(m => m.IdempotencyKey == key && m.CompletedAt != null))) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The deadline was never handled.");
    }
}
