using System.Text.RegularExpressions;

namespace Kith.Tests.Community.TwoStep;

/// <summary>Two-step sign-in: set up with an authenticator key, then password + code, or a one-time recovery code.</summary>
[Trait("Category", "Integration")]
public sealed partial class TwoStepTests(KithApp app) : IClassFixture<KithApp>
{
    private const string Email = "responder@two-step.test";

    [Fact]
    public async Task Turned_on_it_asks_for_a_code_after_the_password_and_recovery_codes_work_once()
    {
        var org = await Staff.AddOrganisationAsync(app, "Two-Step School");
        var (client, id) = await Staff.SignedInAsync(app, Email, Roles.Responder, org);

        // Set up: the page shows the key; the first code proves the app has it.
        var setup = WebUtility.HtmlDecode(await client.GetStringAsync("/staff/two-step"));
        var key = Key().Match(setup).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        Assert.NotEmpty(key);
        var wrongAtSetup = await Staff.PostFormAsync(client, "/staff/two-step", "two-step-enable", [new("Enable.Code", WrongCode(key))]);
        Assert.Contains("That code is not right", WebUtility.HtmlDecode(await wrongAtSetup.Content.ReadAsStringAsync()));
        var enabled = await Staff.PostFormAsync(client, "/staff/two-step", "two-step-enable", [new("Enable.Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        var enabledHtml = await enabled.Content.ReadAsStringAsync();
        var recoveryCodes = RecoveryCode().Matches(enabledHtml).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode); // this session survives the change

        // Password alone now leads to the code step, which refuses a wrong code and accepts the right one.
        var next = app.Browser();
        var password = await Staff.SignInAsync(next, Email);
        Assert.Equal("/staff/sign-in/code", Staff.RedirectPath(password));
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/staff")).StatusCode);
        var wrong = await Staff.PostFormAsync(next, "/staff/sign-in/code", "sign-in-code", [new("Input.Code", WrongCode(key))]);
        Assert.Contains("That code is not right", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        var right = await Staff.PostFormAsync(next, "/staff/sign-in/code", "sign-in-code", [new("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        Assert.Equal("/staff", Staff.RedirectPath(right));
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/staff")).StatusCode);

        // A recovery code signs in once.
        Assert.True(await SignInWithRecoveryCodeAsync(recoveryCodes[0]));
        Assert.False(await SignInWithRecoveryCodeAsync(recoveryCodes[0]));

        await using var scope = app.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<KithDb>().AuditEntries
            .Where(e => e.SubjectId == id).Select(e => e.Action).ToListAsync();
        Assert.Contains("staff.two-step-enabled", actions);
        Assert.Contains("staff.sign-in-needs-code", actions);
        Assert.Contains("staff.sign-in-code-failed", actions);
        Assert.Contains("staff.sign-in-succeeded-recovery-code", actions);
    }

    [Fact]
    public async Task An_admin_turns_it_off_for_someone_who_lost_their_phone_and_codes()
    {
        var org = await Staff.AddOrganisationAsync(app, "Two-Step Clinic");
        var (person, id) = await Staff.SignedInAsync(app, "coordinator@two-step.test", Roles.Coordinator, org);
        var setup = WebUtility.HtmlDecode(await person.GetStringAsync("/staff/two-step"));
        var key = Key().Match(setup).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        await Staff.PostFormAsync(person, "/staff/two-step", "two-step-enable", [new("Enable.Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        Assert.Equal("/staff/sign-in/code", Staff.RedirectPath(await Staff.SignInAsync(app.Browser(), "coordinator@two-step.test")));
        var (admin, _) = await Staff.SignedInAsync(app, "admin@two-step.test", Roles.Admin);

        var reset = await admin.PostAsync($"/api/staff/{id}/reset-two-step", null);
        var passwordOnly = await Staff.SignInAsync(app.Browser(), "coordinator@two-step.test");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("\"twoStep\":false", await reset.Content.ReadAsStringAsync());
        Assert.Equal("/staff", Staff.RedirectPath(passwordOnly));
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostAsync($"/api/staff/{id}/reset-two-step", null)).StatusCode);
    }

    [Fact]
    public async Task The_code_step_without_a_correct_password_first_offers_nothing()
    {
        var stranger = app.Browser();

        var page = WebUtility.HtmlDecode(await stranger.GetStringAsync("/staff/sign-in/code"));

        Assert.Contains("Your sign-in has expired", page);
        Assert.DoesNotContain("name=\"Input.Code\"", page);
    }

    private async Task<bool> SignInWithRecoveryCodeAsync(string code)
    {
        var client = app.Browser();
        await Staff.SignInAsync(client, Email);
        var response = await Staff.PostFormAsync(client, "/staff/sign-in/code", "sign-in-code", [new("Input.Code", code)]);
        return response.StatusCode == HttpStatusCode.Redirect && Staff.RedirectPath(response) == "/staff";
    }

    // A code that is wrong for the current, previous and next time steps.
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var near = new[] { -60, -30, 0, 30, 60 }.Select(s => Totp.Code(key, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !near.Contains(c));
    }

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex Key();

    [GeneratedRegex("<li><code>([0-9A-Za-z-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
