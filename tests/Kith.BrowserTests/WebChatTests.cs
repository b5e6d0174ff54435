using Kith.Lines.Admin;
using Kith.Lines.Domain;
using Kith.Lines.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.BrowserTests;

/// <summary>
/// Web chat on a phone (390×844): with JavaScript a message is sent and the responder's reply appears without a reload;
/// without it the post lands focused on the message and "Check for new replies" shows the reply. axe finds nothing
/// serious on /chat or on a chat waiting with its crisis numbers.
/// </summary>
[Collection(InProcessKith.Collection)]
public sealed class WebChatTests(InProcessKith app, ITestOutputHelper log)
{
    private const string Slug = "browser-chat";

    [Fact]
    public async Task A_phone_visitor_sees_the_reply_live_with_javascript_and_by_checking_without_it()
    {
        var responder = await app.AddStaffAsync("webchat-responder@browser.test", Kith.Community.Contracts.Roles.Responder, await app.AddSchoolAsync("Web chat school"));
        await LineAsync(await app.AddTeamAsync("Web chat team", [responder], responder));

        await using var live = await app.NewPhoneContextAsync(javaScript: true);
        var page = await live.NewPageAsync();
        await page.GotoAsync("/chat");
        var problems = new List<string>(await Browse.SeriousViolationsAsync(page, "chat lines"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Browser chat line" }).ClickAsync();
        // The line's page loaded, its script included: on a busy machine a click on "Send" could otherwise land before
        // the script took over the form, and the form would post as it does without JavaScript.
        await page.WaitForURLAsync(url => url.EndsWith("/chat/" + Slug, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Load });
        await page.FillAsync("#chat-text", "Marker-browser-chat: hello, anyone?");
        await page.ClickAsync("#chat-form button[type=submit]");
        await page.Locator("#chat-transcript li", new() { HasText = "Marker-browser-chat" }).WaitForAsync();
        await page.Locator("[data-chat-live][data-connected=true]").WaitForAsync();
        Assert.DoesNotContain("sent=", page.Url); // sent by the script: no page load
        await Assertions.Expect(page.Locator("#chat-wait-help .concern-danger")).ToBeVisibleAsync(); // crisis numbers while waiting
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "chat waiting"));

        await ReplyAsync(responder, "Marker-browser-reply-live: I'm here");
        await Assertions.Expect(page.Locator("#chat-transcript li", new() { HasText = "Marker-browser-reply-live" })).ToBeVisibleAsync();
        Assert.DoesNotContain("sent=", page.Url);

        await using var plain = await app.NewPhoneContextAsync(javaScript: false);
        var still = await plain.NewPageAsync();
        await still.GotoAsync("/chat/" + Slug);
        await still.FillAsync("#chat-text", "Marker-browser-nojs: hello from a plain phone");
        await still.ClickAsync("#chat-form button[type=submit]");
        var mine = still.Locator("#chat-transcript > li").Last;
        await Assertions.Expect(mine).ToBeFocusedAsync(); // the landing: the newest message, focused and in view
        await Assertions.Expect(mine).ToBeInViewportAsync();
        await ReplyAsync(responder, "Marker-browser-reply-plain: I'm here too");
        await still.GetByRole(AriaRole.Link, new() { Name = "Check for new replies" }).ClickAsync();
        var reply = still.Locator("#chat-transcript > li").Last;
        await Assertions.Expect(reply).ToContainTextAsync("Marker-browser-reply-plain");
        await Assertions.Expect(reply).ToBeFocusedAsync();
        await Assertions.Expect(reply).ToBeInViewportAsync();

        foreach (var problem in problems) log.WriteLine(problem);
        Assert.Empty(problems);
    }

    /// <summary>The responder presses "Help the next person" and replies, through the same code as the console and the API.</summary>
    private async Task ReplyAsync(string responder, string text)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(30)); // the test's clock stands still otherwise: the reply comes after what it answers
        await using var scope = app.Services.CreateAsyncScope();
        var taken = await scope.ServiceProvider.GetRequiredService<HelpNext>().TakeAsync(responder, CancellationToken.None);
        var id = taken.Conversation?.Id ?? throw new InvalidOperationException("Nobody waiting: " + taken.Refusal);
        var (outcome, _, _) = await scope.ServiceProvider.GetRequiredService<ConversationWork>().ReplyAsync(id, text, responder, false, CancellationToken.None);
        Assert.Equal(WorkOutcome.Done, outcome);
    }

    private async Task LineAsync(Guid team)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var change = await scope.ServiceProvider.GetRequiredService<LineEditor>().CreateAsync(new LineRequest(
            "Browser chat line", Slug, "anyone who needs to talk", ["en"], "+15075550795", null, null, "America/Chicago",
            LineSetup.Weekdays.ToDictionary(w => w.Code, _ => new[] { "00:00-24:00" }), [],
            new() { ["en"] = new("Marker-browser-greeting", "Closed", "Busy", "Bye", "Help") }, [team], null, null), null, CancellationToken.None);
        Assert.NotNull(change.Id);
    }
}
