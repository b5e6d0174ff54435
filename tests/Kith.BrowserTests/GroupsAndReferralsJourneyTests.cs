using Ical.Net.DataTypes;
using Kith.Lines.Admin;
using Kith.Lines.Domain;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Location = Kith.ServiceDirectory.Domain.Location;

namespace Kith.BrowserTests;

/// <summary>
/// Issue 15's journeys in a real browser: a coordinator creates a grief pod with two places and cancels a session;
/// three people join without an account — the third waits and moves up when the first leaves; the group's calendar
/// parses back with its rule and without the cancelled session. A responder refers a texter from the conversation to
/// the clinic; the clinic accepts and completes it; the responder sees the outcome. Two members pair up as buddies and
/// give feedback after the first session. Every post lands on its result.
/// </summary>
[Collection(InProcessKith.Collection)]
public sealed class GroupsAndReferralsJourneyTests(InProcessKith app)
{
    [Fact]
    public async Task A_grief_pod_fills_waits_and_promotes_and_its_calendar_parses_back()
    {
        var centre = await app.AddSchoolAsync("Cedar Flats Centre (browser)");
        await DirectoryAsync(centre, "Cedar Flats hall (browser)", null);
        var coordinatorEmail = "groups-coordinator@browser.test";
        await app.AddStaffAsync(coordinatorEmail, Kith.Community.Contracts.Roles.Coordinator, centre);

        await using var staff = await app.NewContextAsync();
        var page = await staff.NewPageAsync();
        await Browse.SignInAsync(page, new DemoAccount("coordinator", coordinatorEmail, InProcessKith.Password));
        await page.GotoAsync("/staff/groups/new");
        var problems = new List<string>(await Browse.SeriousViolationsAsync(page, "new group form"));
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Grief pod (browser)");
        await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("support-group");
        await page.GetByLabel("What happens at the group").FillAsync("People who lost a partner meet weekly.");
        await page.GetByLabel("Led by (first names or roles)").FillAsync("Amina");
        await page.GetByLabel("Where it meets").SelectOptionAsync(new SelectOptionValue { Label = "Cedar Flats hall (browser)" });
        var first = app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(7 + ((int)DayOfWeek.Tuesday - (int)app.Clock.GetUtcNow().UtcDateTime.DayOfWeek + 7) % 7);
        await page.GetByLabel("First session").FillAsync(first.ToString("yyyy-MM-dd") + "T18:00");
        await page.GetByLabel("Repeats (iCalendar rule, optional)").FillAsync("FREQ=WEEKLY;BYDAY=TU;COUNT=6");
        await page.GetByLabel("Places", new() { Exact = true }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await Assertions.Expect(page.Locator("#group-done")).ToBeFocusedAsync();
        var group = Browse.Path(page).Split('/')[3];
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "group staff page"));

        // The third session is cancelled.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this session" }).Nth(2).ClickAsync();
        await Assertions.Expect(page.Locator("#group-done")).ToBeFocusedAsync();

        var (anaStanding, anaCode) = await JoinAsync(group, "Ana");
        var (benStanding, benCode) = await JoinAsync(group, "Ben");
        var (caiStanding, caiCode) = await JoinAsync(group, "Cai");
        Assert.Equal(["You have a place.", "You have a place.", "You are on the waiting list."], new[] { anaStanding, benStanding, caiStanding });

        await using (var ana = await app.NewContextAsync())
        {
            var mine = await OpenMineAsync(ana, anaCode);
            await mine.GetByRole(AriaRole.Button, new() { Name = "Leave this group" }).ClickAsync();
            await Assertions.Expect(mine.Locator("#mine-status")).ToBeFocusedAsync();
        }
        await using (var cai = await app.NewContextAsync())
        {
            var mine = await OpenMineAsync(cai, caiCode);
            await Assertions.Expect(mine.Locator(".my-groups")).ToContainTextAsync("You have a place.");
            problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(mine, "my groups"));
            await mine.GotoAsync($"/groups/{group}");
            problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(mine, "public group page"));
        }

        // Ben and Cai, who have the places, ask for a buddy and are paired; the evening of the first session each is asked
        // how it went. The buddy panel's paired view and the feedback form (empty, with its problem, and sent) are scanned.
        await using (var ben = await app.NewContextAsync())
        {
            var mine = await OpenMineAsync(ben, benCode);
            await mine.GetByRole(AriaRole.Button, new() { Name = "I'd like a buddy" }).ClickAsync();
            await Assertions.Expect(mine.Locator("#mine-status")).ToBeFocusedAsync();
        }
        await using (var cai = await app.NewContextAsync())
        {
            var mine = await OpenMineAsync(cai, caiCode);
            await mine.GetByRole(AriaRole.Button, new() { Name = "I'd like a buddy" }).ClickAsync();
            await Assertions.Expect(mine.Locator("#mine-status")).ToBeFocusedAsync();
            await Assertions.Expect(mine.Locator("#mine-status")).ToContainTextAsync("You have a buddy: Ben.");
            await Assertions.Expect(mine.Locator("section.buddy")).ToContainTextAsync("Your buddy is Ben.");
            problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(mine, "my groups with a buddy"));

            var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
            var firstStart = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(first.AddHours(18), DateTimeKind.Unspecified), chicago);
            app.Clock.Advance(firstStart.AddHours(2) - app.Clock.GetUtcNow().UtcDateTime);
            var after = await OpenMineAsync(cai, caiCode);
            await Assertions.Expect(after.Locator("form.feedback")).ToBeVisibleAsync();
            problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(after, "session feedback form"));
            await after.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
            await Assertions.Expect(after.Locator("#feedback-problem")).ToBeFocusedAsync();
            problems.AddRange(await Browse.SeriousViolationsAsync(after, "session feedback with its problem"));
            await after.GetByLabel("5 — very helpful").CheckAsync();
            await after.GetByLabel("Anything you want the organiser to know? (optional; they see it without your name)").FillAsync("Good to be with people who understand.");
            await after.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
            await Assertions.Expect(after.Locator("#mine-status")).ToBeFocusedAsync();
            await Assertions.Expect(after.Locator("#mine-status")).ToContainTextAsync("The organiser sees your answer without your name.");
            await Assertions.Expect(after.Locator("form.feedback")).ToHaveCountAsync(0);
        }
        await page.GotoAsync("/staff/groups");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "groups list"));
        Assert.Empty(problems);

        var feed = await staff.APIRequest.GetAsync($"/groups/{group}/calendar.ics");
        Assert.Equal(200, feed.Status);
        var calendar = Ical.Net.Calendar.Load(await feed.TextAsync())!;
        var series = calendar.Events.Single();
        Assert.Equal((Ical.Net.FrequencyType.Weekly, 6), (series.RecurrenceRule!.Frequency, series.RecurrenceRule.Count));
        var starts = calendar.GetOccurrences(new CalDateTime(first.AddDays(-1), "America/Chicago", true), null)
            .Select(o => o.Period.StartTime.ToTimeZone("America/Chicago").Value).Take(10).ToList();
        Assert.Equal(5, starts.Count);
        Assert.DoesNotContain(first.AddDays(14).AddHours(18), starts); // the cancelled third Tuesday
        Assert.Contains(first.AddDays(21).AddHours(18), starts);
    }

    [Fact]
    public async Task A_responder_refers_a_texter_the_clinic_accepts_and_completes_it_and_the_responder_sees_the_outcome()
    {
        var school = await app.AddSchoolAsync("Riverbend High (browser referrals)");
        var clinic = await app.AddSchoolAsync("Riverbend Clinic (browser referrals)");
        var service = (await DirectoryAsync(clinic, "Clinic (browser referrals)", "Teen counselling (browser)"))!;
        var responderEmail = "refer-responder@browser.test";
        var intakeEmail = "refer-intake@browser.test";
        var responder = await app.AddStaffAsync(responderEmail, Kith.Community.Contracts.Roles.Responder, school);
        var intake = await app.AddStaffAsync(intakeEmail, Kith.Community.Contracts.Roles.Coordinator, clinic);
        var intakeTeam = await app.AddTeamAsync("Clinic intake (browser)", [intake], lead: intake);
        var conversation = await ConversationAsync(await app.AddTeamAsync("Browser referral line team", [responder]), responder, intakeTeam, clinic);

        await using var schoolContext = await app.NewContextAsync();
        var page = await schoolContext.NewPageAsync();
        await Browse.SignInAsync(page, new DemoAccount("responder", responderEmail, InProcessKith.Password));
        await page.GotoAsync($"/staff/lines/conversations/{conversation}");
        await page.Locator("#conversation-refer").ClickAsync();
        var problems = new List<string>(await Browse.SeriousViolationsAtEachSizeAsync(page, "refer someone"));
        await page.GetByLabel("Service").SelectOptionAsync(service);
        await page.GetByLabel("First name or nickname").FillAsync("Jo");
        await page.GetByLabel("Text message").CheckAsync();
        await page.GetByLabel("Their phone number or email address").FillAsync("507 555 0199");
        await page.GetByLabel("They agreed to this referral and to what I share here.").CheckAsync();
        await page.GetByLabel("How they agreed").SelectOptionAsync("text");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await page.Locator("#referral-done, #send-errors").First.WaitForAsync();
        Assert.True(await page.Locator("#send-errors").CountAsync() == 0, await page.Locator("main").InnerTextAsync());
        await Assertions.Expect(page.Locator("#referral-done")).ToBeFocusedAsync();
        var referral = Browse.Path(page).Split('/')[3];
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "referral, sender's side"));

        await using (var clinicContext = await app.NewContextAsync())
        {
            var clinicPage = await clinicContext.NewPageAsync();
            await Browse.SignInAsync(clinicPage, new DemoAccount("coordinator", intakeEmail, InProcessKith.Password));
            await clinicPage.GotoAsync("/staff/referrals");
            problems.AddRange(await Browse.SeriousViolationsAsync(clinicPage, "referrals received"));
            await clinicPage.Locator($"a[href='/staff/referrals/{referral}']").ClickAsync();
            problems.AddRange(await Browse.SeriousViolationsAtEachSizeAsync(clinicPage, "referral, receiver's side"));
            await clinicPage.GetByLabel("Accept").CheckAsync();
            await clinicPage.GetByRole(AriaRole.Button, new() { Name = "Save the step" }).ClickAsync();
            await Assertions.Expect(clinicPage.Locator("#referral-done")).ToBeFocusedAsync();
            await clinicPage.GetByLabel("Complete", new() { Exact = true }).CheckAsync();
            await clinicPage.GetByLabel("How it ended for them (to complete or close)").SelectOptionAsync("got-help");
            await clinicPage.GetByRole(AriaRole.Button, new() { Name = "Save the step" }).ClickAsync();
            await Assertions.Expect(clinicPage.Locator("#referral-done")).ToBeFocusedAsync();
        }

        await page.GotoAsync("/staff/referrals?side=sent");
        await Assertions.Expect(page.Locator($"#referral-{referral}")).ToContainTextAsync("Completed · Got help");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "referrals sent"));
        Assert.Empty(problems);
    }

    private async Task<(string Standing, string Code)> JoinAsync(string group, string name)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/groups/{group}");
        await page.GetByLabel("First name or nickname").FillAsync(name);
        await page.GetByLabel("Not at all").CheckAsync();
        await page.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#group-joined")).ToBeFocusedAsync();
        return ((await page.Locator("#group-joined-title").InnerTextAsync()).Trim(), (await page.Locator("#group-code").InnerTextAsync()).Trim());
    }

    private static async Task<IPage> OpenMineAsync(IBrowserContext context, string code)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/groups/mine");
        await page.GetByLabel("Your private code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my groups" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mine-hello")).ToBeFocusedAsync();
        return page;
    }

    /// <summary>The organisation's directory record with a place (and a service, if named); returns the service's id.</summary>
    private async Task<string?> DirectoryAsync(Guid organisation, string place, string? service)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var directoryOrg = new DirectoryOrganization { Id = Guid.NewGuid().ToString(), Name = place, Description = place, KithOrganisationId = organisation };
        db.DirectoryOrganizations.Add(directoryOrg);
        var location = Guid.NewGuid().ToString();
        db.Locations.Add(new Location { Id = location, LocationType = "physical", OrganizationId = directoryOrg.Id, Name = place, Latitude = 44.02, Longitude = -92.46 });
        db.Addresses.Add(new Address { Id = Guid.NewGuid().ToString(), LocationId = location, Address1 = "1 Browser Way", City = "Riverbend", StateProvince = "MN", PostalCode = "55901", Country = "US", AddressType = "physical" });
        string? id = null;
        if (service is not null) db.Services.Add(new Service { Id = id = Guid.NewGuid().ToString(), OrganizationId = directoryOrg.Id, Name = service, Status = "active" });
        await db.SaveChangesAsync();
        await db.BumpRevisionAsync(DateTime.UtcNow, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);
        return id;
    }

    /// <summary>A text conversation the responder is working (as the console leaves it), and the clinic's intake named.</summary>
    private async Task<Guid> ConversationAsync(Guid team, string responder, Guid intakeTeam, Guid clinic)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var line = await scope.ServiceProvider.GetRequiredService<LineEditor>().CreateAsync(new LineRequest(
            "Browser referral line", "browser-referrals", null, ["en"], "+15075550791", null, null, "America/Chicago",
            LineSetup.Weekdays.ToDictionary(w => w.Code, _ => new[] { "00:00-24:00" }), [],
            new() { ["en"] = new("Hello", "Closed", "Busy", "Bye", "Help") }, [team], null, null), null, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var conversation = new Conversation
        {
            Id = Guid.NewGuid(), Reference = "T-BRWS-0101", LineId = line.Id!.Value, Channel = "sms", Language = "en", Tier = ConversationTiers.Urgent,
            TierRules = "phrase.en.test", SenderHash = new string('d', 64), StartedAt = now, LastMessageAt = now,
            Status = ConversationStatuses.Active, AssignedTo = responder, AssignedAt = now,
        };
        db.LineConversations.Add(conversation);
        db.LineMessages.Add(new Message { Id = Guid.NewGuid(), ConversationId = conversation.Id, Direction = Message.In, Text = "I need someone to talk to every week", At = now });
        db.ReferralIntakes.Add(new Kith.Referrals.Domain.ReferralIntake { OrganisationId = clinic, TeamId = intakeTeam, UpdatedAt = now });
        await db.SaveChangesAsync();
        return conversation.Id;
    }
}
