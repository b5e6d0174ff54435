namespace Kith.Tests.Platform;

/// <summary>The app for <see cref="MetricsAccessTests"/>: a submitted concern makes the per-tier counts non-empty.</summary>
public sealed class MetricsAccessApp : KithApp;

/// <summary>/metrics shows live counts (concerns by tier): only a scraper with the token reads them.</summary>
[Trait("Category", "Integration")]
public sealed class MetricsAccessTests(MetricsAccessApp app) : IClassFixture<MetricsAccessApp>
{
    [Fact]
    public async Task Without_the_token_metrics_answer_401_and_show_no_counts_with_it_200()
    {
        await Concerns.ConcernData.SubmitAsync(app.CreateClient(), Concerns.ConcernData.Routine());
        using var wrong = app.Browser();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", KithApp.MetricsToken + "x");

        var anonymous = await app.Browser().GetAsync("/metrics");
        var guessed = await wrong.GetAsync("/metrics");
        var scraper = await app.MetricsAsync();

        foreach (var refused in new[] { anonymous, guessed })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
            Assert.DoesNotContain("kith_concerns", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, scraper.StatusCode);
        Assert.Matches("kith_concerns_submitted_total\\{channel=\"[a-z]+\",tier=\"routine\"\\} \\d+", await scraper.Content.ReadAsStringAsync());
    }
}

/// <summary>The app for <see cref="MetricsWithoutTokenTests"/>: no scrape token configured.</summary>
public sealed class NoMetricsTokenApp : KithApp
{
    public NoMetricsTokenApp() => Set("Kith:Metrics:Token", null);
}

/// <summary>With no token set, /metrics does not exist — for anyone, loopback included (a local proxy is loopback too).</summary>
[Trait("Category", "Integration")]
public sealed class MetricsWithoutTokenTests(NoMetricsTokenApp app) : IClassFixture<NoMetricsTokenApp>
{
    [Fact]
    public async Task Without_a_configured_token_metrics_are_not_served()
    {
        var response = await app.MetricsAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("kith_", await response.Content.ReadAsStringAsync());
    }
}
