using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kith.Tests.Concerns;

namespace Kith.Tests.MultiNode;

/// <summary>
/// The escalation chain as a deployment of two nodes runs it: both run the job runner on one database and one
/// clock, so both race for every acknowledgement deadline. An imminent concern pages the on-call responder, then
/// each step of the chain once — lead, backup team, administrators — never twice and never skipping a step.
/// Written before Responders was moved out of Concerns (ADR 18), through HTTP, the outbox and the sent messages
/// only, so it holds unchanged across that move.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class EscalationOnTwoNodesTests(EscalationOnTwoNodesTests.Nodes nodes) : IClassFixture<EscalationOnTwoNodesTests.Nodes>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero); // 9 am in Riverbend

    /// <summary>Node A and node B: same database, key ring and clock; each with its own job runner.</summary>
    public sealed class Nodes : IAsyncLifetime
    {
        public ManualTime Clock { get; } = new(Monday);
        public KithApp A { get; private set; } = default!;
        public KithApp B { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            A = new KithApp { Time = Clock, RunJobs = true };
            await ((IAsyncLifetime)A).InitializeAsync();
            B = new KithApp { SameDataAs = A, Time = Clock, RunJobs = true };
            await ((IAsyncLifetime)B).InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            if (B is not null) await ((IAsyncLifetime)B).DisposeAsync();
            if (A is not null) await ((IAsyncLifetime)A).DisposeAsync();
        }
    }

    [Fact]
    public async Task An_imminent_concern_pages_on_call_then_climbs_the_chain_once_per_step()
    {
        var (a, b, clock) = (nodes.A, nodes.B, nodes.Clock);
        var school = await Staff.AddOrganisationAsync(a, "Two Nodes High");
        var onCall = await Staff.AddAsync(a, "oncall@two-nodes.test", Roles.Responder, school);
        var offDuty = await Staff.AddAsync(a, "offduty@two-nodes.test", Roles.Responder, school);
        var lead = await Staff.AddAsync(a, "lead@two-nodes.test", Roles.Responder, school);
        var backupMember = await Staff.AddAsync(a, "backup@two-nodes.test", Roles.Responder, school);
        var (admin, _) = await Staff.SignedInAsync(a, "admin@two-nodes.test", Roles.Admin);

        // Set up as an administrator does, through node A's admin API.
        var backup = await CreatedIdAsync(admin, "/api/concerns/admin/teams", new { name = "Two nodes backup" });
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/concerns/admin/teams/{backup}/members/{backupMember}", new { })).StatusCode);
        var team = await CreatedIdAsync(admin, "/api/concerns/admin/teams",
            new { name = "Two nodes team", organisationId = school, leadUserId = lead, backupTeamId = backup });
        foreach (var member in new[] { onCall, offDuty })
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/concerns/admin/teams/{team}/members/{member}", new { })).StatusCode);
        await CreatedIdAsync(admin, $"/api/concerns/admin/teams/{team}/shifts",
            new { userId = onCall, startsAt = Monday.UtcDateTime.AddHours(-1), endsAt = Monday.UtcDateTime.AddHours(8) });
        await CreatedIdAsync(admin, "/api/concerns/admin/rules", new { teamId = team, organisationId = school });

        // Reported through node B.
        var (receipt, tier) = await ConcernData.SubmitAsync(b.CreateClient(), new
        {
            about = "student", categories = new[] { "suicide-self-harm" }, urgency = "danger-now", narrative = "Marker-two-nodes", organisationId = school,
        });
        var concern = await ConcernData.ByReceiptAsync(a, receipt);
        Assert.Equal("imminent", tier);
        Assert.Equal(Monday.UtcDateTime.AddMinutes(5), concern.AcknowledgeBy);

        var expected = new Dictionary<string, string>(); // recipient → the step that paged them
        await StepAsync(0, "oncall@two-nodes.test", "new concern");

        clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(TimeSpan.FromMilliseconds(800)); // both runners poll every 100 ms: eight rounds each find nothing due
        Assert.Equal(expected.Keys.Order(), (await EmailsAsync(concern.Reference)).Select(m => m.Recipient).Order());
        Assert.Equal(0, await LevelAsync());

        clock.Advance(TimeSpan.FromMinutes(1));
        await StepAsync(1, "lead@two-nodes.test", "needs acknowledging now");
        clock.Advance(TimeSpan.FromMinutes(5));
        await StepAsync(2, "backup@two-nodes.test", "needs acknowledging now");
        clock.Advance(TimeSpan.FromMinutes(5));
        await StepAsync(3, "admin@two-nodes.test", "needs acknowledging now");

        // The chain ends with the administrators: an hour later nobody else is paged, and nobody was paged twice.
        clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        var sent = await EmailsAsync(concern.Reference);
        Assert.Equal(expected.Keys.Order(), sent.Select(m => m.Recipient).Order());
        Assert.DoesNotContain(sent, m => m.Recipient == "offduty@two-nodes.test");
        Assert.Equal(3, await LevelAsync());
        var deadlines = await ConcernData.ReadAsync(a, db => db.Outbox.AsNoTracking()
            .Where(m => m.IdempotencyKey != null && m.IdempotencyKey.StartsWith($"concern-deadline:{concern.Id:N}:"))
            .Select(m => new { m.IdempotencyKey, m.CompletedAt }).ToListAsync());
        Assert.Equal(3, deadlines.Count); // one check after each of steps 0, 1 and 2
        Assert.All(deadlines, d => Assert.NotNull(d.CompletedAt));

        // In-app: each person paged has exactly one unseen alert about it, on either node's queue.
        foreach (var (email, node) in new[] { ("oncall@two-nodes.test", b), ("lead@two-nodes.test", a), ("backup@two-nodes.test", b), ("admin@two-nodes.test", a) })
            Assert.Equal(1, await QueueAlertsAsync(node, email, concern.Reference));
        Assert.Equal(0, await QueueAlertsAsync(b, "offduty@two-nodes.test", concern.Reference));

        async Task StepAsync(int level, string recipient, string subject)
        {
            expected[recipient] = subject;
            var sent = await WaitForEmailsAsync(concern.Reference, expected.Count);
            Assert.Equal(expected.Keys.Order(), sent.Select(m => m.Recipient).Order());
            Assert.All(sent, m => Assert.Contains(expected[m.Recipient], m.Subject));
            Assert.All(sent, m => Assert.DoesNotContain("Marker-two-nodes", m.Body));
            Assert.Equal(level, await LevelAsync());
        }

        Task<int> LevelAsync() => ConcernData.ReadAsync(a, db => db.Concerns.Where(c => c.Id == concern.Id).Select(c => c.EscalationLevel).SingleAsync());
    }

    private static async Task<Guid> CreatedIdAsync(HttpClient admin, string path, object body)
    {
        var response = await admin.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<List<Kith.Platform.Messaging.DevMessage>> EmailsAsync(string reference) =>
        ConcernData.ReadAsync(nodes.A, async db => (await db.DevMessages.AsNoTracking().ToListAsync())
            .Where(m => m.Subject.Contains(reference)).ToList());

    /// <summary>Emails leave through the outbox a moment after the page is written: wait for them (asserts no timing).</summary>
    private async Task<List<Kith.Platform.Messaging.DevMessage>> WaitForEmailsAsync(string reference, int count)
    {
        var sent = await EmailsAsync(reference);
        for (var i = 0; i < 150 && sent.Count < count; i++)
        {
            await Task.Delay(100);
            sent = await EmailsAsync(reference);
        }
        return sent;
    }

    /// <summary>How many unseen alerts about <paramref name="reference"/> the person's queue shows (signed in on <paramref name="node"/>).</summary>
    private static async Task<int> QueueAlertsAsync(KithApp node, string email, string reference)
    {
        using var client = node.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(client, email)).StatusCode);
        var page = await client.GetStringAsync("/staff/concerns");
        var alerts = AlertsSection().Match(page);
        Assert.True(alerts.Success, "The queue has no alerts section.");
        return Regex.Matches(alerts.Value, Regex.Escape(reference)).Count;
    }

    [GeneratedRegex("<section id=\"queue-alerts\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex AlertsSection();
}
