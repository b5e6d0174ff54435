using System.Text.Json.Nodes;
using Kith.Screening.Instruments;
using Kith.Tests.Concerns;
using Kith.Tests.Screening.Fhir;

namespace Kith.Tests.Screening.Identified;

/// <summary>
/// The person's name and identifier have one limit on the form, in FHIR and on the concern a high-risk screening
/// raises: a longer one is refused with a 400 naming the field, and nothing is saved — neither the response nor
/// the concern (it used to be a 500 after the answers were in, losing both).
/// </summary>
[Trait("Category", "Integration")]
public sealed class SubjectLengthTests(KithApp app) : IClassFixture<KithApp>
{
    private static readonly InstrumentLibrary Library = InstrumentLibrary.Embedded();
    private static readonly Instrument Phq9 = Library.Find("phq-9")!;
    private static readonly Instrument Cssrs = Library.Find("c-ssrs-screener")!;

    /// <summary>C-SSRS with every question asked answered yes (imminent), or PHQ-9 with item 9 at "nearly every day" (urgent).</summary>
    private static Dictionary<string, string> HighRisk(Instrument instrument) => instrument == Cssrs
        ? SampleAnswers.Answer(Cssrs, options => options.First(o => o.Code == "yes"))
        : Enumerable.Range(1, 9).ToDictionary(i => i.ToString(), i => i == 9 ? "3" : "1");

    private async Task<HttpClient> ResponderOnTeamAsync()
    {
        var school = await Staff.AddOrganisationAsync(app, "Length school " + Guid.NewGuid().ToString("N")[..6]);
        var (client, id) = await Staff.SignedInAsync(app, $"responder-{Guid.NewGuid():N}@length.test", Roles.Responder, school);
        await ConcernData.AddTeamAsync(app, "Length team " + Guid.NewGuid().ToString("N")[..6], [id], organisation: school);
        return client;
    }

    private Task<(int Responses, int Concerns)> CountsAsync() =>
        ConcernData.ReadAsync(app, async db => (await db.ScreeningResponses.CountAsync(), await db.Concerns.CountAsync()));

    private static IEnumerable<KeyValuePair<string, string>> Fields(Instrument instrument, string name, string identifier) =>
        new[] { KeyValuePair.Create("subjectName", name), KeyValuePair.Create("subjectIdentifier", identifier) }
            .Concat(HighRisk(instrument).Select(a => KeyValuePair.Create("answer-" + a.Key, a.Value)));

    public static TheoryData<string, int, int, string> TooLongOnTheForm => new()
    {
        { "c-ssrs-screener", 201, 0, "subjectName" },
        { "phq-9", 201, 0, "subjectName" },
        { "phq-9", 10, 101, "subjectIdentifier" },
        { "c-ssrs-screener", 10, 100_000, "subjectIdentifier" },
    };

    [Theory]
    [MemberData(nameof(TooLongOnTheForm))]
    public async Task A_too_long_field_on_a_high_risk_screening_form_is_a_400_naming_it_and_saves_nothing(string instrument, int name, int identifier, string field)
    {
        using var responder = await ResponderOnTeamAsync();
        var before = await CountsAsync();
        var response = await Staff.PostFormAsync(responder, $"/staff/screening/record?instrument={instrument}", "record-screening",
            Fields(Library.Find(instrument)!, new string('n', name), new string('7', identifier)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"id=\"error-{field}\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_name_at_the_limit_is_kept_whole_on_the_response_and_on_the_concern_it_raises()
    {
        using var responder = await ResponderOnTeamAsync();
        var name = "L" + new string('x', 199);
        var saved = await Staff.PostFormAsync(responder, "/staff/screening/record?instrument=c-ssrs-screener", "record-screening", Fields(Cssrs, name, new string('7', 100)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Guid.Parse(Staff.RedirectPath(saved).Split('/')[^1]);
        var stored = await ConcernData.ReadAsync(app, db => db.ScreeningResponses.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(name, stored.SubjectName);
        var concern = await ConcernData.ReadAsync(app, db => db.Concerns.AsNoTracking().SingleAsync(c => c.Reference == stored.ConcernReference));
        Assert.Equal(("imminent", name), (concern.Tier, concern.ContactName));
    }

    public static TheoryData<string, string, int, string> TooLongInFhir => new()
    {
        { "phq-9", "display", 201, "QuestionnaireResponse.subject.display" },
        { "c-ssrs-screener", "display", 201, "QuestionnaireResponse.subject.display" },
        { "c-ssrs-screener", "identifier", 100_000, "QuestionnaireResponse.subject.identifier.value" },
        { "phq-9", "identifier", 101, "QuestionnaireResponse.subject.identifier.value" },
    };

    [Theory]
    [MemberData(nameof(TooLongInFhir))]
    public async Task A_too_long_subject_on_a_high_risk_FHIR_response_is_a_400_naming_it_and_saves_nothing(string instrument, string part, int length, string expression)
    {
        using var responder = await ResponderOnTeamAsync();
        var before = await CountsAsync();
        var subject = part == "display"
            ? new JsonObject { ["display"] = new string('n', length) }
            : new JsonObject { ["display"] = "Amina Farah", ["identifier"] = new JsonObject { ["value"] = new string('7', length) } };
        var chosen = Library.Find(instrument)!;
        var response = await responder.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(SampleAnswers.Resource(chosen, HighRisk(chosen), subject: subject)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("OperationOutcome", (string?)outcome["resourceType"]);
        var issue = Assert.Single(outcome["issue"]!.AsArray());
        Assert.Equal(("too-long", expression), ((string?)issue!["code"], (string?)issue["expression"]![0]));
        Assert.Equal(before, await CountsAsync());
    }
}
