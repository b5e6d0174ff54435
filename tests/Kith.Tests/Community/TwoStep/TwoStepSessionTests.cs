using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Community.TwoStep;

/// <summary>An app whose clock the test moves past the minute after which sessions are checked against the account.</summary>
public sealed class TwoStepClockApp : KithApp
{
    public TwoStepClockApp() => Time = Clock;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
}

/// <summary>Opening the two-step page is only looking: it must not end the person's sessions.</summary>
[Trait("Category", "Integration")]
public sealed class TwoStepSessionTests(TwoStepClockApp app) : IClassFixture<TwoStepClockApp>
{
    [Fact]
    public async Task Opening_the_set_up_page_keeps_every_session_of_the_person_signed_in()
    {
        var org = await Staff.AddOrganisationAsync(app, "Two-Step Sessions School");
        var (phone, id) = await Staff.SignedInAsync(app, "responder@two-step-sessions.test", Roles.Responder, org);
        var desk = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(desk, "responder@two-step-sessions.test")).StatusCode);
        var stampBefore = await StampAsync(id);

        var page = await desk.GetStringAsync("/staff/two-step");
        Assert.Contains("id=\"authenticator-key\"", page);
        var again = await desk.GetStringAsync("/staff/two-step");
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // past the interval after which a session's stamp is checked

        Assert.Equal(stampBefore, await StampAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/staff")).StatusCode);
        Assert.Equal(Key(page), Key(again)); // the key shown first is the one the app must be given
    }

    private async Task<string?> StampAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KithDb>().Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync();
    }

    private static string Key(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "id=\"authenticator-key\">([^<]+)</code>").Groups[1].Value;
}
