using System.Text;
using System.Net.Http.Json;
using Kith.Lines.Conversations;
using Kith.Platform.Jobs;
using Kith.Tests.Concerns.Privacy;

namespace Kith.Tests.Lines;

/// <summary>
/// The SMS adapter end to end over HTTP: signed Twilio webhooks in, TwiML out, conversations assessed and kept with the
/// number only as a keyed hash and ciphertext; STOP/START/HELP; texts out through the fake Twilio API from the line's
/// number, and delivery callbacks.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SmsLinesTests(SmsLinesApp app) : IClassFixture<SmsLinesApp>
{
    private static int sid;

    private Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form, string? signature = SmsLinesApp.Signed) =>
        app.WebhookAsync(path, form, signature);

    private Task<HttpResponseMessage> TextAsync(string from, string body, string? signature = SmsLinesApp.Signed, string to = SmsLinesApp.LineNumber) => PostAsync("/api/lines/sms/inbound", new()
    {
        ["MessageSid"] = $"SM{Interlocked.Increment(ref sid):D32}", ["AccountSid"] = "AC0123456789", ["From"] = from, ["To"] = to,
        ["Body"] = body, ["NumMedia"] = "0", ["SomethingTwilioAddsLater"] = "x",
    }, signature);

    private static async Task<string?> ReplyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", xml.Root!.Name.LocalName);
        return xml.Root.Element("Message")?.Value;
    }

    private Task<T> ReadAsync<T>(Func<KithDb, Task<T>> read) => Concerns.ConcernData.ReadAsync(app, read);

    private async Task<Kith.Lines.Domain.Conversation?> ConversationAsync(string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var hash = scope.ServiceProvider.GetRequiredService<SenderKey>().Hash(number);
        return await scope.ServiceProvider.GetRequiredService<KithDb>().LineConversations.AsNoTracking()
            .Where(c => c.SenderHash == hash).OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync();
    }

    [Fact]
    public async Task Unsigned_or_wrongly_signed_webhooks_are_refused_and_store_nothing()
    {
        await app.LineAsync();
        const string number = "+15075550801";
        var unsigned = await TextAsync(number, "Marker-unsigned", signature: null);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);
        var wrong = await TextAsync(number, "Marker-wrong", signature: TwilioSignatureTests.Sign("https://kith.lines.test/api/lines/sms/inbound", [], "not-the-token"));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        // Signed for another address (a proxy's Host, not the public one): refused too.
        var form = new Dictionary<string, string> { ["MessageSid"] = "SMx", ["From"] = number, ["To"] = SmsLinesApp.LineNumber, ["Body"] = "Marker-elsewhere" };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("/api/lines/sms/inbound", form,
            TwilioSignatureTests.Sign(app.Address + "api/lines/sms/inbound", form, SmsLinesApp.AuthToken))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("/api/lines/sms/status",
            new() { ["MessageSid"] = "SMx", ["MessageStatus"] = "delivered" }, "bm90IGEgc2lnbmF0dXJl")).StatusCode);

        Assert.Null(await ConversationAsync(number));
        Assert.Equal(0, await ReadAsync(db => db.LineMessages.CountAsync(m => m.ProviderId == "SMx")));

        // Signed, but to a number no line answers: the crisis numbers, and nothing kept.
        Assert.Contains("988", await ReplyAsync(await TextAsync(number, "Marker-nowhere", to: "+15075559999")));
        Assert.Null(await ConversationAsync(number));
    }

    [Fact]
    public async Task A_text_opens_a_conversation_answered_in_TwiML_and_the_number_and_text_are_never_stored_or_logged_in_clear()
    {
        var line = await app.LineAsync();
        const string number = "+15075550802";
        var reply = await ReplyAsync(await TextAsync(number, "Marker-first-text: things are hard at home"));
        Assert.Equal("Welcome <to> the test line & thanks", reply); // XML-escaped on the wire, read back intact
        Assert.Null(await ReplyAsync(await TextAsync(number, "Marker-second-text"))); // no automatic answer to every text

        var conversation = (await ConversationAsync(number))!;
        Assert.Equal((line, "sms", "waiting", "routine", false), (conversation.LineId, conversation.Channel, conversation.Status, conversation.Tier, conversation.OptedOut));
        Assert.Equal(number, conversation.SenderNumber); // decrypted through the model
        Assert.Matches("^T-[0-9A-Z]{4}-[0-9A-Z]{4}$", conversation.Reference);
        var texts = await ReadAsync(db => db.LineMessages.AsNoTracking().Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new { m.Direction, m.Text }).ToListAsync());
        Assert.Equal(3, texts.Count);
        Assert.Equal(2, texts.Count(t => t.Direction == "in"));

        var stored = await StoredBytes.FindAsync(app.Database, [number, number[1..], "5075550802", "Marker-first-text", "Marker-second-text", "Welcome <to>"]);
        Assert.Empty(stored);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("5075550802", StringComparison.Ordinal) || l.Contains("Marker-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Risk_words_raise_the_tier_with_its_rules_answer_with_the_crisis_numbers_and_a_later_calm_text_never_lowers_it()
    {
        await app.LineAsync();
        const string number = "+15075550803";
        Assert.DoesNotContain("988", await ReplyAsync(await TextAsync(number, "hi, can I talk to someone")));
        var reply = await ReplyAsync(await TextAsync(number, "I have the pills and I am going to kill myself tonight"));
        Assert.Contains("988", reply);
        var raised = (await ConversationAsync(number))!;
        Assert.Equal("imminent", raised.Tier);
        Assert.Contains("phrase.en.", raised.TierRules);
        // Imminent: the on-call of the line's team is paged at once (the team's only member here), with the reference only.
        var alert = Assert.Single(await ReadAsync(db => db.Alerts.AsNoTracking().Where(a => a.SubjectId == raised.Id).ToListAsync()));
        Assert.Equal(("conversation", "imminent", raised.Reference, "imminent"), (alert.SubjectKind, alert.Kind, alert.SubjectReference, alert.SubjectTier));

        Assert.Null(await ReplyAsync(await TextAsync(number, "ok thanks, I'm fine now")));
        Assert.Equal("imminent", (await ConversationAsync(number))!.Tier);
    }

    [Fact]
    public async Task Help_opens_a_conversation_with_the_help_text_and_crisis_numbers_and_stop_start_follow_the_carriers_keywords()
    {
        await app.LineAsync();
        const string helper = "+15075550804", calm = "+15075550805", atRisk = "+15075550806";

        var help = await ReplyAsync(await TextAsync(helper, "  help "));
        Assert.Contains("Test line help text", help);
        Assert.Contains("988", help);
        var helped = (await ConversationAsync(helper))!;
        Assert.Equal("waiting", helped.Status);
        Assert.Contains("keyword.help", helped.TierRules);

        // Not a keyword: a message that only contains one is for a person.
        await TextAsync(calm, "Please stop, I just need to talk");
        Assert.False((await ConversationAsync(calm))!.OptedOut);
        Assert.Equal("You opted out", await ReplyAsync(await TextAsync(calm, "Stop")));
        var closed = (await ConversationAsync(calm))!;
        Assert.Equal(("closed", "opted-out", true, null), (closed.Status, closed.Disposition, closed.OptedOut, closed.SenderNumber));

        await TextAsync(atRisk, "I want to kill myself");
        foreach (var word in new[] { "UNSUBSCRIBE", "end", "Quit", "stopall", "REVOKE", "optout", "CANCEL" })
        {
            await TextAsync(atRisk, word);
            Assert.True((await ConversationAsync(atRisk))!.OptedOut, word);
            Assert.StartsWith("Welcome", await ReplyAsync(await TextAsync(atRisk, "START")));
            Assert.False((await ConversationAsync(atRisk))!.OptedOut, word);
        }
        await TextAsync(atRisk, "STOP");
        var kept = (await ConversationAsync(atRisk))!;
        // STOP never hides risk: still waiting with its tier, marked opted out, the number kept for the safety protocol.
        Assert.Equal(("waiting", "urgent", true, atRisk), (kept.Status, kept.Tier, kept.OptedOut, kept.SenderNumber));
        var alerts = await ReadAsync(db => db.Alerts.AsNoTracking().Where(a => a.SubjectId == kept.Id).ToListAsync());
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.Equal(("conversation", "opted-out-at-risk", kept.Reference), (a.SubjectKind, a.Kind, a.SubjectReference)));

        // Opted out: risk words get no text back (the carrier would block it) but still reach a person.
        Assert.Null(await ReplyAsync(await TextAsync(atRisk, "I have a gun and I will use it tonight")));
        Assert.Equal("imminent", (await ConversationAsync(atRisk))!.Tier);
    }

    [Fact]
    public async Task A_reply_goes_out_from_the_line_s_number_through_the_outbox_never_to_an_opted_out_number_and_delivery_callbacks_update_it()
    {
        await app.LineAsync();
        const string number = "+15075550807";
        await TextAsync(number, "hello");
        var conversation = (await ConversationAsync(number))!;

        var sent = await SendAsync(conversation.Id, "Marker-reply: we're here");
        await RunOutboxAsync();
        var received = Assert.Single(app.Gateway.Received, r => r.Body == "Marker-reply: we're here");
        Assert.Equal((SmsLinesApp.LineNumber, number, "AC0123456789"), (received.From, received.To, received.AccountSid));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC0123456789:token-not-real")), received.Authorization);
        var message = await ReadAsync(db => db.LineMessages.AsNoTracking().SingleAsync(m => m.Id == sent));
        Assert.Equal("queued", message.DeliveryStatus);
        Assert.StartsWith("SM", message.ProviderId);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/api/lines/sms/status", new() { ["MessageSid"] = message.ProviderId!, ["MessageStatus"] = "delivered", ["AccountSid"] = "AC0123456789" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/api/lines/sms/status", new() { ["MessageSid"] = message.ProviderId!, ["MessageStatus"] = "sent" })).StatusCode); // late, older
        Assert.Equal("delivered", await ReadAsync(db => db.LineMessages.Where(m => m.Id == sent).Select(m => m.DeliveryStatus).SingleAsync()));
        var before = await ReadAsync(db => db.LineMessages.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/api/lines/sms/status", new() { ["MessageSid"] = "SMnobody", ["MessageStatus"] = "failed" })).StatusCode);
        Assert.Equal(before, await ReadAsync(db => db.LineMessages.CountAsync()));

        // Queued before STOP, sent after: the outbound path checks at the moment of sending.
        var queued = await SendAsync(conversation.Id, "Marker-after-stop");
        await TextAsync(number, "STOP");
        var refused = await SendAsync(conversation.Id, "Marker-refused");
        await RunOutboxAsync();
        Assert.DoesNotContain(app.Gateway.Received, r => r.Body is "Marker-after-stop" or "Marker-refused");
        Assert.Equal(["opted-out", "opted-out"], await ReadAsync(db => db.LineMessages.Where(m => m.Id == queued || m.Id == refused).Select(m => m.DeliveryStatus!).ToListAsync()));
    }

    private async Task<Guid> SendAsync(Guid conversationId, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var conversation = await db.LineConversations.SingleAsync(c => c.Id == conversationId);
        var message = await scope.ServiceProvider.GetRequiredService<TextsOut>().SendAsync(conversation, text, null, CancellationToken.None);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private Task<int> RunOutboxAsync() => app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None);

    [Fact]
    public async Task A_closed_conversation_loses_its_messages_and_its_link_to_the_number_after_the_retention_period()
    {
        var (_, team) = await app.LineAsync("retention", "+15075550760");
        var (responder, _) = await app.ResponderAsync("retention@sms-lines.test", team);
        const string closedNumber = "+15075550761", openNumber = "+15075550762";
        Assert.Equal(HttpStatusCode.OK, (await app.TextAsync("+15075550760", closedNumber, "Marker-retained I feel hopeless")).StatusCode);
        var next = await responder.PostAsync("/api/lines/queue/next", null);
        var closed = (await next.Content.ReadFromJsonAsync<Kith.Lines.Queue.ConversationSummary>())!;
        Assert.Equal(HttpStatusCode.OK, (await responder.PostAsJsonAsync($"/api/lines/conversations/{closed.Id}/messages", new { text = "Marker-reply" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await responder.PostAsJsonAsync($"/api/lines/conversations/{closed.Id}/close", new { disposition = "supported" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.TextAsync("+15075550760", openNumber, "Marker-still-open")).StatusCode);
        var open = (await ConversationAsync(openNumber))!;

        var before = await ReadAsync(db => db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == closed.Id));
        app.Clock.Advance(TimeSpan.FromDays(89));
        await PurgeAsync();
        Assert.True(await ReadAsync(db => db.LineMessages.CountAsync(m => m.ConversationId == closed.Id)) >= 3, "kept before the period ends");

        app.Clock.Advance(TimeSpan.FromDays(2));
        await PurgeAsync();
        var purged = await ReadAsync(db => db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == closed.Id));
        Assert.Equal(0, await ReadAsync(db => db.LineMessages.CountAsync(m => m.ConversationId == closed.Id)));
        Assert.NotNull(purged.PurgedAt);
        // The counts keep what they need; nothing leads back to the number any more.
        Assert.Equal(("supported", "closed", before.Tier, before.TierRules, before.StartedAt, before.ClosedAt),
            (purged.Disposition, purged.Status, purged.Tier, purged.TierRules, purged.StartedAt, purged.ClosedAt));
        Assert.Null(purged.SenderNumber);
        Assert.Null(await ConversationAsync(closedNumber));
        // An open conversation is never touched, however old.
        Assert.True(await ReadAsync(db => db.LineMessages.CountAsync(m => m.ConversationId == open.Id)) >= 1);
        Assert.Null((await ReadAsync(db => db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == open.Id))).PurgedAt);
    }

    private async Task PurgeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == "lines.purge-closed-conversations").RunAsync(default);
    }
}
