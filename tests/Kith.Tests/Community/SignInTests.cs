using Kith.Community.Domain;

namespace Kith.Tests.Community;

[Trait("Category", "Integration")]
public sealed class SignInTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Staff_sign_in_with_the_form_reaches_the_dashboard_and_is_audited()
    {
        var org = await Staff.AddOrganisationAsync(app, "Sign-in High");
        var id = await Staff.AddAsync(app, "responder@signin.test", Roles.Responder, org);
        var client = app.Browser();

        var response = await Staff.SignInAsync(client, "responder@signin.test");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        var dashboard = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Welcome, responder", await dashboard.Content.ReadAsStringAsync());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "staff.sign-in-succeeded" && e.SubjectId == id));
    }

    [Fact]
    public async Task Staff_pages_redirect_to_sign_in_and_staff_apis_answer_401_problem()
    {
        var client = app.Browser();

        var page = await client.GetAsync("/staff");
        var events = await client.GetAsync("/staff/events");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/staff/sign-in", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, events.StatusCode);
        Assert.Equal("application/problem+json", events.Content.Headers.ContentType?.MediaType);
    }
}
