using Kith.Lines.CheckIns;
using Kith.Lines.Conversations;
using Kith.Platform.Jobs;
using Kith.Tests.Platform.Messaging;

namespace Kith.Tests.MultiNode;

/// <summary>
/// Check-ins and caring contacts as a deployment of two nodes runs them: both run the job runner on one PostgreSQL,
/// sending through one fake Twilio Messages API, and on top of that the due job is run by hand on both nodes at once
/// (as after a lost lease). Every due text — several check-ins and caring contacts due together — reaches the
/// provider exactly once.
/// </summary>
[Trait("Category", "PostgresOnly")]
[RunsLong]
public sealed class CheckInsOnTwoNodesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 15, 0, 0, TimeSpan.Zero); // 9 am in Chicago
    private readonly ManualTime clock = new(Monday);
    private readonly FakeSmsGateway gateway = new();
    private KithApp a = default!;
    private KithApp b = default!;

    public async Task InitializeAsync()
    {
        a = Node(new KithApp { Time = clock, RunJobs = true });
        await ((IAsyncLifetime)a).InitializeAsync();
        b = Node(new KithApp { SameDataAs = a, Time = clock, RunJobs = true });
        await ((IAsyncLifetime)b).InitializeAsync();
    }

    private KithApp Node(KithApp node) => node
        .Set("Kith:Messaging:Sms:Mode", "http").Set("Kith:Messaging:Sms:BaseUrl", gateway.BaseUrl)
        .Set("Kith:Messaging:Sms:AccountSid", "AC0123456789").Set("Kith:Messaging:Sms:AuthToken", "token-not-real")
        .Set("Kith:Messaging:Sms:From", "+15555550100");

    public async Task DisposeAsync()
    {
        if (b is not null) await ((IAsyncLifetime)b).DisposeAsync();
        if (a is not null) await ((IAsyncLifetime)a).DisposeAsync();
        gateway.Dispose();
    }

    [Fact]
    public async Task Each_due_check_in_and_caring_contact_is_sent_once()
    {
        Assert.True(a.Database.IsPostgres, "PostgresOnly tests run with KITH_TEST_PROVIDER=postgres (./test.sh).");
        var numbers = Enumerable.Range(160, 12).Select(n => $"+15555550{n}").ToList();
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDb>();
            var senders = scope.ServiceProvider.GetRequiredService<SenderKey>();
            var team = new Kith.Responders.Domain.Team { Id = Guid.NewGuid(), Name = "Two nodes check-ins", CreatedAt = DateTime.UtcNow };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            var line = await scope.ServiceProvider.GetRequiredService<Kith.Lines.Admin.LineEditor>().CreateAsync(new Kith.Lines.Admin.LineRequest(
                "Two nodes line", "two-nodes-check-ins", null, ["en"], "+15075550160", null, null, "America/Chicago",
                Kith.Lines.Domain.LineSetup.Weekdays.ToDictionary(w => w.Code, _ => new[] { "00:00-24:00" }), [],
                new() { ["en"] = new("Hello", "Closed", "Busy", "Bye", "Help") }, [team.Id], null, null), null, CancellationToken.None);
            var now = Monday.UtcDateTime;
            foreach (var (number, i) in numbers.Select((n, i) => (n, i)))
            {
                var caring = i % 2 == 1;
                db.LineCheckIns.Add(new CheckIn
                {
                    Id = Guid.NewGuid(), LineId = line.Id!.Value, Kind = caring ? CheckInKinds.Caring : CheckInKinds.CheckIn, SenderHash = senders.Hash(number),
                    Number = number, Language = "en", Status = CheckInStatuses.Active, ConsentHow = "seeded", ConsentAt = now.AddDays(-2),
                    ConfirmedAt = now.AddDays(-1), LocalMinutes = 8 * 60 + 59, Weekdays = "monday tuesday", SenderName = caring ? "Sam" : null,
                    DueDates = caring ? "2027-03-01 2027-03-08" : "", NextDueAt = now.AddMinutes(-1), CreatedAt = now, UpdatedAt = now,
                });
            }
            await db.SaveChangesAsync();
        }

        // Both runners poll every 100 ms; meanwhile the due job also runs by hand on both nodes at once.
        await Task.WhenAll(RunJobAsync(a), RunJobAsync(b), RunJobAsync(a), RunJobAsync(b));
        for (var i = 0; i < 150 && gateway.Received.Count < numbers.Count; i++) await Task.Delay(100);
        await Task.Delay(500); // a duplicate would arrive now
        Assert.Equal(numbers.Order(), gateway.Received.Select(s => s.To!).Order());
        Assert.Equal(6, gateway.Received.Count(s => s.Body!.EndsWith("— Sam")));
        var sends = await Concerns.ConcernData.ReadAsync(a, db => db.LineCheckInSends.AsNoTracking().Select(s => s.Status).ToListAsync());
        Assert.Equal(numbers.Count, sends.Count);
        Assert.All(sends, s => Assert.Equal("sent", s));
    }

    private static async Task RunJobAsync(KithApp node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == "lines.check-ins-due").RunAsync(CancellationToken.None);
        }
        catch (DbUpdateException)
        {
            // the other node's commit won this schedule: exactly the refusal the design relies on
        }
    }
}
