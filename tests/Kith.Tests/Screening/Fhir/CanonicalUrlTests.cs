using System.Text.Json.Nodes;
using Kith.Platform.Fhir;
using Microsoft.Extensions.Configuration;

namespace Kith.Tests.Screening.Fhir;

/// <summary>
/// FHIR canonical urls come from <c>Kith:Fhir:CanonicalBase</c>, never from the request: asked through another
/// host and port, or with a forged Host or X-Forwarded-Host, a questionnaire keeps one identity; a base that
/// cannot name anything stops the start.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CanonicalUrlTests(CanonicalUrlTests.ConfiguredApp app) : IClassFixture<CanonicalUrlTests.ConfiguredApp>
{
    private const string Configured = "https://fhir.riverbend.example/kith/fhir";

    public sealed class ConfiguredApp : KithApp
    {
        // A trailing slash is how an operator may well write it; canonicals never carry a double slash.
        public ConfiguredApp() => Set(CanonicalBase.Setting, Configured + "/");
    }

    /// <summary>The same server reached under other names: another host and port, and forwarded headers a proxy (or anyone) may add.</summary>
    private HttpClient Through(string host, string? forwardedHost = null)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Host = host;
        if (forwardedHost is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Host", forwardedHost);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }
        return client;
    }

    private HttpClient[] Clients() =>
    [
        app.Browser(),
        Through("kith-b.internal:8443"),
        Through("attacker.example", forwardedHost: "evil.example:444"),
    ];

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.DoesNotContain("attacker", body);
        Assert.DoesNotContain("evil", body);
        Assert.DoesNotContain("kith-b", body);
        Assert.DoesNotContain("127.0.0.1", body);
        return body;
    }

    [Fact]
    public async Task Questionnaires_and_the_bundle_are_identical_through_every_host_and_name_the_configured_base()
    {
        foreach (var path in new[] { "/fhir/Questionnaire", "/fhir/Questionnaire/phq-9", "/fhir/Questionnaire/gad-7" })
        {
            var bodies = new List<string>();
            foreach (var client in Clients())
                using (client) bodies.Add(await ReadAsync(await client.GetAsync(path)));
            Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        }
        using var plain = app.Browser();
        var phq9 = JsonNode.Parse(await plain.GetStringAsync("/fhir/Questionnaire/phq-9"))!;
        Assert.Equal(Configured + "/Questionnaire/phq-9", (string?)phq9["url"]);
        var band = phq9["item"]!.AsArray().Single(i => (string?)i!["linkId"] == "band")!;
        Assert.All(band["answerOption"]!.AsArray(), o => Assert.Equal(Configured + "/CodeSystem/phq-9-band", (string?)o!["valueCoding"]!["system"]));
    }

    [Fact]
    public async Task A_scored_response_is_identical_through_every_host_and_only_the_configured_canonical_is_ours()
    {
        var phq9 = Kith.Screening.Instruments.InstrumentLibrary.Embedded().Find("phq-9")!;
        var resource = SampleAnswers.Resource(phq9, SampleAnswers.Answer(phq9, o => o[^1]));
        resource["questionnaire"] = Configured + "/Questionnaire/phq-9";
        var bodies = new List<string>();
        foreach (var client in Clients())
            using (client) bodies.Add(await ReadAsync(await client.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(resource))));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        var scored = JsonNode.Parse(bodies[0])!;
        var band = scored["item"]!.AsArray().Single(i => (string?)i!["linkId"] == "band")!;
        Assert.Equal(Configured + "/CodeSystem/phq-9-band", (string?)band["answer"]![0]!["valueCoding"]!["system"]);

        // The default base, or the address the request came in on, is not this deployment's canonical.
        foreach (var other in new[] { SampleAnswers.DefaultCanonicalBase, new Uri(app.Address, "/fhir").ToString() })
        {
            resource["questionnaire"] = other + "/Questionnaire/phq-9";
            using var client = app.Browser();
            Assert.Equal((HttpStatusCode)422, (await client.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(resource))).StatusCode);
        }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://kith.example/fhir", true)]
    [InlineData("http://fhir.local:8080/base/", true)]
    [InlineData("/fhir", false)]
    [InlineData("kith.example/fhir", false)]
    [InlineData("ftp://kith.example/fhir", false)]
    [InlineData("https://kith.example/fhir?x=1", false)]
    [InlineData("https://kith.example/fhir#part", false)]
    [InlineData("https://user:pw@kith.example/fhir", false)]
    public void Only_an_absolute_http_url_without_query_or_fragment_is_a_base(string? value, bool accepted)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(CanonicalBase.Setting, value)]).Build();
        Assert.Equal(accepted, CanonicalBase.Problem(configuration) is null);
        if (accepted) Assert.DoesNotMatch("/$", CanonicalBase.From(configuration).Url);
        else Assert.Throws<InvalidOperationException>(() => CanonicalBase.From(configuration));
    }

    [Fact]
    public async Task A_base_that_is_not_an_absolute_url_refuses_the_start()
    {
        var root = Path.Combine(Path.GetTempPath(), "kith-tests", "canonical-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var run = await KithProcess.RunFromAsync(new Dictionary<string, string>
            {
                ["Kith__KeyRingPath"] = Path.Combine(root, "keys"),
                ["Kith__DemoOnFirstStart"] = "false",
                ["Kith__Jobs__Enabled"] = "false",
                ["Kith__Fhir__CanonicalBase"] = "/fhir",
            }, root, null, TimeSpan.FromMinutes(3));
            Assert.True(run.ExitCode == 1, run.Output);
            var line = Assert.Single(run.StdErr.Split('\n'), l => l.StartsWith("Kith refused to start: ", StringComparison.Ordinal));
            Assert.Contains("Kith:Fhir:CanonicalBase '/fhir'", line);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
