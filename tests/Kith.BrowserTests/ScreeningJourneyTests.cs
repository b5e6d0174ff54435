using System.Text.RegularExpressions;
using Kith.Community.Contracts;
using Kith.Platform.Time;
using Kith.Screening.Domain;
using Kith.Screening.Instruments;
using Kith.Screening.Responses;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.BrowserTests;

/// <summary>
/// The journey of issue 5 in a real browser: a coordinator starts a campaign at a school; an anonymous student
/// takes it, answers PHQ-A with a positive suicide item, sees crisis lines before any result, and asks for someone
/// to reach out; the school's responder, whose console is open, receives an urgent concern without a reload; and
/// the coordinator's view of the campaign shows only totals, with every count under 11 hidden.
/// </summary>
[Collection(InProcessKith.Collection)]
public sealed partial class ScreeningJourneyTests(InProcessKith app, ITestOutputHelper log)
{
    [Fact]
    public async Task A_student_with_a_positive_suicide_item_sees_crisis_lines_first_consents_and_a_responder_gets_an_urgent_concern()
    {
        var school = await app.AddSchoolAsync("Journey Screening High");
        await app.AddStaffAsync("coordinator@screening.test", Roles.Coordinator, school);
        var responder = await app.AddStaffAsync("counsellor@screening.test", Roles.Responder, school);
        var team = await app.AddTeamAsync("Screening journey team", [responder]);
        await app.AddRuleAsync(school, team);

        // 1. The coordinator starts a campaign for the school, in the browser.
        await using var coordinatorContext = await app.NewContextAsync();
        var coordinator = await coordinatorContext.NewPageAsync();
        await Browse.SignInAsync(coordinator, new DemoAccount("coordinator", "coordinator@screening.test", InProcessKith.Password));
        var link = await StartCampaignAsync(coordinator, school);
        log.WriteLine($"campaign link: {link}");

        // 2. The school's responder has the console open.
        await using var staff = await app.NewContextAsync();
        var console = await app.SignedInConsoleAsync(staff, "counsellor@screening.test");

        // 3. A student takes it anonymously: group, then PHQ-A with "more than half the days" on item 9.
        await using var studentContext = await app.NewContextAsync();
        var student = await studentContext.NewPageAsync();
        await student.GotoAsync(new Uri(link).PathAndQuery);
        await student.Locator("input[name=group][value='Grade 10']").CheckAsync();
        await student.Locator("form:has(input[name=group]) button[type=submit]").ClickAsync();
        for (var item = 1; item <= 8; item++) await student.Locator($"#item-{item}-1").CheckAsync();
        await student.Locator("#item-9-2").CheckAsync();
        await student.Locator("#item-depressed-year-yes").CheckAsync();
        await student.Locator("#item-thoughts-month-no").CheckAsync();
        await student.Locator("#item-attempt-ever-no").CheckAsync();
        await student.Locator("form.screening-answers button[type=submit]").ClickAsync();

        // 4. Crisis lines first: before the offer of a person, and both before any score.
        var danger = student.Locator("section.concern-danger");
        await danger.WaitForAsync();
        var calls = await danger.Locator("a[href^='tel:']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains("tel:988", calls);
        Assert.Contains("tel:911", calls);
        Assert.True(await Before(student, "section.concern-danger", "section.screening-reach-out"), "the crisis lines are not before the offer of a person");
        Assert.True(await Before(student, "section.screening-reach-out", "section.screening-result"), "the offer is not before the result");
        Assert.Equal("10", (await student.Locator("[data-score=total]").InnerTextAsync()).Trim()); // items 1–8 at 1, item 9 at 2

        // 5. The student asks for someone to reach out, anonymously, and gets a receipt to read replies with.
        await student.Locator("#consent").CheckAsync();
        await student.Locator("section.screening-reach-out button[type=submit]").ClickAsync();
        var code = student.Locator("#concern-receipt-code");
        await code.WaitForAsync();
        var concern = await app.ConcernByReceiptAsync((await code.InnerTextAsync()).Trim());
        Assert.Equal(("urgent", "screening", team), (concern.Tier, concern.Channel, concern.TeamId));
        Assert.True(concern.Anonymous);
        log.WriteLine($"concern {concern.Reference}: {concern.Tier}, rule {concern.TriageRules}");

        // 6. The responder's console, open all along, shows it without a reload.
        await console.Locator($"tr[data-concern-id='{concern.Id}']").WaitForAsync();
        Assert.Equal(1, await console.EvaluateAsync<int>("() => performance.getEntriesByType('navigation').length"));

        // 7. Twelve more students answer in Grade 9 (through the same recording path, to make a group large enough
        //    to show), and a day passes: an open campaign counts answers up to yesterday.
        await AnswerAsManyAsync(concern.OrganisationId!.Value, link, 12);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var campaignPage = coordinator.Url;
        await Browse.SignInAsync(coordinator, new DemoAccount("coordinator", "coordinator@screening.test", InProcessKith.Password)); // a day later the session has ended
        await coordinator.GotoAsync(campaignPage);
        var table = coordinator.Locator("table.campaign-aggregate[data-instrument=phq-a]");
        await table.WaitForAsync();
        var cells = await table.Locator("tbody td").AllInnerTextsAsync();
        log.WriteLine("coordinator sees: " + string.Join(" | ", cells));
        // Grade 10 holds one student: everything about it is hidden.
        Assert.All(await table.Locator("tr[data-group='Grade 10'] td").AllInnerTextsAsync(), cell => Assert.Equal("hidden", cell.Trim()));
        // Grade 9's 12 is hidden too (complementary suppression): with the total of 13 shown, 13 − 12 would give Grade 10 away.
        Assert.Equal("hidden", (await table.Locator("tr[data-group='Grade 9'] td").First.InnerTextAsync()).Trim());
        Assert.Equal("13", (await table.Locator("tr[data-group=''] td").First.InnerTextAsync()).Trim());
        // Every count shown is 0 or at least 11; nothing identifies one answer.
        foreach (var cell in cells.Select(c => c.Trim()).Where(c => c != "hidden" && !c.Contains('.')))
            Assert.True(int.Parse(cell, System.Globalization.CultureInfo.InvariantCulture) is 0 or >= 11, $"a count of {cell} is shown");
        Assert.Equal(0, await coordinator.Locator("a[href*='/responses/']").CountAsync());
    }

    /// <summary>Campaign answers recorded through the real scoring and storage path, all in Grade 9.</summary>
    private async Task AnswerAsManyAsync(Guid school, string link, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<InstrumentLibrary>();
        var record = scope.ServiceProvider.GetRequiredService<RecordResponse>();
        var db = scope.ServiceProvider.GetRequiredService<Kith.Platform.Data.KithDb>();
        var code = new Uri(link).AbsolutePath.Split('/').Last();
        var campaign = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<Kith.Screening.Campaigns.Domain.Campaign>(), c => c.Code == code);
        var phqA = library.Find("phq-a")!;
        var answers = phqA.Items.Where(i => i.Required).ToDictionary(i => i.Id, i => phqA.OptionsOf(i).First(o => o.Weight == 0).Code);
        for (var i = 0; i < count; i++)
            await record.RecordAsync(phqA, answers, new ResponseContext(ResponseChannels.Campaign, "en", OrganisationId: school,
                CampaignId: campaign.Id, CampaignGroup: "Grade 9", CampaignName: campaign.Name), CancellationToken.None);
    }

    private static async Task<bool> Before(IPage page, string first, string second) =>
        await page.EvaluateAsync<bool>($"() => !!(document.querySelector(\"{first}\").compareDocumentPosition(document.querySelector(\"{second}\")) & Node.DOCUMENT_POSITION_FOLLOWING)");

    /// <summary>Fills the new-campaign form like a coordinator and returns the participants' link.</summary>
    private async Task<string> StartCampaignAsync(IPage page, Guid school)
    {
        var today = app.Services.GetRequiredService<DeploymentCalendar>().Today;
        await page.GotoAsync("/staff/screening/campaigns/new");
        await page.Locator("#name").FillAsync("Journey well-being check");
        if (await page.Locator("#organisationId").CountAsync() > 0) await page.Locator("#organisationId").SelectOptionAsync(school.ToString());
        await page.Locator("#audience").FillAsync("Grades 9 and 10");
        await page.Locator("#order-phq-a").FillAsync("1");
        await page.Locator("#groups").FillAsync("Grade 9\nGrade 10");
        await page.Locator("#opensOn").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.Locator("#closesOn").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd"));
        await page.Locator("form:has(#name) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(CampaignPage());
        return (await page.Locator("#campaign-link").GetAttributeAsync("href"))!;
    }

    [GeneratedRegex(@"/staff/screening/campaigns/[0-9a-f-]{36}")]
    private static partial Regex CampaignPage();
}
