using Kith.Lines.Admin;
using Kith.Lines.Domain;
using Kith.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.BrowserTests;

/// <summary>
/// The text-line console in a real browser: the queue (with an overdue row) and, after "Help the next person", the
/// conversation it gave (with the sender's earlier conversation and a prepared reply that fills the reply box) — axe finds nothing serious on either, at a desk's and a phone's size.
/// </summary>
[Collection(InProcessKith.Collection)]
public sealed class LineConsoleTests(InProcessKith app, ITestOutputHelper log)
{
    [Fact]
    public async Task The_queue_and_the_conversation_pass_axe_at_a_desk_and_on_a_phone()
    {
        var email = "lines-console@browser.test";
        var admin = await app.AddStaffAsync(email, Kith.Community.Contracts.Roles.Admin);
        var conversation = await WaitingConversationAsync(await app.AddTeamAsync("Lines console team", [admin]));

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, new DemoAccount("admin", email, InProcessKith.Password));
        await page.GotoAsync("/staff/lines");
        await page.Locator($"tr[data-conversation-id='{conversation}']").WaitForAsync();
        await Assertions.Expect(page.Locator("tr.queue-overdue .queue-overdue-flag")).ToHaveTextAsync("overdue");
        var problems = new List<string>(await Browse.SeriousViolationsAtEachSizeAsync(page, "line queue"));

        await page.SetViewportSizeAsync(1366, 900);
        await page.GetByRole(AriaRole.Button, new() { Name = "Help the next person" }).ClickAsync();
        await page.GetByText("Marker-browser-line: is anyone there").WaitForAsync();
        await page.Locator("#conversation-history tbody tr").WaitForAsync();
        Assert.EndsWith(conversation.ToString(), Browse.Path(page));
        await Assertions.Expect(page.Locator("#conversation-title")).ToBeFocusedAsync();
        // The prepared reply fills the reply box in place (JavaScript on).
        await page.GetByLabel("Prepared replies in English").SelectOptionAsync(new SelectOptionValue { Label = "Browser welcome" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Put it in the reply box" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reply-text")).ToHaveValueAsync("Hi, thank you for writing. What's going on?");
        await Assertions.Expect(page.Locator("#reply-text")).ToBeFocusedAsync();
        problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(page, "line conversation"));

        foreach (var problem in problems) log.WriteLine(problem);
        Assert.Empty(problems);
    }

    /// <summary>
    /// A line answered by the team, with one urgent text waiting (written as the inbound webhook keeps it), the same
    /// sender's earlier, closed conversation, and someone else's routine text waiting two hours (past the line's limit).
    /// </summary>
    private async Task<Guid> WaitingConversationAsync(Guid team)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var change = await scope.ServiceProvider.GetRequiredService<LineEditor>().CreateAsync(new LineRequest(
            "Browser line", "browser-console", null, ["en"], "+15075550790", null, null, "America/Chicago",
            LineSetup.Weekdays.ToDictionary(w => w.Code, _ => new[] { "00:00-24:00" }), [],
            new() { ["en"] = new("Hello", "Closed", "Busy", "Bye", "Help") }, [team], null, null), null, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var conversation = new Conversation
        {
            Id = Guid.NewGuid(), Reference = "T-BRWS-0001", LineId = change.Id!.Value, Channel = "sms", Language = "en",
            Tier = ConversationTiers.Urgent, TierRules = "phrase.en.test", SenderHash = new string('b', 64), StartedAt = now, LastMessageAt = now,
        };
        db.LineConversations.Add(conversation);
        db.LineMessages.Add(new Message { Id = Guid.NewGuid(), ConversationId = conversation.Id, Direction = Message.In, Text = "Marker-browser-line: is anyone there", At = now });
        db.LineConversations.Add(new Conversation
        {
            Id = Guid.NewGuid(), Reference = "T-BRWS-0000", LineId = change.Id!.Value, Channel = "sms", Language = "en", SenderHash = conversation.SenderHash,
            Status = ConversationStatuses.Closed, Disposition = "supported", StartedAt = now.AddDays(-3), LastMessageAt = now.AddDays(-3), ClosedAt = now.AddDays(-3).AddHours(1),
        });
        db.LineCannedResponses.Add(new Kith.Lines.CannedResponses.CannedResponse
        {
            Id = Guid.NewGuid(), LineId = change.Id!.Value, Language = "en", Title = "Browser welcome", Text = "Hi, thank you for writing. What's going on?", UpdatedAt = now,
        });
        db.LineConversations.Add(new Conversation
        {
            Id = Guid.NewGuid(), Reference = "T-BRWS-0002", LineId = change.Id!.Value, Channel = "sms", Language = "en", SenderHash = new string('c', 64),
            StartedAt = now.AddHours(-2), LastMessageAt = now.AddHours(-2),
        });
        await db.SaveChangesAsync();
        return conversation.Id;
    }
}
