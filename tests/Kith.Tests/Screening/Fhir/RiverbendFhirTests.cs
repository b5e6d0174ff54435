using System.Text.Json.Nodes;
using Kith.Community.Demo;
using Kith.Screening.Instruments;
using Kith.Tests.Platform.Fhir;
using Xunit.Abstractions;

namespace Kith.Tests.Screening.Fhir;

/// <summary>
/// Every FHIR resource the Riverbend demo serves, from every endpoint that speaks FHIR — the searchset Bundle,
/// each Questionnaire, scored and recorded QuestionnaireResponses and the OperationOutcome of each refusal —
/// validates with the Firely validator against the R4 specification.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RiverbendFhirTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly InstrumentLibrary Library = InstrumentLibrary.Embedded();
    private readonly KithApp app = new();
    private readonly List<JsonNode> served = [];

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)app).InitializeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RiverbendDemo>().SeedAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    private async Task<JsonNode> ServedAsync(Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var resource = JsonNode.Parse(body)!;
        served.Add(resource);
        return resource;
    }

    [Fact]
    public async Task Every_resource_every_FHIR_endpoint_serves_validates_against_the_R4_specification()
    {
        using var anonymous = app.Browser();
        var organisation = await Staff.AddOrganisationAsync(app, "Riverbend screening clinic");
        var signedIn = await Staff.SignedInAsync(app, "fhir-responder@example.org", Roles.Responder, organisation);
        using var responder = signedIn.Client;
        await Kith.Tests.Concerns.ConcernData.AddTeamAsync(app, "Screening clinic team", [signedIn.Id], organisation: organisation);
        using var coordinator = (await Staff.SignedInAsync(app, "fhir-coordinator@example.org", Roles.Coordinator, organisation)).Client;

        // The bundle holds every Questionnaire as GET /fhir/Questionnaire/{id} serves it (QuestionnaireTests).
        await ServedAsync(anonymous.GetAsync("/fhir/Questionnaire"), HttpStatusCode.OK);
        foreach (var instrument in Library.All)
        {
            var highest = SampleAnswers.Answer(instrument, o => o[^1]);
            await ServedAsync(anonymous.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(SampleAnswers.Resource(instrument, highest, loinc: true))), HttpStatusCode.OK);
            var subject = new JsonObject { ["identifier"] = new JsonObject { ["value"] = "RB-" + instrument.Id }, ["display"] = "Riverbend client" };
            using var recorded = await responder.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(SampleAnswers.Resource(instrument, highest, subject: subject)));
            // Answered as the anonymous one above, with an id: the record read back is what is validated.
            Assert.True(recorded.StatusCode == HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
            await ServedAsync(responder.GetAsync(recorded.Headers.Location), HttpStatusCode.OK);
        }

        // The refusals: each an OperationOutcome.
        var phq9 = Library.Find("phq-9")!;
        await ServedAsync(anonymous.GetAsync("/fhir/Questionnaire/nope"), HttpStatusCode.NotFound);
        await ServedAsync(anonymous.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(SampleAnswers.Resource(phq9, new Dictionary<string, string> { ["9"] = "3" }))), HttpStatusCode.UnprocessableEntity);
        await ServedAsync(anonymous.PostAsync("/fhir/QuestionnaireResponse", new StringContent("{", System.Text.Encoding.UTF8, "application/fhir+json")), HttpStatusCode.BadRequest);
        await ServedAsync(anonymous.PostAsync("/fhir/QuestionnaireResponse", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await ServedAsync(anonymous.GetAsync($"/fhir/QuestionnaireResponse/{Guid.NewGuid()}"), HttpStatusCode.Unauthorized);
        await ServedAsync(coordinator.GetAsync($"/fhir/QuestionnaireResponse/{Guid.NewGuid()}"), HttpStatusCode.Forbidden);
        await ServedAsync(responder.GetAsync($"/fhir/QuestionnaireResponse/{Guid.NewGuid()}"), HttpStatusCode.NotFound);

        Assert.Equal(["Bundle", "OperationOutcome", "Questionnaire", "QuestionnaireResponse"], 
            served.Concat(served.SelectMany(r => r["entry"]?.AsArray().Select(e => e!["resource"]!) ?? [])).Select(r => (string)r["resourceType"]!).Distinct().Order());
        await FhirValidator.AssertValidAsync([.. served]);
        output.WriteLine($"{served.Count} resources; {FhirValidator.Timing}");
    }

    [Fact]
    public async Task The_validator_finds_what_the_R4_specification_forbids()
    {
        // A test that cannot fail is a defect: the validator must refuse a wrong code, a missing status and an unknown element.
        var wrong = new[]
        {
            JsonNode.Parse("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"bogus"}]}""")!,
            JsonNode.Parse("""{"resourceType":"QuestionnaireResponse","item":[{"linkId":"1"}]}""")!,
            JsonNode.Parse("""{"resourceType":"Questionnaire","status":"active","colour":"blue"}""")!,
        };
        foreach (var resource in wrong) Assert.NotEmpty(FhirValidator.Errors(resource));
        await Task.CompletedTask;
    }
}
