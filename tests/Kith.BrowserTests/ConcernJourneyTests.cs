using Kith.Community.Contracts;
using Kith.Concerns.Domain;
using Kith.Concerns.Receipts;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// The whole journey of issue 4 in a real browser: a student reports in Spanish and sees crisis numbers at once;
/// the responder's open console shows the concern without a reload; the responder replies; the student reads the
/// reply with the receipt. Then nobody acknowledges a second imminent concern, and with the clock moved the
/// escalation reaches the team lead after one allowance and the backup team after two — and the backup's open
/// console shows it without a reload.
/// </summary>
[Collection(InProcessKith.Collection)]
public sealed class ConcernJourneyTests(InProcessKith app, ITestOutputHelper log)
{
    private static readonly TimeSpan Allowance = TimeSpan.FromMinutes(5); // the default for imminent concerns

    [Fact]
    public async Task A_student_reports_in_Spanish_a_responder_answers_live_and_an_ignored_concern_reaches_the_backup()
    {
        var school = await app.AddSchoolAsync("Escuela Journey");
        var responder = await app.AddStaffAsync("consejera@journey.test", Roles.Responder, school);
        var lead = await app.AddStaffAsync("lider@journey.test", Roles.Responder, school);
        var backupMember = await app.AddStaffAsync("respaldo@journey.test", Roles.Responder, school);
        var backup = await app.AddTeamAsync("Journey backup", [backupMember]);
        var team = await app.AddTeamAsync("Journey school team", [responder, lead], lead, backup);
        await app.AddRuleAsync(school, team);

        await using var staff = await app.NewContextAsync();
        var console = await app.SignedInConsoleAsync(staff, "consejera@journey.test");
        await using var student = await app.NewContextAsync("es-ES");
        var form = await student.NewPageAsync();

        // 1. The student reports, in Spanish.
        var receipt = await ReportAsync(form, school, "Mi amigo dijo que se va a matar esta noche. Tiene pastillas guardadas.");
        Assert.Equal("es", await form.Locator("html").GetAttributeAsync("lang"));

        // 2. Imminent: crisis numbers at once, before the receipt.
        var danger = form.Locator("section.concern-danger");
        Assert.True(await danger.IsVisibleAsync(), "no crisis panel for an imminent concern");
        var calls = await HrefsAsync(danger.Locator("a[href^='tel:']"));
        Assert.Contains("tel:911", calls);
        Assert.Contains("tel:988", calls);
        Assert.True(await form.EvaluateAsync<bool>(
            "() => !!(document.querySelector('section.concern-danger').compareDocumentPosition(document.getElementById('concern-receipt-code')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
            "the crisis panel is not before the receipt");
        var concern = await app.ConcernByReceiptAsync(receipt);
        Assert.Equal(("imminent", team), (concern.Tier, concern.TeamId));

        // 3. The responder's console, opened before the report, shows it without a reload.
        var row = console.Locator($"tr[data-concern-id='{concern.Id}']");
        await row.WaitForAsync();
        Assert.Equal(1, await console.EvaluateAsync<int>("() => performance.getEntriesByType('navigation').length"));

        // 4. The responder opens it, acknowledges, and replies.
        await row.Locator("a").First.ClickAsync();
        await console.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/concerns/{concern.Id}");
        await SubmitCaseFormAsync(console, "#reply-text", "Gracias por avisarnos. Ya hablamos con él y está acompañado.");

        // 5. The student reads the reply with the receipt.
        var followUp = await student.NewPageAsync();
        await followUp.GotoAsync("/concerns/follow-up");
        await followUp.Locator("#receipt").FillAsync(receipt);
        await followUp.Locator("form:has(#receipt) button[type=submit]").ClickAsync();
        var reply = followUp.Locator(".concern-message-body", new() { HasText = "Ya hablamos con él" });
        await reply.WaitForAsync();

        // 6. A second imminent concern that nobody acknowledges climbs the chain as the clock moves.
        await using var backupContext = await app.NewContextAsync();
        var backupConsole = await app.SignedInConsoleAsync(backupContext, "respaldo@journey.test");
        var second = await app.ConcernByReceiptAsync(await ReportAsync(await student.NewPageAsync(), school, "Otra amiga dijo que se va a matar hoy."));
        Assert.Equal("imminent", second.Tier);

        app.Clock.Advance(Allowance);
        Assert.Equal([lead], await WaitForPagesAsync(second.Id, level: 1));
        Assert.Empty(await PagedAsync(second.Id, level: 2));

        app.Clock.Advance(Allowance);
        Assert.Equal([backupMember], await WaitForPagesAsync(second.Id, level: 2));
        // The backup's console, open all along, shows the escalated concern without a reload.
        await backupConsole.Locator($"#queue-alerts :text('{second.Reference}')").First.WaitForAsync();
        Assert.Equal(1, await backupConsole.EvaluateAsync<int>("() => performance.getEntriesByType('navigation').length"));
        log.WriteLine($"escalated {second.Reference}: lead after {Allowance}, backup after {Allowance * 2} (fake clock)");
    }

    /// <summary>Fills the public form like a person (by the fields' names, whatever the language) and returns the receipt.</summary>
    private static async Task<string> ReportAsync(IPage page, Guid school, string narrative)
    {
        await page.GotoAsync("/concerns");
        await page.Locator("input[name=about][value=student]").CheckAsync();
        await page.Locator("input[name=categories][value=suicide-self-harm]").CheckAsync();
        await page.Locator("input[name=urgency][value=soon]").CheckAsync(); // the words, not the button, make it imminent
        await page.Locator("#narrative").FillAsync(narrative);
        await page.Locator("#organisationId").SelectOptionAsync(school.ToString());
        await page.Locator("button.concern-send").ClickAsync();
        var code = page.Locator("#concern-receipt-code");
        await code.WaitForAsync();
        return (await code.InnerTextAsync()).Trim();
    }

    /// <summary>Sends a case form and waits until the case page shows the text in its timeline, as the responder sees it.</summary>
    private static async Task SubmitCaseFormAsync(IPage page, string field, string text)
    {
        await page.Locator(field).FillAsync(text);
        await page.Locator($"form:has({field}) button[type=submit]").ClickAsync();
        // Not "network idle": that can be reached by the page before the post, so the reporter's page could be
        // read before the reply was stored.
        await page.Locator("#timeline .case-entry-text", new() { HasText = text }).WaitForAsync();
    }

    private static async Task<List<string>> HrefsAsync(ILocator links)
    {
        var hrefs = new List<string>();
        foreach (var link in await links.AllAsync()) hrefs.Add(await link.GetAttributeAsync("href") ?? "");
        return hrefs;
    }

    private async Task<List<string>> PagedAsync(Guid concern, int level)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KithDb>().Alerts
            .Where(a => a.SubjectId == concern && a.Level == level).Select(a => a.UserId).ToListAsync();
    }

    /// <summary>
    /// Waits for the job runner (polling every 200 ms in real time) to find the deadline the clock moved past and page
    /// the step. The bound only keeps a broken build from hanging; it asserts no timing.
    /// </summary>
    private async Task<List<string>> WaitForPagesAsync(Guid concern, int level)
    {
        var hangGuard = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var paged = await PagedAsync(concern, level);
            if (paged.Count > 0 || DateTime.UtcNow > hangGuard) return paged;
            await Task.Delay(100);
        }
    }
}
