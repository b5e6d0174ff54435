using System.Globalization;
using System.Text.RegularExpressions;
using Kith.Community.Contracts;
using Kith.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.BrowserTests;

/// <summary>
/// ADR 44's journey in a real browser: a coordinator adds a lay leader with a supervisor and is shown their private code
/// once; records a Psychological First Aid certificate that lapsed; a group requiring that training refuses them as
/// leader, naming the lapsed certificate, until a renewal is recorded, and then lists them among its leaders. The
/// supervisor writes a supervision note; the leader, on a phone and without an account, opens their own page with the
/// code and reads the renewed certificate and the note — a wrong code gets the page's own message. axe on every page.
/// </summary>
[Collection(InProcessKith.Collection)]
public sealed partial class VolunteersJourneyTests(InProcessKith app, ITestOutputHelper log)
{
    private const string Leader = "Farah (browser helper)";
    private const string Training = "Psychological First Aid";
    private const string Note = "Marker-browser-note: Farah handled a hard evening calmly; we agreed she takes a week off after each pod.";

    [GeneratedRegex("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$")]
    private static partial Regex GroupedCode();

    [Fact]
    public async Task A_lapsed_leader_is_refused_until_renewed_and_reads_their_certificate_and_supervision_note_with_their_code()
    {
        var centre = await app.AddSchoolAsync("Helpers Centre (browser)");
        await app.AddStaffAsync("helpers-coordinator@browser.test", Roles.Coordinator, centre);
        await app.AddStaffAsync("helpers-supervisor@browser.test", Roles.Responder, centre);
        var today = app.Services.GetRequiredService<DeploymentCalendar>().Today;
        var lapsedCompleted = today.AddMonths(-37); // PFA is good for 36 months: its last day was a month ago
        var lapsedOn = lapsedCompleted.AddMonths(36).AddDays(-1);

        // 1. The coordinator adds the leader, with their supervisor, and is given their private code once.
        await using var staff = await app.NewContextAsync();
        var page = await staff.NewPageAsync();
        await Browse.SignInAsync(page, new DemoAccount("coordinator", "helpers-coordinator@browser.test", InProcessKith.Password));
        await page.GotoAsync("/staff/volunteers");
        var problems = new List<string>(await Browse.SeriousViolationsAsync(page, "people who help"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Add someone" }).ClickAsync();
        await page.GetByLabel("The name they go by").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "add someone who helps"));
        await page.GetByLabel("The name they go by").FillAsync(Leader);
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lay leader" });
        await page.GetByLabel("Supervisor", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "helpers-supervisor" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add them" }).ClickAsync();
        var created = page.Locator("#volunteer-created");
        await Assertions.Expect(created).ToBeFocusedAsync();
        await Assertions.Expect(created).ToContainTextAsync($"{Leader} is on record.");
        var code = (await page.Locator("#volunteer-code").InnerTextAsync()).Trim();
        Assert.Matches(GroupedCode(), code);
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "someone added, with their code"));

        // 2. Their record: a PFA certificate completed 37 months ago has lapsed.
        await created.GetByRole(AriaRole.Link, new() { Name = "Their record" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Leader);
        var record = page.Url;
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "their record"));
        await CertifyAsync(page, lapsedCompleted);
        await Assertions.Expect(CertificateRow(page)).ToContainTextAsync("Lapsed");
        await page.GotoAsync("/staff/volunteers/trainings");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = Training })).ToContainTextAsync("36 months");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "trainings"));

        // 3. A group that requires PFA refuses them as leader, naming the lapsed certificate.
        await page.GotoAsync("/staff/groups/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Peer grief pod (browser helpers)");
        await page.GetByLabel("What happens at the group").FillAsync("People who lost someone meet with a trained peer leader.");
        await page.GetByLabel("Led by (first names or roles)").FillAsync("Farah");
        await page.GetByLabel("Leaders must hold").SelectOptionAsync(new SelectOptionValue { Label = Training });
        await page.GetByRole(AriaRole.Group, new() { Name = "Scheduled to lead" }).GetByLabel(Leader).CheckAsync();
        await page.GetByLabel("Video link (online groups)").FillAsync("https://video.example/peer-grief-pod");
        await page.GetByLabel("First session").FillAsync(Day(today.AddDays(7)) + "T18:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        var refusal = page.Locator("#group-errors");
        await Assertions.Expect(refusal).ToBeFocusedAsync();
        await Assertions.Expect(refusal).ToContainTextAsync(
            $"{Leader}'s {Training} certificate lapsed on {lapsedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "new group refusing a lapsed leader"));

        // 4. The renewal is recorded on their record in another tab; the same form, sent again, creates the group.
        var renewal = await staff.NewPageAsync();
        await renewal.GotoAsync(record);
        await CertifyAsync(renewal, today);
        await Assertions.Expect(CertificateRow(renewal).First).ToContainTextAsync("Current");
        await renewal.CloseAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await Assertions.Expect(page.Locator("#group-done")).ToBeFocusedAsync();
        var leaders = page.GetByRole(AriaRole.Region, new() { Name = "Leaders" });
        await Assertions.Expect(leaders.GetByRole(AriaRole.Link, new() { Name = Leader })).ToBeVisibleAsync();
        await Assertions.Expect(leaders).ToContainTextAsync($"{Training} until {Day(today.AddMonths(36).AddDays(-1))}");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "group with its leaders"));

        // 5. Their supervisor writes a supervision note.
        await using (var supervisorContext = await app.NewContextAsync())
        {
            var supervisor = await supervisorContext.NewPageAsync();
            await Browse.SignInAsync(supervisor, new DemoAccount("responder", "helpers-supervisor@browser.test", InProcessKith.Password));
            await supervisor.GotoAsync(record);
            await supervisor.GetByLabel("New note").FillAsync(Note);
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "Save the note" }).ClickAsync();
            await Assertions.Expect(supervisor.Locator("#volunteer-done")).ToBeFocusedAsync();
            await Assertions.Expect(supervisor.GetByRole(AriaRole.Region, new() { Name = "Supervision notes" })).ToContainTextAsync(Note);
            problems.AddRange(await Browse.SeriousViolationsAsync(supervisor, "their record, as their supervisor"));
        }

        // 6. The leader, on a phone without an account: a wrong code gets the page's own message, theirs opens their page.
        await using var phone = await app.NewPhoneContextAsync();
        var own = await phone.NewPageAsync();
        await own.GotoAsync("/volunteer/me");
        problems.AddRange(await Browse.SeriousViolationsAsync(own, "my helper page, the code"));
        await OpenOwnPageAsync(own, "ABCD-EFGH-JKMN-PQRS-TVWX");
        await Assertions.Expect(own.Locator("#own-problem")).ToBeFocusedAsync();
        await Assertions.Expect(own.Locator("#own-problem")).ToHaveTextAsync("That code is not one we know. Check it, or ask your coordinator for a new one.");
        await Assertions.Expect(own.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My helper page");
        problems.AddRange(await Browse.SeriousViolationsAsync(own, "my helper page, a wrong code"));
        await OpenOwnPageAsync(own, code);
        await Assertions.Expect(own.Locator("#own-hello")).ToBeFocusedAsync();
        await Assertions.Expect(own.Locator("#own-hello")).ToContainTextAsync($"Hello, {Leader}.");
        await Assertions.Expect(own.GetByRole(AriaRole.Region, new() { Name = "My certificates" })).ToContainTextAsync($"{Training}: Current");
        await Assertions.Expect(own.GetByRole(AriaRole.Region, new() { Name = "My supervision notes" })).ToContainTextAsync(Note);
        problems.AddRange(await Browse.SeriousViolationsAsync(own, "my helper page"));

        foreach (var problem in problems) log.WriteLine(problem);
        Assert.Empty(problems);
    }

    /// <summary>Records a PFA certificate completed on the day (its usual term) and waits for "Certificate recorded.", focused.</summary>
    private static async Task CertifyAsync(IPage page, DateOnly completed)
    {
        await page.GetByLabel("Training", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{Training} (36 months)" });
        await page.GetByLabel("Completed on").FillAsync(Day(completed));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it" }).ClickAsync();
        await Assertions.Expect(page.Locator("#volunteer-done")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#volunteer-done")).ToHaveTextAsync("Certificate recorded.");
    }

    /// <summary>The rows of the certificates table for PFA, the one that counts first.</summary>
    private static ILocator CertificateRow(IPage page) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Certificates" }).GetByRole(AriaRole.Row).Filter(new() { HasText = Training });

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task OpenOwnPageAsync(IPage page, string code)
    {
        await page.GetByLabel("Your private code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open my page" }).ClickAsync();
    }
}
