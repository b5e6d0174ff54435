namespace Kith.BrowserTests;

/// <summary>
/// The responder's console in a real browser: a concern filed in one window appears in the queue open in
/// another without a reload (concerns-live.js over /staff/events), the case page's forms work, a change made
/// elsewhere is announced on an open case page, and axe finds nothing serious on the queue, case and filing pages —
/// also while they mark a reporter's follow-up unread, at a desk's and a phone's size.
/// </summary>
[Collection(KithApp.Collection)]
public sealed class ConcernConsoleTests(KithApp app, ITestOutputHelper log)
{
    [Fact]
    public async Task A_concern_filed_elsewhere_appears_in_the_open_queue_and_the_case_page_follows_changes()
    {
        var problems = new List<string>();
        // The demo administrator sees every concern (no routing rule exists in the demo, so they go to administrators).
        await using var console = await app.NewContextAsync();
        // Every announcement the queue makes, as a screen reader hears it: a later "updated" replaces the words in the
        // region, so waiting for them to be there now could miss one that was made.
        await console.AddInitScriptAsync("""
            window.__announced = [];
            new MutationObserver(() => {
              const text = document.querySelector('[data-queue-announce]')?.textContent.trim();
              if (text) window.__announced.push(text);
            }).observe(document, { subtree: true, childList: true, characterData: true });
            """);
        var queue = await console.NewPageAsync();
        await Browse.SignInAsync(queue, app.Accounts["admin"]);
        await queue.GotoAsync("/staff/concerns");
        await queue.Locator("[data-queue-live][data-connected='true']").WaitForAsync();
        var before = await queue.Locator("tr.queue-row").CountAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(queue, "queue"));

        await using var phone = await app.NewContextAsync();
        var desk = await phone.NewPageAsync();
        await Browse.SignInAsync(desk, app.Accounts["admin"]);
        await desk.GotoAsync("/staff/concerns/new");
        problems.AddRange(await Browse.SeriousViolationsAsync(desk, "file for a caller"));
        await desk.GetByLabel("A friend").CheckAsync();
        await desk.GetByLabel("Bullying").CheckAsync();
        await desk.GetByLabel("Someone may be in danger right now").CheckAsync();
        await desk.GetByLabel("What happened, in the caller's words").FillAsync("Marker-browser: they said they would hurt him after school");
        await desk.GetByRole(AriaRole.Button, new() { Name = "File the concern" }).ClickAsync();
        await desk.GetByRole(AriaRole.Heading, new() { Name = "Read this receipt to the caller" }).WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(desk, "receipt for a caller"));
        var receipt = (await desk.Locator(".case-receipt-code .secret").InnerTextAsync()).Trim();
        // This concern, not the queue's first row: another class's imminent concern may have waited longer.
        var filedId = (await desk.Locator(".case-receipt a[href^='/staff/concerns/']").GetAttributeAsync("href"))!.Split('/')[^1];

        // No reload: the queue window fetched the new row itself and said so.
        await queue.Locator("tr.queue-row").Nth(before).WaitForAsync();
        await queue.WaitForFunctionAsync("() => window.__announced.some(text => text.includes('New concern'))");
        Assert.Equal("imminent", (await queue.Locator("tr.queue-row").First.GetAttributeAsync("class"))!.Split("queue-tier-")[1].Split(' ')[0]);
        problems.AddRange(await Browse.SeriousViolationsAsync(queue, "queue with a concern and an alert"));

        // The responder opens it from the queue and acknowledges with the plain form.
        await queue.Locator("tr.queue-row").First.Locator("a").ClickAsync();
        await queue.GetByRole(AriaRole.Heading, new() { Name = "The report" }).WaitForAsync();
        var casePath = Browse.Path(queue);
        problems.AddRange(await Browse.SeriousViolationsAsync(queue, "case page"));
        await queue.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: I have this" }).ClickAsync();
        await queue.GetByText("Acknowledged. The escalation has stopped.").WaitForAsync();
        await queue.Locator("[data-case-live][data-connected='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // A colleague adds a note elsewhere: the open case page says it changed.
        await desk.GotoAsync(casePath);
        await desk.GetByLabel("Note", new() { Exact = true }).FillAsync("Marker-browser-note");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await desk.GetByText("Note added.").WaitForAsync();
        await queue.Locator("[data-case-live]", new() { HasText = "This concern changed." }).WaitForAsync();
        await queue.Locator("[data-case-live] a", new() { HasText = "Reload" }).ClickAsync();
        await queue.GetByText("Marker-browser-note").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(queue, "case page with a timeline"));

        // The caller writes again with the receipt read to them (the reporter's API; it ignores the desk's sign-in):
        // the queue and the case page say "Unread" — scanned as they look on a desk and on a phone.
        var reply = await desk.APIRequest.PostAsync("/api/concerns/follow-up/messages",
            new() { DataObject = new { receipt, text = "Marker-browser-follow-up: he came to school today." } });
        Assert.Equal(200, reply.Status);
        await queue.GotoAsync("/staff/concerns");
        await queue.Locator($"tr.queue-unread-row[data-concern-id='{filedId}'] .queue-unread").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(queue, "queue with an unread follow-up"));
        await queue.Locator($"tr[data-concern-id='{filedId}'] th a").ClickAsync();
        await queue.Locator("#case-unread").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(queue, "case page with an unread follow-up"));

        foreach (var problem in problems) log.WriteLine(problem);
        Assert.Empty(problems);
    }
}
