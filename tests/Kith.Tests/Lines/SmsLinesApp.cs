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
        line = (await LineAsync("sms-test", LineNumber, admin,
            new() { ["en"] = new("Welcome <to> the test line & thanks", "Closed now", "Busy now", "You opted out", "Test line help text") })).Line;
        return line.Value;
    }

    /// <summary>A 24/7 line on <paramref name="number"/> answered by a new team of its own (led by <paramref name="lead"/>, if any).</summary>
    internal async Task<(Guid Line, Guid Team)> LineAsync(string slug, string number, string? lead = null,
        Dictionary<string, Kith.Lines.Domain.LineTexts>? texts = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var team = new Kith.Responders.Domain.Team { Id = Guid.NewGuid(), Name = "Team of " + slug, LeadUserId = lead, CreatedAt = DateTime.UtcNow };
        db.Teams.Add(team);
        if (lead is not null) db.TeamMembers.Add(new Kith.Responders.Domain.TeamMember { TeamId = team.Id, UserId = lead });
        await db.SaveChangesAsync();
        var change = await scope.ServiceProvider.GetRequiredService<LineEditor>().CreateAsync(new LineRequest(
            "Line " + slug, slug, null, ["en", "es"], number, null, null, "America/Chicago",
            Kith.Lines.Domain.LineSetup.Weekdays.ToDictionary(w => w.Code, _ => new[] { "00:00-24:00" }), [],
            texts ?? new() { ["en"] = new("Hello", "Closed", "Busy", "Bye", "Help") }, [team.Id], null, null), null, CancellationToken.None);
        return (change.Id ?? throw new InvalidOperationException(string.Join("; ", change.Errors.SelectMany(e => e.Value))), team.Id);
    }

    /// <summary>A webhook POST signed as Twilio signs it, for the public address (or with the given signature; none when null).</summary>
    public async Task<HttpResponseMessage> WebhookAsync(string path, Dictionary<string, string> form, string? signature = Signed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
            request.Headers.Add("X-Twilio-Signature", signature == Signed ? TwilioSignatureTests.Sign(PublicBaseUrl + path, form, AuthToken) : signature);
        return await CreateClient().SendAsync(request);
    }

    /// <summary>A signed-in responder on <paramref name="team"/>.</summary>
    public async Task<(HttpClient Client, string Id)> ResponderAsync(string email, Guid team)
    {
        var (client, id) = await Staff.SignedInAsync(this, email, Roles.Responder, await Staff.AddOrganisationAsync(this, "Org " + email));
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        db.TeamMembers.Add(new Kith.Responders.Domain.TeamMember { TeamId = team, UserId = id });
        await db.SaveChangesAsync();
        return (client, id);
    }

    /// <summary>A text from <paramref name="from"/> to a line's number, answered 200, then half a minute passes.</summary>
    public async Task TextThenWaitAsync(string to, string from, string body)
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["From"] = from, ["To"] = to, ["Body"] = body };
        Assert.Equal(HttpStatusCode.OK, (await WebhookAsync("/api/lines/sms/inbound", form)).StatusCode);
        Clock.Advance(TimeSpan.FromSeconds(30));
    }

    public const string Signed = "(signed)";

    /// <summary>A signed inbound text from <paramref name="from"/> to the line on <paramref name="to"/>.</summary>
    public Task<HttpResponseMessage> TextAsync(string to, string from, string body) => WebhookAsync("/api/lines/sms/inbound",
        new() { ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["From"] = from, ["To"] = to, ["Body"] = body });
}
