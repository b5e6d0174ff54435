using Kith.Lines.Admin;
using Kith.Tests.Platform.Messaging;

namespace Kith.Tests.Lines;

/// <summary>
/// An app with SMS lines switched on (known auth token and public address, so tests sign webhooks as Twilio does),
/// sending through a fake Twilio Messages API on loopback, on a hand-moved clock at 9:00 on Monday 1 March 2027 in
/// Chicago. Its job runner is not started: tests run the outbox one poll at a time.
/// </summary>
public sealed class SmsLinesApp : FakeCarrierApp
{
    public const string AuthToken = "lines-test-auth-token";
    public const string PublicBaseUrl = "https://kith.lines.test";
    public const string LineNumber = "+15075550700";

    public SmsLinesApp() : this(new FakeSmsGateway()) { }

    private SmsLinesApp(FakeSmsGateway gateway) : base(gateway,
        ("Kith:Messaging:Sms:Mode", "http"),
        ("Kith:Messaging:Sms:BaseUrl", gateway.BaseUrl),
        ("Kith:Messaging:Sms:AccountSid", "AC0123456789"),
        ("Kith:Messaging:Sms:AuthToken", "token-not-real"),
        ("Kith:Messaging:Sms:From", "+15555550100"),
        ("Kith:Lines:PublicBaseUrl", PublicBaseUrl),
        ("Kith:Lines:Sms:Enabled", "true"),
        ("Kith:Lines:Sms:AuthToken", AuthToken))
    {
        Gateway = gateway;
        Time = Clock;
    }

    internal FakeSmsGateway Gateway { get; }
    public ManualTime Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero));

    private Guid? line;

    /// <summary>The test line (made once): 24/7, English and Spanish, answered by a team whose lead is an administrator.</summary>
    public async Task<Guid> LineAsync()
    {
        if (line is { } made) return made;
        var admin = await Staff.AddAsync(this, "admin@sms-lines.test", Roles.Admin);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var team = new Kith.Responders.Domain.Team { Id = Guid.NewGuid(), Name = "SMS lines team", LeadUserId = admin, CreatedAt = DateTime.UtcNow };
        db.Teams.Add(team);
        db.TeamMembers.Add(new Kith.Responders.Domain.TeamMember { TeamId = team.Id, UserId = admin });
        await db.SaveChangesAsync();
        var change = await scope.ServiceProvider.GetRequiredService<LineEditor>().CreateAsync(new LineRequest(
            "SMS test line", "sms-test", null, ["en", "es"], LineNumber, null, null, "America/Chicago",
            Kith.Lines.Domain.LineSetup.Weekdays.ToDictionary(w => w.Code, _ => new[] { "00:00-24:00" }), [],
            new() { ["en"] = new("Welcome <to> the test line & thanks", "Closed now", "Busy now", "You opted out", "Test line help text") },
            [team.Id], null, null), null, CancellationToken.None);
        line = change.Id ?? throw new InvalidOperationException(string.Join("; ", change.Errors.SelectMany(e => e.Value)));
        return line.Value;
    }
}
