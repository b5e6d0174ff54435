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
            await using var contextA = await nodes.NewContextAsync(nodes.NodeA);
            await using var contextB = await nodes.NewContextAsync(nodes.NodeB);
            var a = await contextA.NewPageAsync();
            var b = await contextB.NewPageAsync();
            await Task.WhenAll(Browse.SignInAsync(a, nodes.ResponderA), Browse.SignInAsync(b, nodes.ResponderB));
            await Task.WhenAll(ConsoleAsync(a), ConsoleAsync(b));
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

    /// <summary>Opens the queue and waits until its live stream is connected (events from then on are not missed).</summary>
    private static async Task ConsoleAsync(IPage page)
    {
        await page.GotoAsync("/staff/lines");
        await Assertions.Expect(page.Locator("[data-lines-live]")).ToHaveAttributeAsync("data-connected", "true");
    }
}
