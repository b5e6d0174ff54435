namespace Kith.BrowserTests;

/// <summary>Each demo role signs in through the form and sees its own staff navigation (CommunityModule registrations).</summary>
[Collection(KithApp.SecondCollection)]
public sealed class StaffNavigationTests(KithApp app, ITestOutputHelper log)
{
    public static TheoryData<string, string[], string[]> Roles => new()
    {
        { "admin", ["Dashboard", "Concerns", "Text lines", "Screening", "Campaigns", "Directory services", "Service gaps", "Concern routing", "Organisations", "Staff", "Audit log", "Areas", "Two-step sign-in", "Change password"], ["My organisations"] },
        { "coordinator", ["Dashboard", "Campaigns", "Directory services", "My organisations", "Two-step sign-in", "Change password"], ["Staff", "Organisations", "Audit log", "Areas", "Service gaps", "Concerns", "Text lines", "Concern routing", "Screening"] },
        { "responder", ["Dashboard", "Concerns", "Text lines", "Screening", "My organisations", "Two-step sign-in", "Change password"], ["Staff", "Organisations", "Audit log", "Areas", "Directory services", "Service gaps", "Concern routing", "Campaigns"] },
        { "leader", ["Dashboard", "Service gaps", "Areas", "Two-step sign-in", "Change password"], ["Staff", "Organisations", "Audit log", "My organisations", "Directory services", "Concerns", "Text lines", "Concern routing", "Screening", "Campaigns"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_sees_its_navigation_and_can_sign_out(string role, string[] shown, string[] hidden)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browse.SignInAsync(page, app.Accounts[role]);

        var entries = await Browse.StaffNavigationAsync(page);
        var titles = entries.Select(e => e.Text).ToList();
        log.WriteLine($"{role}: " + string.Join(" | ", entries.Select(e => $"{e.Text} → {e.Href}")));
        foreach (var title in shown) Assert.Contains(title, titles);
        foreach (var title in hidden) Assert.DoesNotContain(title, titles);
        Assert.Equal("Dashboard", titles[0]);
        Assert.Equal("page", await page.Locator("nav.staff-nav a[href='/staff']").GetAttributeAsync("aria-current"));

        await Browse.SignOutAsync(page);
    }
}
