using System.Net.Http.Json;
using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Lines.Queue;
using Kith.Platform.Jobs;

namespace Kith.Tests.Lines;

/// <summary>
/// Nobody is dropped (issue 14, part 5), on the hand-moved clock with the job runner polled by hand: a paged text
/// nobody takes climbs Responders' chain and a taken one does not; a text not taken within its line's wait limit, or
/// sent while the line is closed, waits on the backup line (its language kept); and when no line can answer, the texter
/// gets the crisis numbers in their language and the chain is paged up to whoever is there.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NobodyIsDroppedTests(SmsLinesApp app) : IClassFixture<SmsLinesApp>
{
    [Fact]
    public async Task An_imminent_text_nobody_takes_escalates_to_the_lead_after_the_deadline_and_a_taken_one_does_not()
    {
        var lead = await Staff.AddAsync(app, "lead@nobody-dropped.test", Roles.Responder, await Staff.AddOrganisationAsync(app, "Nobody-dropped org"));
        var (line, team) = await app.LineAsync("drop-escalate", "+15075550810", lead);
        await EditLineAsync(line, l => l.MaxWaitImminentSeconds = 3600); // no rollover here: only the escalation
        var (onCall, onCallId) = await app.ResponderAsync("oncall@nobody-dropped.test", team);
        await WriteAsync(db => db.OnCallShifts.Add(new Kith.Responders.Domain.OnCallShift
        {
            Id = Guid.NewGuid(), TeamId = team, UserId = onCallId, StartsAt = Now.AddHours(-1), EndsAt = Now.AddHours(8),
        }));

        await TextAsync("+15075550810", "+15075550911", "I have the pills and I am going to kill myself tonight");
        await TextAsync("+15075550810", "+15075550912", "I have a gun and I will use it tonight");
        var taken = await ConversationAsync("+15075550911");
        var left = await ConversationAsync("+15075550912");
        Assert.Equal((0, (DateTime?)Now.AddSeconds(-1).AddMinutes(5)), (left.EscalationLevel, left.AcknowledgeBy));
        Assert.Equal([onCallId], await PagedAsync(left.Id, 0)); // the on-call, at once
        var next = await onCall.PostAsync("/api/lines/queue/next", null);
        Assert.Equal(taken.Id, (await next.Content.ReadFromJsonAsync<ConversationSummary>())!.Id);

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await RunDueAsync();
        Assert.Empty(await PagedAsync(left.Id, 1)); // not yet

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunDueAsync();
        Assert.Equal([lead], await PagedAsync(left.Id, 1, Kith.Responders.Contracts.CommonAlertKinds.Escalated));
        Assert.Empty(await PagedAsync(taken.Id, 1)); // taken is acknowledged: its deadline was retired
        Assert.Equal(1, (await ConversationAsync("+15075550912")).EscalationLevel);
        Assert.Equal(0, (await ConversationAsync("+15075550911")).EscalationLevel);
    }

    [Fact]
    public async Task A_routine_text_not_taken_within_the_wait_limit_rolls_over_to_the_backup_line_once_in_its_language()
    {
        var (backup, backupTeam) = await app.LineAsync("drop-backup", "+15075550820");
        var (responder, _) = await app.ResponderAsync("backup@nobody-dropped.test", backupTeam);
        var (line, _) = await app.LineAsync("drop-routine", "+15075550821");
        await EditLineAsync(line, l => { l.BackupLineId = backup; l.MaxWaitRoutineSeconds = 600; l.Languages = "es en"; });

        await TextAsync("+15075550821", "+15075550921", "hola, una semana difícil");
        Assert.Null(await NextAsync(responder)); // not the backup's yet
        app.Clock.Advance(TimeSpan.FromSeconds(598));
        await RunDueAsync();
        Assert.Equal(line, (await ConversationAsync("+15075550921")).LineId);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await RunDueAsync();
        await RunDueAsync();
        var moved = await ConversationAsync("+15075550921");
        Assert.Equal((backup, (Guid?)line, (DateTime?)Now, "es"), (moved.LineId, moved.RolledFromLineId, moved.RolledOverAt, moved.Language));
        Assert.Null(moved.UnansweredAt);
        Assert.Equal(moved.Id, (await NextAsync(responder))?.Id); // in the backup line's queue now
    }

    [Fact]
    public async Task A_text_to_a_closed_line_gets_the_closed_message_in_its_language_and_waits_on_the_backup()
    {
        var (backup, backupTeam) = await app.LineAsync("drop-open", "+15075550830");
        await app.ResponderAsync("open@nobody-dropped.test", backupTeam);
        var (line, _) = await app.LineAsync("drop-closed", "+15075550831", texts: new()
        {
            ["es"] = new("Hola", "Marker-cerrado: la línea está cerrada", "Ocupado", "Adiós", "Ayuda"),
            ["en"] = new("Hello", "Marker-closed: the line is closed", "Busy", "Bye", "Help"),
        });
        await EditLineAsync(line, l => { l.BackupLineId = backup; l.Languages = "es en"; l.Hours = "{}"; });

        var reply = await TextAsync("+15075550831", "+15075550931", "necesito hablar con alguien");

        Assert.Contains("Marker-cerrado", reply);
        var moved = await ConversationAsync("+15075550931");
        Assert.Equal((backup, (Guid?)line, (DateTime?)moved.StartedAt, "es"), (moved.LineId, moved.RolledFromLineId, moved.RolledOverAt, moved.Language));
        Assert.Null(moved.UnansweredAt);
        Assert.DoesNotContain(await CrisisAsync("es"), reply); // a line can answer: no "nobody" text
    }

    [Fact]
    public async Task When_no_line_can_answer_the_texter_gets_the_crisis_numbers_in_their_language_and_the_chain_is_paged_up_to_the_administrators()
    {
        var admin = await Staff.AddAsync(app, "admin@nobody-dropped.test", Roles.Admin);
        // Nobody on its team, no lead, no backup team: the administrators are the first step that has anybody.
        var (line, _) = await app.LineAsync("drop-nobody", "+15075550840");
        await EditLineAsync(line, l => { l.MaxWaitRoutineSeconds = 60; l.Languages = "es en"; });
        // Closed, and its backup closed too: answered at once with the closed text and the crisis numbers.
        var (closed, _) = await app.LineAsync("drop-both-closed", "+15075550841");
        await EditLineAsync(closed, l => { l.BackupLineId = line; l.Languages = "es en"; l.Hours = "{}"; });
        await EditLineAsync(line, l => l.Hours = "{}");

        var reply = await TextAsync("+15075550841", "+15075550942", "hola");
        Assert.Contains(await CrisisAsync("es"), reply);
        var atOnce = await ConversationAsync("+15075550942");
        Assert.Equal((closed, (DateTime?)Now.AddSeconds(-1)), (atOnce.LineId, atOnce.UnansweredAt));
        Assert.Contains(admin, await PagedAsync(atOnce.Id, 3, "unanswered"));

        // Open again but still nobody to take it: past the wait limit, the crisis numbers go out as a text, once.
        await EditLineAsync(line, l => l.Hours = LineSetup.StoreHours(LineSetup.Weekdays.ToDictionary(w => w.Code, _ => new[] { "00:00-24:00" })));
        await TextAsync("+15075550840", "+15075550941", "hola, ¿hay alguien?");
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        await RunDueAsync();
        await RunDueAsync();
        await RunDueAsync();

        var waiting = await ConversationAsync("+15075550941");
        Assert.Equal((line, (DateTime?)Now, 3), (waiting.LineId, waiting.UnansweredAt, waiting.EscalationLevel));
        Assert.Contains(admin, await PagedAsync(waiting.Id, 3, "unanswered"));
        var crisis = await CrisisAsync("es");
        Assert.NotEqual(await CrisisAsync("en"), crisis);
        Assert.Single(app.Gateway.Received, r => r.To == "+15075550941" && r.Body == crisis);
    }

    [Fact]
    public async Task A_nobody_text_to_an_opted_out_number_is_not_sent_but_the_chain_is_still_paged()
    {
        var admin = await Staff.AddAsync(app, "admin2@nobody-dropped.test", Roles.Admin);
        var (line, _) = await app.LineAsync("drop-optout", "+15075550850");
        await EditLineAsync(line, l => l.MaxWaitUrgentSeconds = 120);
        await TextAsync("+15075550850", "+15075550951", "I keep thinking about suicide");
        await TextAsync("+15075550850", "+15075550951", "STOP");
        app.Clock.Advance(TimeSpan.FromSeconds(120));
        await RunDueAsync();
        await RunDueAsync();

        var conversation = await ConversationAsync("+15075550951");
        Assert.Equal((DateTime?)Now, conversation.UnansweredAt);
        Assert.Contains(admin, await PagedAsync(conversation.Id, 3, "unanswered"));
        Assert.DoesNotContain(app.Gateway.Received, r => r.To == "+15075550951");
        Assert.Contains("opted-out", await ReadAsync(db => db.LineMessages.Where(m => m.ConversationId == conversation.Id && m.Direction == "out")
            .Select(m => m.DeliveryStatus!).ToListAsync()));
    }

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private async Task<string> TextAsync(string to, string from, string body)
    {
        var response = await app.TextAsync(to, from, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        // The TwiML answer's text (XML-decoded), or "" when nothing was answered.
        return System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Message")?.Value ?? "";
    }

    private static async Task<ConversationSummary?> NextAsync(HttpClient responder)
    {
        var response = await responder.PostAsync("/api/lines/queue/next", null);
        return response.StatusCode == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<ConversationSummary>();
    }

    private async Task RunDueAsync()
    {
        while (await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None) > 0) { }
    }

    private Task<T> ReadAsync<T>(Func<KithDb, Task<T>> read) => Concerns.ConcernData.ReadAsync(app, read);

    private async Task WriteAsync(Action<KithDb> write)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        write(db);
        await db.SaveChangesAsync();
    }

    private async Task EditLineAsync(Guid id, Action<Line> edit)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        edit(await db.Lines.SingleAsync(l => l.Id == id));
        await db.SaveChangesAsync();
    }

    private async Task<Conversation> ConversationAsync(string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var hash = scope.ServiceProvider.GetRequiredService<SenderKey>().Hash(SenderKey.Normalize(number));
        return await scope.ServiceProvider.GetRequiredService<KithDb>().LineConversations.AsNoTracking().SingleAsync(c => c.SenderHash == hash);
    }

    private Task<List<string>> PagedAsync(Guid conversation, int level, string? kind = null) => ReadAsync(db => db.Alerts.AsNoTracking()
        .Where(a => a.SubjectKind == ConversationAlerts.Kind && a.SubjectId == conversation && a.Level == level && (kind == null || a.Kind == kind))
        .Select(a => a.UserId).OrderBy(u => u).ToListAsync());

    private async Task<string> CrisisAsync(string language)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<CrisisText>().In(language);
    }
}
