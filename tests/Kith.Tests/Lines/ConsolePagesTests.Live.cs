using System.Net.Http.Json;
using AngleSharp.Dom;
using Kith.Platform.Realtime;
using Kith.Tests.Concerns;

namespace Kith.Tests.Lines;

/// <summary>
/// The live console's server side (issue 14, item 4): overdue rows, unread counts on "your conversations", the same
/// sender's earlier conversations, and the events the pages refresh on — ids only, never what anyone wrote.
/// </summary>
public sealed partial class ConsolePagesTests
{
    [Fact]
    public async Task A_wait_past_its_limit_is_overdue_unread_counts_rise_and_fall_and_the_history_shows_the_same_senders_earlier_conversation()
    {
        const string number = "+15075550780", sender = "+15075550981";
        var (_, team) = await app.LineAsync("console-live", number);
        var (responder, _) = await app.ResponderAsync("live@lines.test", team);
        // Another number, on a line of its own: never in this sender's history.
        var (otherLine, _) = await app.LineAsync("console-live-other", "+15075550781");
        await app.TextThenWaitAsync("+15075550781", "+15075550982", "Marker-live-other hello");
        var other = await ConcernData.ReadAsync(app, db => db.LineConversations.Where(c => c.LineId == otherLine).Select(c => c.Reference).SingleAsync());

        // A first conversation, taken and closed.
        await app.TextThenWaitAsync(number, sender, "Marker-live-first hi");
        var first = Guid.Parse(Staff.RedirectPath(await Staff.PostFormAsync(responder, "/staff/lines", "next", [])).Split('/').Last());
        Assert.Equal(HttpStatusCode.NoContent, (await responder.PostAsJsonAsync($"/api/lines/conversations/{first}/close", new { disposition = "supported" })).StatusCode);

        // The same number again: a new conversation waits, overdue (in words) once its tier's limit on the line passes.
        await app.TextThenWaitAsync(number, sender, "Marker-live-second it's me again");
        var row = await WaitingRowAsync(responder);
        Assert.DoesNotContain("queue-overdue", row.ClassName);
        Assert.Null(row.QuerySelector(".queue-overdue-flag"));
        Assert.Equal("0 min", row.QuerySelector("time[data-since]")!.TextContent);
        app.Clock.Advance(TimeSpan.FromSeconds(Kith.Lines.Domain.WaitLimits.Default.Routine));
        row = await WaitingRowAsync(responder);
        Assert.Contains("queue-overdue", row.ClassName);
        Assert.Equal("overdue", row.QuerySelector(".queue-overdue-flag")!.TextContent);
        Assert.Equal("30 min", row.QuerySelector("time[data-since]")!.TextContent);
        Assert.True(DateTime.Parse(row.GetAttribute("data-due")!, null, System.Globalization.DateTimeStyles.RoundtripKind) <= app.Clock.GetUtcNow().UtcDateTime);

        // Taken: unread until its page is shown, then read; a new text makes it unread again.
        var page = Staff.RedirectPath(await Staff.PostFormAsync(responder, "/staff/lines", "next", []));
        var second = Guid.Parse(page.Split('/').Last());
        Assert.Equal("1 unread", (await MineAsync(responder, second)).QuerySelector(".lines-unread")!.TextContent);
        var reads = await ReadsAsync(second);
        var shown = await PageAsync(await responder.GetAsync(page));
        Assert.Equal(reads + 1, await ReadsAsync(second));
        Assert.Null((await MineAsync(responder, second)).QuerySelector(".lines-unread"));
        await app.TextThenWaitAsync(number, sender, "Marker-live-third still there?");
        await app.TextThenWaitAsync(number, sender, "Marker-live-fourth hello?");
        Assert.Equal("2", (await MineAsync(responder, second)).QuerySelector(".lines-unread")!.GetAttribute("data-unread"));
        await responder.GetAsync(page);
        Assert.Null((await MineAsync(responder, second)).QuerySelector(".lines-unread"));

        // The history: the earlier conversation of the same number (with a link to read it), not the other number's; no number, no words.
        var history = shown.QuerySelector("#conversation-history")!;
        var earlier = Assert.Single(history.QuerySelectorAll("tbody tr"));
        Assert.Equal(first.ToString(), earlier.GetAttribute("data-conversation-id"));
        Assert.Equal($"/staff/lines/conversations/{first}", earlier.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Supported", earlier.TextContent);
        Assert.DoesNotContain(other, history.TextContent);
        Assert.DoesNotContain("Marker", history.TextContent);
        Assert.DoesNotContain("0981", history.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await responder.GetAsync($"/staff/lines/conversations/{first}")).StatusCode);
    }

    [Fact]
    public async Task Changes_reach_every_console_as_ids_and_only_the_holder_may_say_they_are_writing()
    {
        const string number = "+15075550790";
        var (_, team) = await app.LineAsync("console-events", number);
        var (holder, _) = await app.ResponderAsync("holder@lines.test", team);
        var (colleague, _) = await app.ResponderAsync("colleague-live@lines.test", team);
        var live = app.Services.GetRequiredService<ILiveEvents>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var responders = live.SubscribeAsync(new HashSet<string> { "role:responder" }, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = responders.MoveNextAsync().AsTask();

        await app.TextThenWaitAsync(number, "+15075550991", "Marker-event hello");
        Assert.True(await next);
        Assert.Equal("line-conversation", responders.Current.Type);
        Assert.Contains("\"status\":\"waiting\"", responders.Current.Data);
        Assert.DoesNotContain("Marker", responders.Current.Data);
        var id = Guid.Parse(System.Text.Json.JsonDocument.Parse(responders.Current.Data).RootElement.GetProperty("id").GetString()!);

        next = responders.MoveNextAsync().AsTask();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(holder, "/staff/lines", "next", [])).StatusCode);
        Assert.True(await next);
        Assert.Contains("\"status\":\"active\"", responders.Current.Data);

        // Typing: the holder's nudge reaches the visitor's chat channel; anyone else is refused and nothing is sent.
        await using var chat = live.SubscribeAsync(new HashSet<string> { "chat:" + id }, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var typed = chat.MoveNextAsync().AsTask();
        var refused = await colleague.PostAsync($"/api/lines/conversations/{id}/typing", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await holder.PostAsync($"/api/lines/conversations/{Guid.NewGuid()}/typing", null)).StatusCode);
        Assert.False(typed.IsCompleted);
        Assert.Equal(HttpStatusCode.NoContent, (await holder.PostAsync($"/api/lines/conversations/{id}/typing", null)).StatusCode);
        Assert.True(await typed);
        Assert.Equal(("chat:" + id, "typing", "{}"), (chat.Current.Channel, chat.Current.Type, chat.Current.Data));

        // Closing is news too: the holder's other screens drop it.
        next = responders.MoveNextAsync().AsTask();
        Assert.Equal(HttpStatusCode.NoContent, (await holder.PostAsJsonAsync($"/api/lines/conversations/{id}/close", new { disposition = "supported" })).StatusCode);
        Assert.True(await next);
        Assert.Contains("\"status\":\"closed\"", responders.Current.Data);
        Assert.Equal(HttpStatusCode.NotFound, (await holder.PostAsync($"/api/lines/conversations/{id}/typing", null)).StatusCode);
    }

    [Fact]
    public async Task Search_finds_the_responders_own_conversation_by_a_word_and_reference_never_another_responders_and_is_audited_once()
    {
        const string number = "+15075550795";
        var (line, team) = await app.LineAsync("console-search", number);
        var (mine, me) = await app.ResponderAsync("searcher@lines.test", team);
        var (theirs, _) = await app.ResponderAsync("other-searcher@lines.test", team);
        await app.TextThenWaitAsync(number, "+15075550996", "Marker-search my zebra ran off");
        var own = Guid.Parse(Staff.RedirectPath(await Staff.PostFormAsync(mine, "/staff/lines", "next", [])).Split('/').Last());
        await app.TextThenWaitAsync(number, "+15075550997", "Marker-search a zebra here too");
        var other = Guid.Parse(Staff.RedirectPath(await Staff.PostFormAsync(theirs, "/staff/lines", "next", [])).Split('/').Last());
        var searches = () => ConcernData.ReadAsync(app, db => db.AuditEntries.CountAsync(e => e.Action == "lines.conversation-search" && e.ActorId == me));

        var found = await PageAsync(await mine.GetAsync("/staff/lines/search?words=ZEBRA"));
        Assert.Equal([own.ToString()], found.QuerySelectorAll("#search-results li").Select(l => l.GetAttribute("data-conversation-id")));
        Assert.Equal(1, await searches());
        Assert.DoesNotContain("zebra", (await ConcernData.ReadAsync(app, db => db.AuditEntries.Where(e => e.Action == "lines.conversation-search").ToListAsync()))
            .Select(e => e.Detail ?? "").Aggregate("", string.Concat), StringComparison.OrdinalIgnoreCase);
        var reference = await ConcernData.ReadAsync(app, db => db.LineConversations.Where(c => c.Id == other).Select(c => c.Reference).SingleAsync());
        Assert.Empty((await PageAsync(await mine.GetAsync($"/staff/lines/search?reference={reference}"))).QuerySelectorAll("#search-results li"));
        Assert.Empty((await PageAsync(await mine.GetAsync($"/staff/lines/search?words=giraffe&line={line}"))).QuerySelectorAll("#search-results li"));
        var ownReference = await ConcernData.ReadAsync(app, db => db.LineConversations.Where(c => c.Id == own).Select(c => c.Reference).SingleAsync());
        Assert.Single((await PageAsync(await mine.GetAsync($"/staff/lines/search?reference={ownReference.ToLowerInvariant()}&from=2027-03-01&to=2027-03-01"))).QuerySelectorAll("#search-results li"));
        Assert.Empty((await PageAsync(await mine.GetAsync($"/staff/lines/search?reference={ownReference}&from=2027-03-02"))).QuerySelectorAll("#search-results li"));
        Assert.Equal(5, await searches());

        var bad = await mine.GetAsync("/staff/lines/search?words=zebra&from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("#search-from", (await PageAsync(bad)).QuerySelector("#search-errors a")!.GetAttribute("href"));
        // The calendar's last day (the form crawler's pick) is refused as a date, not a server error.
        var far = await mine.GetAsync("/staff/lines/search?to=9999-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Equal("#search-to", (await PageAsync(far)).QuerySelector("#search-errors a")!.GetAttribute("href"));
        Assert.Equal(5, await searches()); // a refused search searched nothing
    }

    [Fact]
    public async Task Canned_responses_are_checked_field_by_field_and_the_console_offers_those_in_the_conversations_language_to_fill_the_reply_box()
    {
        const string number = "+15075550798";
        var (line, team) = await app.LineAsync("console-canned", number);
        var (otherLine, _) = await app.LineAsync("console-canned-other", "+15075550799");
        var (admin, _) = await Staff.SignedInAsync(app, "canned-admin@lines.test", Roles.Admin);
        var (responder, _) = await app.ResponderAsync("canned@lines.test", team);
        const string api = "/api/lines/canned-responses";

        async Task<string[]> ProblemFieldsAsync(object body)
        {
            var response = await admin.PostAsJsonAsync(api, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return [.. System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
        }
        var before = await ConcernData.ReadAsync(app, db => db.LineCannedResponses.CountAsync());
        Assert.Equal(["language", "text", "title"], (await ProblemFieldsAsync(new { language = "English", title = " ", text = "" })).Order());
        Assert.Equal(["lineId"], await ProblemFieldsAsync(new { lineId = Guid.NewGuid(), language = "en", title = "Hi", text = "Hello" }));
        Assert.Equal(["language"], await ProblemFieldsAsync(new { lineId = line, language = "so", title = "Hi", text = "Hello" })); // the line speaks en and es
        Assert.Equal(["text"], await ProblemFieldsAsync(new { language = "en", title = "Hi", text = new string('x', 1601) }));
        Assert.Equal(before, await ConcernData.ReadAsync(app, db => db.LineCannedResponses.CountAsync())); // nothing half-written

        async Task<Guid> CreateAsync(object body)
        {
            var response = await admin.PostAsJsonAsync(api, body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        }
        var english = await CreateAsync(new { lineId = line, language = "en", title = "Marker-canned welcome", text = "Hi, thanks for writing.\nWhat's happening?" });
        var spanish = await CreateAsync(new { lineId = line, language = "es", title = "Marker-canned hola", text = "Hola, gracias por escribir." });
        var elsewhere = await CreateAsync(new { lineId = otherLine, language = "en", title = "Marker-canned other line", text = "Other line." });
        var changed = await admin.PutAsJsonAsync($"{api}/{english}", new { lineId = line, language = "en", title = "Marker-canned welcome", text = "Hi, I'm here.\nWhat's happening?" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"{api}/{english}", new { lineId = line, language = "en", title = "", text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{api}/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{api}/{elsewhere}")).StatusCode);
        var listed = await admin.GetFromJsonAsync<System.Text.Json.JsonElement[]>($"{api}?line={line}");
        Assert.Equal(new[] { english, spanish }.Order(), listed!.Select(c => c.GetProperty("id").GetGuid()).Order()); // ids made at one instant: any order
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.PostAsJsonAsync(api, new { language = "en", title = "Hi", text = "Hello" })).StatusCode);
        Assert.Equal(4, await ConcernData.ReadAsync(app, db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("lines.canned-response-") && (e.SubjectId == english.ToString() || e.SubjectId == elsewhere.ToString()))));

        // The administrators' page adds through the same checks: a bad one lands on the problem naming the field.
        var refused = await Staff.PostFormAsync(admin, "/staff/lines/canned-responses", "add", [new("language", "es"), new("title", "Marker-canned page"), new("text", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("#canned-text", (await PageAsync(refused)).QuerySelector("#canned-errors a")!.GetAttribute("href"));
        var added = await Staff.PostFormAsync(admin, "/staff/lines/canned-responses", "add",
            [new("lineId", line.ToString()), new("language", "es"), new("title", "Marker-canned page"), new("text", "Estoy aquí.")]);
        Assert.Equal("/staff/lines/canned-responses?done=added", Landing(added));
        Assert.Contains("Marker-canned page", await admin.GetStringAsync("/staff/lines/canned-responses"));
        Assert.Equal("/staff/denied", Staff.RedirectPath(await responder.GetAsync("/staff/lines/canned-responses")));

        // An English conversation offers the English one of its line only; choosing it (without JavaScript) fills the reply box.
        await app.TextThenWaitAsync(number, "+15075550998", "hello");
        var page = Staff.RedirectPath(await Staff.PostFormAsync(responder, "/staff/lines", "next", []));
        var shown = await PageAsync(await responder.GetAsync(page));
        Assert.Equal([english.ToString()], shown.QuerySelectorAll("#canned-pick option").Select(o => o.GetAttribute("value")));
        Assert.Equal("", shown.QuerySelector("#reply-text")!.TextContent);
        var filled = await PageAsync(await responder.GetAsync($"{page}?canned={english}"));
        Assert.Equal("Hi, I'm here.\nWhat's happening?", filled.QuerySelector("#reply-text")!.TextContent);
        Assert.True(filled.QuerySelector($"#canned-pick option[value='{english}']")!.HasAttribute("selected"));
    }

    private static async Task<IElement> WaitingRowAsync(HttpClient responder) =>
        Assert.Single((await PageAsync(await responder.GetAsync("/staff/lines"))).QuerySelectorAll("#lines-waiting tbody tr"));

    private static async Task<IElement> MineAsync(HttpClient responder, Guid id) =>
        (await PageAsync(await responder.GetAsync("/staff/lines"))).QuerySelector($"#lines-mine li[data-conversation-id='{id}']")!;
}
