using Kith.Concerns.Domain;
using Kith.Concerns.Receipts;

namespace Kith.Tests.Concerns.FollowUp;

/// <summary>
/// /concerns/follow-up: the receipt is posted, never put in a URL; the reporter sees the stage and the team's
/// messages (never an internal note), answers with the receipt carried in the form, and a wrong receipt gets
/// the same words whatever is wrong with it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReadRepliesPageTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task The_page_asks_for_the_receipt_in_a_posted_form()
    {
        var (response, _, page) = await ConcernPages.GetAsync(app.Browser(), "/concerns/follow-up");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("main form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("off", form.QuerySelector("input#receipt")!.GetAttribute("autocomplete"));
        Assert.NotNull(page.QuerySelector("label[for=receipt]"));
    }

    [Fact]
    public async Task The_right_receipt_shows_the_stage_and_the_teams_messages_but_never_an_internal_note()
    {
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine("Marker-own-words"));
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        await AddMessagesAsync(concern.Id, (MessageKinds.Message, "Marker-team-reply"), (MessageKinds.Note, "Marker-internal-note"),
            (MessageKinds.Question, "Marker-team-question"));
        var client = app.Browser();

        // Typed the way people do: lower case, spaces instead of dashes.
        var (response, body, page) = await ConcernPages.OpenAsync(client, receipt.ToLowerInvariant().Replace('-', ' '));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.All(ConcernPages.CookiesSet(response), name => Assert.Equal("kith-af", name));
        Assert.Contains("Received. A person will look at it soon.", page.QuerySelector(".concern-stage")!.TextContent);
        var messages = page.QuerySelectorAll("ol.concern-conversation > li");
        Assert.Equal(2, messages.Length);
        Assert.Contains("Marker-team-reply", messages[0].QuerySelector(".concern-message-body")!.TextContent);
        Assert.Contains("concern-from-team", messages[0].ClassList);
        Assert.Contains("concern-question", messages[1].ClassList);
        Assert.Contains("The team asks you", messages[1].TextContent);
        Assert.DoesNotContain("Marker-internal-note", body);
        Assert.DoesNotContain("Marker-own-words", body); // the narrative is not echoed: the page shows the conversation
        // The reply form carries the receipt itself, so no cookie or session is needed.
        var reply = page.QuerySelector("form.concern-reply")!;
        Assert.Equal(receipt, reply.QuerySelector("input[type=hidden][name=receipt]")!.GetAttribute("value"));
        Assert.Equal("Your answer", reply.QuerySelector("label[for=text]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_stage_is_told_in_the_readers_language()
    {
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        var client = app.Browser();
        await client.GetAsync("/language/es?returnUrl=%2Fconcerns%2Ffollow-up");

        var (_, _, page) = await ConcernPages.OpenAsync(client, receipt);

        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Recibido. Una persona lo revisará pronto.", page.QuerySelector(".concern-stage")!.TextContent);
        Assert.Contains("Todavía no hay respuestas.", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_refreshed_or_double_tapped_reply_is_kept_once_and_shows_the_crisis_lines_each_time()
    {
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        var client = app.Browser();
        var (_, _, opened) = await ConcernPages.OpenAsync(client, receipt);
        var once = opened.QuerySelector("form.concern-reply input[type=hidden][name=once]")!.GetAttribute("value")!;
        KeyValuePair<string, string>[] reply =
            [KeyValuePair.Create("receipt", receipt), KeyValuePair.Create("text", "Sam posted again tonight saying goodbye. I am scared."), KeyValuePair.Create("once", once)];
        async Task<AngleSharp.Dom.IDocument> SendAsync() => (await ConcernPages.ReadAsync(await Staff.PostFormAsync(client, "/concerns/follow-up", "concern-reply", reply))).Page;

        var taps = await Task.WhenAll(SendAsync(), SendAsync());
        var refreshed = await SendAsync();

        var stored = await ConcernData.ReadAsync(app, db => db.ConcernMessages.AsNoTracking()
            .CountAsync(m => m.ConcernId == concern.Id && m.Kind == MessageKinds.Reporter));
        Assert.Equal(1, stored);
        Assert.All(taps.Append(refreshed), page =>
        {
            Assert.NotNull(page.QuerySelector("main > #crisis-options[autofocus]"));
            Assert.NotNull(page.QuerySelector("#follow-up-sent"));
            Assert.Single(page.QuerySelectorAll("ol.concern-conversation > li.concern-from-you"));
        });
    }

    [Fact]
    public async Task A_reply_is_kept_as_the_reporters_and_appears_in_the_conversation()
    {
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        var concern = await ConcernData.ByReceiptAsync(app, receipt);
        await AddMessagesAsync(concern.Id, (MessageKinds.Question, "Which lunch period is it?"));

        var (response, _, page) = await ConcernPages.ReplyAsync(app.Browser(), receipt, "Marker-reply-4d2e: the second one.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#follow-up-sent.alert.success[autofocus]"));
        var mine = page.QuerySelector("ol.concern-conversation > li.concern-from-you")!;
        Assert.Contains("Marker-reply-4d2e", mine.TextContent);
        Assert.Contains("You wrote", mine.TextContent);
        var stored = await ConcernData.ReadAsync(app, db => db.ConcernMessages.AsNoTracking()
            .Where(m => m.ConcernId == concern.Id && m.Kind == MessageKinds.Reporter).ToListAsync());
        Assert.Equal("Marker-reply-4d2e: the second one.", Assert.Single(stored).Body);
        Assert.Null(stored[0].AuthorId);
    }

    [Fact]
    public async Task An_empty_reply_is_refused_beside_the_field_and_the_conversation_stays()
    {
        var (receipt, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        var concern = await ConcernData.ByReceiptAsync(app, receipt);

        var (response, _, page) = await ConcernPages.ReplyAsync(app.Browser(), receipt, "   ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Write a message first.", page.QuerySelector("#error-text")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("textarea#text")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector(".concern-stage"));
        Assert.False(await ConcernData.ReadAsync(app, db => db.ConcernMessages.AnyAsync(m => m.ConcernId == concern.Id)));
    }

    [Fact]
    public async Task A_wrong_receipt_gets_the_same_answer_whether_garbage_unknown_or_purged()
    {
        var (purged, _) = await ConcernData.SubmitAsync(app.CreateClient(), ConcernData.Routine());
        var id = (await ConcernData.ByReceiptAsync(app, purged)).Id;
        await ConcernData.ReadAsync(app, db => db.Concerns.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReceiptHash, (string?)null)));
        var client = app.Browser();

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var receipt in new[] { "hello", ReceiptCode.Grouped(ReceiptCode.Generate()), purged })
        {
            var (response, _, page) = await ConcernPages.OpenAsync(client, receipt);
            answers.Add((response.StatusCode, page.QuerySelector("#receipt-problem[autofocus]")!.TextContent.Trim()));
            Assert.Null(page.QuerySelector("ol.concern-conversation, form.concern-reply"));
        }

        Assert.Equal((HttpStatusCode.OK, "No concern opens with that receipt code. Check it and try again."), answers[0]);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    private async Task AddMessagesAsync(Guid concern, params (string Kind, string Body)[] messages)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var at = DateTime.UtcNow;
        foreach (var (kind, body) in messages)
        {
            at = at.AddSeconds(1);
            db.ConcernMessages.Add(new ConcernMessage { Id = Guid.CreateVersion7(at), ConcernId = concern, At = at, Kind = kind, AuthorId = kind == MessageKinds.Reporter ? null : "responder", Body = body });
        }
        await db.SaveChangesAsync();
    }
}
