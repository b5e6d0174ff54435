using System.Text.RegularExpressions;

namespace Kith.BrowserTests;

/// <summary>
/// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the public pages in each language, the sign-in page with
/// its error states, and every page in each role's staff navigation, discovered at run time so pages added
/// later are scanned too. Serious and critical violations fail.
/// </summary>
[Collection(KithApp.SecondCollection)]
public sealed class AccessibilityTests(KithApp app, ITestOutputHelper log)
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("so")]
    public async Task Home_page_in_each_language(string language)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        if (language != "en")
        {
            await Browse.SwitchLanguageAsync(page, language);
            Assert.Equal("/", Browse.Path(page));
        }
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await AssertAccessibleAsync(page, $"home ({language})");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("so")]
    public async Task Concern_form_and_follow_up_in_each_language(string language)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        foreach (var path in new[] { "/concerns", "/concerns/follow-up" })
        {
            await page.GotoAsync($"{path}?lang={language}");
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            problems.AddRange(await Browse.SeriousViolationsAsync(page, $"{path} ({language})"));
        }
        Report(problems);
    }

    [Fact]
    public async Task Concern_form_with_problems_the_confirmation_with_crisis_lines_and_the_conversation()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        // Sent empty: the summary and the problems beside the fields.
        await page.GotoAsync("/concerns");
        await page.Locator("details.concern-contact > summary").ClickAsync();
        await page.Locator("input#contactEmail").FillAsync("not-an-email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to a trained person" }).ClickAsync();
        await page.Locator("#concern-errors").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "concern form with problems"));

        // Danger now: the crisis lines, then the thanks and the receipt.
        await page.GetByLabel("A friend", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Talking about suicide or self-harm").CheckAsync();
        await page.GetByLabel("Someone may be in danger right now").CheckAsync();
        await page.Locator("select#areaId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("input#contactEmail").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to a trained person" }).ClickAsync();
        await page.Locator(".concern-danger").WaitForAsync();
        Assert.True(await page.Locator(".concern-danger a[href='tel:988']").First.IsVisibleAsync());
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "concern confirmation with crisis lines"));
        var receipt = (await page.Locator("code#concern-receipt-code").InnerTextAsync()).Trim();

        // A wrong receipt, then the right one with the conversation and the reply form.
        await page.GotoAsync("/concerns/follow-up");
        await page.Locator("input#receipt").FillAsync("not-a-receipt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read replies" }).ClickAsync();
        await page.Locator("#receipt-problem").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "follow-up with a wrong receipt"));
        await page.Locator("input#receipt").FillAsync(receipt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Read replies" }).ClickAsync();
        await page.Locator("textarea#text").FillAsync("Thank you.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await page.Locator("li.concern-from-you").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "follow-up conversation"));

        Report(problems);
    }

    [Fact]
    public async Task Sign_in_page_empty_with_validation_errors_and_with_a_failed_sign_in()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        await page.GotoAsync("/staff/sign-in");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "sign-in"));

        // Submitted empty: the validation summary is shown.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.Locator(".validation-errors, .validation-message").First.WaitForAsync();
        Assert.True(await page.Locator("[role='alert']").First.IsVisibleAsync(), "the validation errors are not announced (role=alert)");
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "sign-in with validation errors"));

        // Wrong credentials (an unknown email, so no demo account is locked): the error alert is shown.
        await page.GetByLabel("Email").FillAsync("nobody@riverbend.example");
        await page.GetByLabel("Password").FillAsync("not-the-password-at-all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.Locator("#sign-in-error").WaitForAsync();
        problems.AddRange(await Browse.SeriousViolationsAsync(page, "sign-in failed"));

        Report(problems);
    }

    [Fact]
    public async Task Change_password_page_with_validation_errors()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, app.Accounts["responder"]);
        await page.GotoAsync("/staff/change-password");
        // Submitted empty: nothing changes, the validation summary is shown.
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Change password", Exact = true }).ClickAsync();
        await page.Locator(".validation-errors, .validation-message").First.WaitForAsync();
        await AssertAccessibleAsync(page, "change password with validation errors");
    }

    [Fact]
    public async Task Not_found_page()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/not-found");
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        await AssertAccessibleAsync(page, "not found");
    }

    /// <summary>
    /// Every role signs in and opens every page its navigation offers, and one click deeper. Each role's dashboard
    /// is scanned (it is built per role); any other kind of page is scanned once, by the first role that reaches it:
    /// a page is one component whatever the role (the case page, change password), and scanning it again for each
    /// role cost a minute of the browser stage without ever finding anything new.
    /// </summary>
    [Fact]
    public async Task Dashboard_and_every_page_in_each_roles_staff_navigation()
    {
        var problems = new List<string>();
        var scannedKinds = new HashSet<string>();
        var scannedBy = new Dictionary<string, List<string>>();
        foreach (var role in new[] { "admin", "coordinator", "responder", "leader" })
        {
            await using var context = await app.NewContextAsync();
            var page = await context.NewPageAsync();
            await Browse.SignInAsync(page, app.Accounts[role]);
            problems.AddRange(await Browse.SeriousViolationsAsync(page, $"{role}: dashboard"));

            var entries = await Browse.StaffNavigationAsync(page);
            Assert.Contains(entries, e => e.Href == "/staff");
            var opened = new List<string> { "/staff" };
            var scanned = scannedBy[role] = ["/staff"];
            var deeper = new List<string>();
            foreach (var (text, href) in entries.Where(e => e.Href != "/staff").DistinctBy(e => e.Href))
            {
                var response = await page.GotoAsync(href);
                Assert.NotNull(response);
                Assert.True(Browse.Path(page) != "/staff/sign-in", $"{role}: '{text}' ({href}) sent a signed-in user back to sign-in");
                Assert.True(Browse.Path(page) != "/staff/denied", $"{role}: '{text}' ({href}) is in the navigation but denied to this role");
                Assert.True(response.Ok, $"{role}: '{text}' ({href}) answered {response.Status}");
                opened.Add(href);
                if (scannedKinds.Add(Browse.PageKind(href)))
                {
                    problems.AddRange(await Browse.SeriousViolationsAsync(page, $"{role}: {text}"));
                    scanned.Add(href);
                }
                // Pages one click deeper (add, edit, import…): every staff link inside this page's main content.
                foreach (var link in await page.Locator("main a[href^='/staff/']").AllAsync())
                    deeper.Add((await link.GetAttributeAsync("href"))!.Split('?')[0]);
            }
            // One example of each kind of page: /staff/admin/staff/{id} for one person stands for all of them.
            foreach (var href in deeper.Where(h => !opened.Contains(h)).DistinctBy(Browse.PageKind))
            {
                var response = await page.GotoAsync(href);
                Assert.NotNull(response);
                Assert.True(response.Ok, $"{role}: {href}, linked from a navigation page, answered {response.Status}");
                opened.Add(href);
                if (!scannedKinds.Add(Browse.PageKind(href))) continue;
                problems.AddRange(await Browse.SeriousViolationsAsync(page, $"{role}: {href}"));
                scanned.Add(href);
            }
            Assert.Contains("/staff/change-password", opened);
            log.WriteLine($"{role}: opened {string.Join(", ", opened)}; scanned {string.Join(", ", scanned)}");
        }

        // The admin's sub-pages are reached and scanned, not only the navigation.
        Assert.Contains("/staff/change-password", scannedBy["admin"]);
        Assert.Contains("/staff/admin/organisations/new", scannedBy["admin"]);
        Assert.Contains("/staff/admin/staff/new", scannedBy["admin"]);
        Assert.Contains("/staff/areas/import", scannedBy["admin"]);
        Assert.Contains(scannedBy["admin"], h => Regex.IsMatch(h, "^/staff/admin/staff/[0-9a-f-]{36}$"));
        Assert.Contains(scannedBy["admin"], h => Regex.IsMatch(h, "^/staff/admin/organisations/[0-9a-f-]{36}$"));
        // A page no earlier role reaches is scanned by the role that does: the organisation pages the admin edits
        // elsewhere are the coordinator's own.
        Assert.Contains("/staff/organisations", scannedBy["coordinator"]);
        Report(problems);
    }

    /// <summary>
    /// The public volunteer pages (Riverbend's demo offers three ways to help): the list, an opportunity with its sign-up
    /// form, the form sent empty, and the confirmation with the private code; and a helper's record being edited, two
    /// clicks below the staff navigation the scan above walks.
    /// </summary>
    [Fact]
    public async Task Volunteer_opportunities_sign_up_with_problems_the_confirmation_and_a_helper_being_edited()
    {
        var problems = new List<string>();
        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/volunteer");
            problems.AddRange(await Browse.SeriousViolationsAsync(page, "volunteer opportunities"));
            await page.Locator("ul.opportunities a").First.ClickAsync();
            await page.Locator("#sign-up-name").WaitForAsync();
            problems.AddRange(await Browse.SeriousViolationsAsync(page, "an opportunity with its sign-up form"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
            await page.Locator("#sign-up-errors").WaitForAsync();
            problems.AddRange(await Browse.SeriousViolationsAsync(page, "sign-up with problems"));
            await page.Locator("#sign-up-name").FillAsync("Ada");
            await page.Locator("#sign-up-contact").FillAsync("507 555 0144");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
            await page.Locator("#volunteer-code").WaitForAsync();
            Assert.Equal("signed-up", await page.EvaluateAsync<string>("document.activeElement.id"));
            problems.AddRange(await Browse.SeriousViolationsAsync(page, "signed up"));
        }
        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await Browse.SignInAsync(page, app.Accounts["coordinator"]);
            await page.GotoAsync("/staff/volunteers");
            await page.Locator("table.volunteers a").First.ClickAsync();
            await page.Locator("a[href$='/edit']").ClickAsync();
            await page.Locator("#volunteer-name").WaitForAsync();
            problems.AddRange(await Browse.SeriousViolationsAsync(page, "a helper's record being edited"));
        }
        Report(problems);
    }

    [Fact]
    public async Task The_scan_reports_serious_and_critical_violations_and_only_those()
    {
        // The checker itself: a page with an unlabelled image (critical), text too faint to read (serious) and
        // no language (serious), plus a moderate-only problem (a heading level skipped) it must not report.
        await using var context = await app.NewContextAsync();
        await context.RouteAsync(url => url.StartsWith("http://broken.invalid/", StringComparison.Ordinal), route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = "<!doctype html><html><head><title>Broken</title></head><body><main><h1>Broken</h1><h4>Skipped</h4>"
                + "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><p style='color:#eee;background:#fff'>Faint</p></main></body></html>",
        }));
        var page = await context.NewPageAsync();
        await page.GotoAsync("http://broken.invalid/");
        var problems = await Browse.SeriousViolationsAsync(page, "broken");
        foreach (var p in problems) log.WriteLine(p);
        Assert.Contains(problems, p => p.Contains(": image-alt [critical]", StringComparison.Ordinal) && p.Contains("at img", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(": color-contrast [serious]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(": html-has-lang [serious]", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(": heading-order", StringComparison.Ordinal));
    }

    private async Task AssertAccessibleAsync(IPage page, string label) =>
        Report([.. await Browse.SeriousViolationsAsync(page, label)]);

    private void Report(List<string> problems)
    {
        foreach (var p in problems) log.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} serious or critical accessibility violation(s):\n" + string.Join("\n", problems));
    }
}
