using System.Net.Http.Json;

namespace Kith.Tests.Screening.SafetyPlans;

/// <summary>Guessing codes is slowed per client: past the minute's allowance every code-carrying request is refused.</summary>
[Trait("Category", "Integration")]
public sealed class PlanGuessingTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task A_client_trying_many_codes_is_braked_with_a_429_problem()
    {
        var api = app.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
            answers.Add((await api.PostAsJsonAsync("/api/safety-plans/open", new { code = Kith.Platform.Security.PrivateCode.Generate() })).StatusCode);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.NotFound, status));
        var braked = await api.PostAsJsonAsync("/api/safety-plans/open", new { code = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, braked.StatusCode);
        Assert.Equal("application/problem+json", braked.Content.Headers.ContentType?.MediaType);
        // The page that takes codes is braked by the same allowance.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Browser().GetAsync("/safety-plan/open")).StatusCode);
    }
}
