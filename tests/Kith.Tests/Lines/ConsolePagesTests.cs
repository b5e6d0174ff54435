using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kith.Tests.Concerns;

namespace Kith.Tests.Lines;

/// <summary>
/// The responder's console as plain pages (no JavaScript): the queue shows who waits without what they wrote, its
/// button gives the top person, the conversation page shows the messages to the line's teams only (each read audited),
/// and its reply and close forms act through the API's own logic and land on their result.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ConsolePagesTests(SmsLinesApp app) : IClassFixture<SmsLinesApp>
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Where a post redirected to: path and query.</summary>
    private static string Landing(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } location ? location.PathAndQuery : response.Headers.Location!.OriginalString;

    private static async Task<IDocument> PageAsync(HttpResponseMessage response) => await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    private Task<int> ReadsAsync(Guid id) => ConcernData.ReadAsync(app, db =>
        db.AuditEntries.CountAsync(e => e.Action == "lines.conversation-read" && e.SubjectId == id.ToString()));

    [Fact]
    public async Task The_queue_shows_no_text_help_the_next_person_gives_the_top_one_and_only_the_lines_teams_see_it_each_read_audited()
    {
        const string number = "+15075550760";
        var (_, team) = await app.LineAsync("console-queue", number);
        var (_, otherTeam) = await app.LineAsync("console-other", "+15075550761");
        var (responder, responderId) = await app.ResponderAsync("console@lines.test", team);
        var (stranger, _) = await app.ResponderAsync("stranger@lines.test", otherTeam);
        await app.TextThenWaitAsync(number, "+15075550961", "Marker-console-routine hi, rough week");
        await app.TextThenWaitAsync(number, "+15075550962", "Marker-console-imminent I have the pills and I am going to kill myself tonight");

        var queue = await responder.GetAsync("/staff/lines");
        var html = await queue.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.DoesNotContain("Marker-console", html); // a queue row shows no content
        var rows = (await PageAsync(queue)).QuerySelectorAll("table.lines-queue tbody tr").Select(r => r.ClassName).ToList();
        Assert.Equal(["queue-row queue-tier-imminent", "queue-row queue-tier-routine"], rows); // the imminent one first, though newer
        Assert.Contains("Imminent danger", html);
        Assert.Contains("href=\"/staff/lines\"", await responder.GetStringAsync("/staff")); // in the staff navigation

        var taken = await Staff.PostFormAsync(responder, "/staff/lines", "next", []);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var page = Staff.RedirectPath(taken);
        var id = Guid.Parse(page.Split('/').Last());
        var conversation = await ConcernData.ReadAsync(app, db => db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("imminent", "active", responderId), (conversation.Tier, conversation.Status, conversation.AssignedTo));
        Assert.Equal(1, await ConcernData.ReadAsync(app, db => db.AuditEntries.CountAsync(e => e.Action == "lines.conversation-taken" && e.SubjectId == id.ToString())));

        var before = await ReadsAsync(id);
        var shown = await responder.GetAsync(Landing(taken));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var doc = await PageAsync(shown);
        Assert.Contains("Marker-console-imminent", doc.QuerySelector("#messages")!.TextContent);
        Assert.Contains("Imminent risk: answer now.", doc.QuerySelector(".line-tier-alert")!.TextContent); // in words, not only colour
        Assert.NotEmpty(doc.QuerySelectorAll(".line-tier-rules code")); // the rules that explain the tier
        Assert.NotNull(doc.QuerySelector("h1#conversation-title[autofocus]"));
        Assert.Equal(before + 1, await ReadsAsync(id));
        var entry = await ConcernData.ReadAsync(app, db => db.AuditEntries.Where(e => e.Action == "lines.conversation-read" && e.SubjectId == id.ToString())
            .OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(("line-conversation", responderId), (entry.SubjectType, entry.ActorId));
        Assert.DoesNotContain("Marker", entry.Detail ?? "");

        // Your conversations lists it; the waiting list no longer does.
        var after = await PageAsync(await responder.GetAsync("/staff/lines"));
        Assert.Equal(id.ToString(), after.QuerySelector(".lines-mine li")!.GetAttribute("data-conversation-id"));
        Assert.DoesNotContain(after.QuerySelectorAll("table.lines-queue tbody tr"), r => r.GetAttribute("data-conversation-id") == id.ToString());

        // Another team's responder: the same 404 as an id that does not exist, and nothing read or recorded.
        var denied = await stranger.GetAsync(page);
        var missing = await stranger.GetAsync($"/staff/lines/conversations/{Guid.NewGuid()}");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (denied.StatusCode, missing.StatusCode));
        Assert.DoesNotContain("Marker-console", await denied.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await ReadsAsync(id));

        // The routine one is next; then nobody waits, and the page says so.
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(responder, "/staff/lines", "next", [])).StatusCode);
        var none = await Staff.PostFormAsync(responder, "/staff/lines", "next", []);
        Assert.Equal("/staff/lines?nobody=true", Landing(none));
        Assert.NotNull((await PageAsync(await responder.GetAsync("/staff/lines?nobody=true"))).QuerySelector("#next-nobody[autofocus]"));
    }

    [Fact]
    public async Task A_reply_from_the_page_goes_out_through_the_outbox_and_lands_on_it_a_bad_one_lands_on_the_problem_and_close_works()
    {
        const string number = "+15075550770";
        var (_, team) = await app.LineAsync("console-reply", number);
        var (responder, _) = await app.ResponderAsync("reply@lines.test", team);
        var (colleague, _) = await app.ResponderAsync("colleague@lines.test", team);
        var (stranger, _) = await app.ResponderAsync("outsider@lines.test", (await app.LineAsync("console-elsewhere", "+15075550771")).Team);
        await app.TextThenWaitAsync(number, "+15075550971", "can someone talk");
        var page = Staff.RedirectPath(await Staff.PostFormAsync(responder, "/staff/lines", "next", []));
        var id = Guid.Parse(page.Split('/').Last());

        var replied = await Staff.PostFormAsync(responder, page, "reply", [new("text", "Marker-console-reply: I'm here with you")]);
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var landing = Landing(replied);
        var messageId = await ConcernData.ReadAsync(app, db => db.LineMessages.Where(m => m.ConversationId == id && m.AuthorId != null).Select(m => m.Id).SingleAsync());
        Assert.Equal($"{page}?sent={messageId}", landing);
        var landed = (await PageAsync(await responder.GetAsync(landing))).QuerySelector($"#message-{messageId}")!;
        Assert.True(landed.HasAttribute("autofocus"));
        Assert.Contains("Marker-console-reply", landed.TextContent);
        Assert.Contains("Waiting to send", landed.TextContent); // its delivery status
        await app.Services.GetRequiredService<Kith.Platform.Jobs.JobRunner>().RunDueAsync(CancellationToken.None);
        Assert.Equal(number, Assert.Single(app.Gateway.Received, r => r.Body == "Marker-console-reply: I'm here with you").From);

        var blank = await Staff.PostFormAsync(responder, page, "reply", [new("text", "   ")]);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var summary = (await PageAsync(blank)).QuerySelector("#conversation-errors[autofocus]")!;
        Assert.Contains("Write a reply of 1 to 1600 characters.", summary.TextContent);
        Assert.Equal("#reply-text", summary.QuerySelector("a")!.GetAttribute("href"));

        // A colleague on the team may read it but not answer in someone else's conversation; an outsider gets 404.
        Assert.Equal(HttpStatusCode.Forbidden, (await Staff.PostFormAsync(colleague, page, "reply", [new("text", "not mine")])).StatusCode);
        var outsider = await stranger.PostAsync(page, new FormUrlEncodedContent([new("_handler", "reply"), new("__RequestVerificationToken",
            await Staff.AntiforgeryTokenAsync(stranger, "/staff/lines")), new("text", "Marker-outsider")]));
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(0, await ConcernData.ReadAsync(app, db => db.LineMessages.CountAsync(m => m.ConversationId == id && m.AuthorId != null && m.Id != messageId)));

        var closed = await Staff.PostFormAsync(responder, page, "close", [new("disposition", "supported")]);
        Assert.Equal($"{page}?done=close", Landing(closed));
        var conversation = await ConcernData.ReadAsync(app, db => db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("closed", "supported", null), (conversation.Status, conversation.Disposition, conversation.SenderNumber));
        var done = await PageAsync(await responder.GetAsync($"{page}?done=close"));
        Assert.NotNull(done.QuerySelector("#conversation-done[autofocus]"));
        Assert.Null(done.QuerySelector("form#form-reply")); // nothing more can be sent
    }
}
