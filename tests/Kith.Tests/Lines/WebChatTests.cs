using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kith.Tests.Concerns;
using Kith.Tests.Concerns.Privacy;
using Kith.Tests.Platform;

namespace Kith.Tests.Lines;

/// <summary>
/// Web chat as a visitor's browser uses it (ADR 36): plain form posts with antiforgery and a session cookie, the same
/// conversations, triage, queue and paging as SMS, replies on the page and the live stream — and never to the SMS
/// gateway, never a token in a URL, never the visitor's address or browser kept.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WebChatTests(SmsLinesApp app) : IClassFixture<SmsLinesApp>
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IDocument> PageAsync(HttpResponseMessage response) => await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    private static Task<HttpResponseMessage> SendAsync(HttpClient visitor, string line, string text) =>
        Staff.PostFormAsync(visitor, "/chat/" + line, "chat", [new("text", text)]);

    private Task<T> ReadAsync<T>(Func<KithDb, Task<T>> read) => ConcernData.ReadAsync(app, read);

    private HttpClient Visitor()
    {
        var visitor = app.Browser();
        visitor.DefaultRequestHeaders.UserAgent.ParseAdd("Marker-web-agent/1.0");
        return visitor;
    }

    [Fact]
    public async Task A_visitor_known_only_by_a_cookie_chats_and_a_responders_reply_reaches_the_page_and_the_stream_never_the_sms_gateway()
    {
        var (_, team) = await app.LineAsync("web-chat", "+15075550780", texts: new() { ["en"] = new("Marker-greeting-en", "Closed", "Busy", "Bye", "Help"),
            ["es"] = new("Marker-saludo-es", "Cerrada", "Ocupada", "Adiós", "Ayuda") });
        var (responder, responderId) = await app.ResponderAsync("web@lines.test", team);
        using var visitor = Visitor();

        var lines = await visitor.GetStringAsync("/chat");
        Assert.Contains("href=\"/chat/web-chat\"", lines);
        Assert.Contains("Open now", lines);
        Assert.Contains("href=\"/chat\"", await visitor.GetStringAsync("/")); // in the public footer
        Assert.Contains("Do not share your real name", await visitor.GetStringAsync("/chat/web-chat"));
        Assert.Equal(HttpStatusCode.NoContent, (await visitor.GetAsync("/chat/web-chat/events")).StatusCode); // no conversation yet

        var sent = await SendAsync(visitor, "web-chat", "Marker-web-first: hello, is anyone there?");
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Equal("/chat/web-chat?sent=true", sent.Headers.Location!.OriginalString);
        var cookie = Assert.Single(sent.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kith-chat=", StringComparison.Ordinal));
        var session = cookie.Split(';')[0]["kith-chat=".Length..];
        Assert.Matches("^[0-9a-f]{32}$", session); // 128 random bits
        var attributes = cookie.ToLowerInvariant();
        Assert.Contains("path=/chat", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.DoesNotContain("expires", attributes); // a session cookie
        Assert.DoesNotContain("max-age", attributes);

        var landing = await PageAsync(await visitor.GetAsync(sent.Headers.Location.OriginalString));
        var items = landing.QuerySelectorAll("#chat-transcript > li");
        Assert.Equal(2, items.Length);
        Assert.Contains("Marker-web-first", items[0].TextContent);
        Assert.Contains("Marker-greeting-en", items[1].TextContent); // the line's greeting, in the visitor's language
        Assert.True(items[1].HasAttribute("autofocus")); // the page lands on its result
        // A band, never a position: with no recent history on the line, its own limit for the tier (routine: 30 minutes).
        Assert.Contains("It may take more than 15 minutes", landing.QuerySelector("#chat-status")!.TextContent);
        Assert.Contains("tel:988", landing.QuerySelector("#chat-wait-help")!.InnerHtml); // crisis numbers while waiting

        Assert.Equal(HttpStatusCode.SeeOther, (await SendAsync(visitor, "web-chat", "Marker-web-second: still here")).StatusCode);
        var conversation = await ReadAsync(db => db.LineConversations.AsNoTracking().SingleAsync(c => c.LineId == db.Lines.Single(l => l.Slug == "web-chat").Id));
        Assert.Equal(("web", "routine", "waiting", null), (conversation.Channel, conversation.Tier, conversation.Status, conversation.SenderNumber));
        Assert.Equal(app.Services.GetRequiredService<Kith.Lines.Conversations.SenderKey>().HashWeb(session), conversation.SenderHash);

        // Another browser is another visitor, with a conversation of its own, and cannot read the first one.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var other = Visitor();
        Assert.Equal(HttpStatusCode.SeeOther, (await SendAsync(other, "web-chat", "Marker-web-other")).StatusCode);
        var otherPage = await other.GetStringAsync("/chat/web-chat");
        Assert.DoesNotContain("Marker-web-first", otherPage);
        Assert.Equal(2, await ReadAsync(db => db.LineConversations.CountAsync(c => c.LineId == conversation.LineId)));

        // The visitor's stream is live; the responder takes the oldest and replies through the API.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang guard, not a timing assertion
        await EventStream.WaitForListenerAsync(app, guard.Token);
        var stream = await visitor.GetAsync("/chat/web-chat/events", HttpCompletionOption.ResponseHeadersRead, guard.Token);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        await using var events = new EventStream(visitor, stream, new StreamReader(await stream.Content.ReadAsStreamAsync(guard.Token)));
        Assert.Equal("ready", (await events.NextAsync(guard.Token)).Type);

        var taken = await responder.PostAsync("/api/lines/queue/next", null);
        Assert.Equal(conversation.Id, (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, (await visitor.PostAsync("/chat/web-chat/typing", null)).StatusCode);
        // Now the line has answered a routine chat at once: the other visitor's band says so.
        Assert.Contains("Usually answered within 5 minutes.", await other.GetStringAsync("/chat/web-chat"));
        var reply = await responder.PostAsJsonAsync($"/api/lines/conversations/{conversation.Id}/messages", new { text = "Marker-web-reply: I'm here with you" });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("delivered", (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveryStatus").GetString());
        var live = await events.NextAsync(guard.Token);
        Assert.Equal("message", live.Type);
        var message = JsonDocument.Parse(live.Data).RootElement;
        Assert.Equal(("Marker-web-reply: I'm here with you", "responder"), (message.GetProperty("text").GetString(), message.GetProperty("who").GetString()));

        var checkedPage = await visitor.GetAsync("/chat/web-chat?check=true");
        var html = await checkedPage.Content.ReadAsStringAsync();
        var last = (await PageAsync(checkedPage)).QuerySelectorAll("#chat-transcript > li").Last();
        Assert.Contains("Marker-web-reply", last.TextContent);
        Assert.Contains("Responder", last.TextContent);
        Assert.True(last.HasAttribute("autofocus"));
        Assert.DoesNotContain(responderId, html); // "Responder", never who
        Assert.DoesNotContain("web@lines.test", html);
        Assert.Contains("A responder is with you.", html);

        // Nothing for the web went to the SMS outbox or the gateway.
        await app.Services.GetRequiredService<Kith.Platform.Jobs.JobRunner>().RunDueAsync(CancellationToken.None);
        Assert.DoesNotContain(app.Gateway.Received, r => r.Body != null && r.Body.Contains("Marker-web", StringComparison.Ordinal));
        Assert.Equal(0, await ReadAsync(db => db.Outbox.CountAsync(o => o.Topic == "lines.sms-out")));

        // No address, browser or session value is kept, and no URL ever carried the session.
        var row = JsonSerializer.Serialize(await ReadAsync(db => db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == conversation.Id)));
        Assert.DoesNotContain("127.0.0.1", row);
        Assert.Empty(await StoredBytes.FindAsync(app.Database, ["Marker-web-agent", session]));
        Assert.DoesNotContain(session, html);

        // End chat: the cookie is cleared, the page says so, and the responder sees the visitor left.
        var ended = await Staff.PostFormAsync(visitor, "/chat/web-chat", "chat-end", []);
        Assert.Equal("/chat/web-chat?ended=true", ended.Headers.Location!.OriginalString);
        Assert.Contains(ended.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kith-chat=;", StringComparison.Ordinal));
        Assert.NotNull((await PageAsync(await visitor.GetAsync("/chat/web-chat?ended=true"))).QuerySelector("#chat-ended[autofocus]"));
        Assert.Contains("They ended the web chat", await responder.GetStringAsync($"/staff/lines/conversations/{conversation.Id}"));
    }

    [Fact]
    public async Task An_imminent_message_shows_the_crisis_numbers_first_and_pages_as_sms_does_stop_is_words_and_bad_input_stores_nothing()
    {
        var (lineId, _) = await app.LineAsync("web-risk", "+15075550781", await Staff.AddAsync(app, "lead@web-risk.test", Roles.Admin));
        using var visitor = Visitor();

        var empty = await SendAsync(visitor, "web-risk", "   ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.DoesNotContain(empty.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("kith-chat", StringComparison.Ordinal));
        var summary = (await PageAsync(empty)).QuerySelector("#chat-errors[autofocus]")!;
        Assert.Equal("#chat-text", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(visitor, "web-risk", new string('a', 1001))).StatusCode);
        Assert.Equal(0, await ReadAsync(db => db.LineConversations.CountAsync(c => c.LineId == lineId)));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/chat/no-such-line")).StatusCode);

        var sent = await SendAsync(visitor, "web-risk", "I have the pills and I am going to kill myself tonight");
        var landing = await PageAsync(await visitor.GetAsync(sent.Headers.Location!.OriginalString));
        var danger = landing.QuerySelector("#chat-danger[autofocus]")!; // first on the page, focused
        Assert.Contains("tel:988", danger.InnerHtml);
        Assert.Contains("988", landing.QuerySelectorAll("#chat-transcript > li.chat-message-automatic").Last().TextContent); // as SMS texts them
        var conversation = await ReadAsync(db => db.LineConversations.AsNoTracking().SingleAsync(c => c.LineId == lineId));
        Assert.Equal("imminent", conversation.Tier);
        var alert = Assert.Single(await ReadAsync(db => db.Alerts.AsNoTracking().Where(a => a.SubjectId == conversation.Id).ToListAsync()));
        Assert.Equal(("conversation", "imminent"), (alert.SubjectKind, alert.Kind));

        // STOP is a carrier's keyword: in the chat it is words for a person, kept in the open conversation.
        Assert.Equal(HttpStatusCode.SeeOther, (await SendAsync(visitor, "web-risk", "STOP")).StatusCode);
        var after = await ReadAsync(db => db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == conversation.Id));
        Assert.Equal((false, null), (after.OptedOut, after.ClosedAt));
        Assert.Equal(0, await ReadAsync(db => db.LineOptOuts.CountAsync(o => o.SenderHash == conversation.SenderHash)));
        Assert.Equal(2, await ReadAsync(db => db.LineMessages.CountAsync(m => m.ConversationId == conversation.Id && m.Direction == "in")));
    }
}
