namespace Kith.BrowserTests;

/// <summary>
/// The live text-line console across nodes (issue 14): two responders, each on a different node of one PostgreSQL
/// database, watch <c>/staff/lines</c>. A text signed as Twilio signs it reaches both consoles without a reload; one
/// responder presses "Help the next person" and the other sees the person leave the queue; the texter's next messages
/// raise the holder's unread count and appear on the open conversation — all live, through LISTEN/NOTIFY.
/// </summary>
[Trait("Category", "PostgresOnly")]
public sealed class LinesOnTwoNodesTests(TwoLineNodes nodes, ITestOutputHelper log) : IClassFixture<TwoLineNodes>
{
    [Fact]
    public async Task A_text_reaches_both_consoles_and_taking_it_on_one_node_takes_it_off_the_other()
    {
        try
        {
            var (contextA, contextB) = (await nodes.NewContextAsync(nodes.NodeA), await nodes.NewContextAsync(nodes.NodeB));
            await using var _ = contextA;
            await using var __ = contextB;
            var (a, b) = await ConsolesAsync(contextA, contextB);
            var waitingA = a.Locator("#lines-waiting tr[data-conversation-id]");
            var waitingB = b.Locator("#lines-waiting tr[data-conversation-id]");
            await Assertions.Expect(waitingA).ToHaveCountAsync(0);

            // The text arrives on node B; both consoles show it, and B's announces it politely.
            await nodes.TextAsync(nodes.NodeB, "+15075550931", "Marker-two-nodes: is anyone there?");
            await Assertions.Expect(waitingA).ToHaveCountAsync(1);
            await Assertions.Expect(waitingB).ToHaveCountAsync(1);
            var id = await waitingA.GetAttributeAsync("data-conversation-id");
            Assert.Equal(id, await waitingB.GetAttributeAsync("data-conversation-id"));
            await Assertions.Expect(b.Locator("[data-lines-announce]")).ToHaveTextAsync("Someone new is waiting.");
            await Assertions.Expect(waitingA.Locator("time[data-since]")).ToHaveTextAsync("0 min");
            Assert.DoesNotContain("Marker-two-nodes", await a.Locator("#lines-waiting").InnerTextAsync()); // never the words

            // A takes it on node A; B's console (node B) sees it leave the queue.
            await a.GetByRole(AriaRole.Button, new() { Name = "Help the next person" }).ClickAsync();
            await a.GetByText("Marker-two-nodes: is anyone there?").WaitForAsync();
            Assert.EndsWith("/staff/lines/conversations/" + id, Browse.Path(a));
            await Assertions.Expect(waitingB).ToHaveCountAsync(0);
            await Assertions.Expect(b.Locator("#lines-mine li")).ToHaveCountAsync(0);

            // Back on the queue, A's conversation is theirs and read; the texter writes again (to node B): unread, live.
            await ConsoleAsync(a);
            var mine = a.Locator($"#lines-mine li[data-conversation-id='{id}']");
            await Assertions.Expect(mine.Locator(".lines-unread")).ToHaveCountAsync(0);
            await nodes.TextAsync(nodes.NodeB, "+15075550931", "Marker-two-nodes: I'm still here");
            await Assertions.Expect(mine.Locator(".lines-unread")).ToHaveTextAsync("1 unread");
            await Assertions.Expect(waitingB).ToHaveCountAsync(0); // not a new person: no row for B

            // On the open conversation, the next message appears without a reload.
            await mine.GetByRole(AriaRole.Link).ClickAsync();
            await a.GetByText("Marker-two-nodes: I'm still here").WaitForAsync();
            await Assertions.Expect(a.Locator("[data-conversation-live]")).ToHaveAttributeAsync("data-connected", "true");
            await nodes.TextAsync(nodes.NodeB, "+15075550931", "Marker-two-nodes: thank you");
            await Assertions.Expect(a.Locator("#messages")).ToContainTextAsync("Marker-two-nodes: thank you");
            await Assertions.Expect(a.Locator("#conversation-live")).ToHaveTextAsync("New message.");
        }
        catch
        {
            log.WriteLine(nodes.Output);
            throw;
        }
    }

    [Fact]
    public async Task A_web_chat_visitor_reaches_both_consoles_a_transfer_moves_them_and_replies_arrive_live_or_by_checking_without_javascript()
    {
        try
        {
            var (contextA, contextB) = (await nodes.NewContextAsync(nodes.NodeA), await nodes.NewContextAsync(nodes.NodeB));
            await using var _ = contextA;
            await using var __ = contextB;
            var (a, b) = await ConsolesAsync(contextA, contextB);
            var waitingA = a.Locator("#lines-waiting tr[data-conversation-id]");
            var waitingB = b.Locator("#lines-waiting tr[data-conversation-id]");
            await Assertions.Expect(waitingB).ToHaveCountAsync(0);

            // A visitor on a phone, on node A, with JavaScript: the message goes without a page load.
            await using var phone = await nodes.NewPhoneAsync(nodes.NodeA, javaScript: true);
            var visitor = await phone.NewPageAsync();
            await visitor.GotoAsync("/chat/county-crisis");
            await visitor.FillAsync("#chat-text", "Marker-web-two-nodes: can someone talk with me?");
            await visitor.ClickAsync("#chat-form button[type=submit]");
            await visitor.Locator("#chat-transcript li", new() { HasText = "Marker-web-two-nodes" }).WaitForAsync();
            await visitor.Locator("[data-chat-live][data-connected=true]").WaitForAsync();

            // Both consoles, on both nodes, show one person waiting — never the words.
            await Assertions.Expect(waitingA).ToHaveCountAsync(1);
            await Assertions.Expect(waitingB).ToHaveCountAsync(1);
            var id = await waitingB.GetAttributeAsync("data-conversation-id");
            Assert.DoesNotContain("Marker-web-two-nodes", await b.Locator("#lines-waiting").InnerTextAsync());

            // B (node B) helps the next person and gets the visitor; A (node A) sees them leave the queue.
            await b.GetByRole(AriaRole.Button, new() { Name = "Help the next person" }).ClickAsync();
            await b.GetByText("Marker-web-two-nodes: can someone talk with me?").WaitForAsync();
            Assert.EndsWith("/staff/lines/conversations/" + id, Browse.Path(b));
            await Assertions.Expect(waitingA).ToHaveCountAsync(0);

            // B hands the conversation to A (cold, to a responder): it appears in A's conversations, live.
            await b.SelectOptionAsync("#transfer-kind", "responder");
            await b.SelectOptionAsync("#transfer-userId", new SelectOptionValue { Label = "line-a" });
            await b.Locator("#transfer button[type=submit]").ClickAsync();
            var mineA = a.Locator($"#lines-mine li[data-conversation-id='{id}']");
            await Assertions.Expect(mineA).ToHaveCountAsync(1);
            await ConsoleAsync(b);
            await Assertions.Expect(b.Locator($"#lines-mine li[data-conversation-id='{id}']")).ToHaveCountAsync(0);

            // A opens it and replies; the visitor (still on node A's page, never reloaded) sees the reply live.
            await mineA.GetByRole(AriaRole.Link).ClickAsync();
            await a.GetByText("Marker-web-two-nodes: can someone talk with me?").WaitForAsync();
            await a.FillAsync("#reply-text", "Marker-web-reply: I'm here. What's happening tonight?");
            await a.Locator("form:has(#reply-text) button[type=submit]").ClickAsync();
            await Assertions.Expect(visitor.Locator("#chat-transcript li", new() { HasText = "Marker-web-reply" })).ToBeVisibleAsync();

            // A visitor without JavaScript, on node B: sends, then reads the reply by checking.
            await using var plain = await nodes.NewPhoneAsync(nodes.NodeB, javaScript: false);
            var still = await plain.NewPageAsync();
            await still.GotoAsync("/chat/county-crisis");
            await still.FillAsync("#chat-text", "Marker-web-nojs: hello from a plain phone");
            await still.ClickAsync("#chat-form button[type=submit]");
            await Assertions.Expect(still.Locator("#chat-transcript > li").Last).ToBeFocusedAsync();
            await ConsoleAsync(b);
            await Assertions.Expect(waitingB).ToHaveCountAsync(1);
            await b.GetByRole(AriaRole.Button, new() { Name = "Help the next person" }).ClickAsync();
            await b.GetByText("Marker-web-nojs: hello from a plain phone").WaitForAsync();
            await b.FillAsync("#reply-text", "Marker-web-reply-plain: I'm here too.");
            await b.Locator("form:has(#reply-text) button[type=submit]").ClickAsync();
            await b.Locator("#messages", new() { HasText = "Marker-web-reply-plain" }).WaitForAsync();
            await still.GetByRole(AriaRole.Link, new() { Name = "Check for new replies" }).ClickAsync();
            var reply = still.Locator("#chat-transcript > li").Last;
            await Assertions.Expect(reply).ToContainTextAsync("Marker-web-reply-plain");
            await Assertions.Expect(reply).ToBeFocusedAsync();
        }
        catch
        {
            log.WriteLine(nodes.Output);
            throw;
        }
    }

    /// <summary>Responder A signed in on node A, responder B on node B, each on a live queue.</summary>
    private async Task<(IPage A, IPage B)> ConsolesAsync(IBrowserContext contextA, IBrowserContext contextB)
    {
        var (a, b) = (await contextA.NewPageAsync(), await contextB.NewPageAsync());
        await Task.WhenAll(Browse.SignInAsync(a, nodes.ResponderA), Browse.SignInAsync(b, nodes.ResponderB));
        await Task.WhenAll(ConsoleAsync(a), ConsoleAsync(b));
        return (a, b);
    }

    /// <summary>Opens the queue and waits until its live stream is connected (events from then on are not missed).</summary>
    private static async Task ConsoleAsync(IPage page)
    {
        await page.GotoAsync("/staff/lines");
        await Assertions.Expect(page.Locator("[data-lines-live]")).ToHaveAttributeAsync("data-connected", "true");
    }
}
