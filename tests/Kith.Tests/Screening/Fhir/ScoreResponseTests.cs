using Kith.Tests.Platform.Fhir;
using System.Text.Json.Nodes;
using Kith.Screening.Instruments;
using Kith.Screening.Scoring;

namespace Kith.Tests.Screening.Fhir;

/// <summary>
/// A QuestionnaireResponse from a partner system is scored exactly as the engine scores the same answers, and
/// answered with the scores, band and findings filled in; bad input of every kind is a 4xx OperationOutcome.
/// Anonymous callers leave nothing behind.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ScoreResponseTests(KithApp app) : IClassFixture<KithApp>
{
    private static readonly InstrumentLibrary Library = InstrumentLibrary.Embedded();
    private static readonly Instrument Phq9 = Library.Find("phq-9")!;

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(JsonNode resource, HttpClient? client = null)
    {
        using var own = app.CreateClient();
        var response = await (client ?? own).PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(resource));
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static JsonObject? Item(JsonObject response, string linkId) =>
        response["item"]!.AsArray().SingleOrDefault(i => (string?)i!["linkId"] == linkId)?.AsObject();

    [Fact]
    public async Task Every_instrument_is_scored_as_the_engine_scores_it_with_our_codes_or_LOINC_codes()
    {
        var produced = new List<JsonObject>();
        foreach (var instrument in Library.All)
            foreach (var answers in SampleAnswers.For(instrument))
            {
                var expected = InstrumentScoring.Score(instrument, answers);
                Assert.True(expected.Complete);
                foreach (var loinc in new[] { false, true })
                {
                    var (status, body) = await PostAsync(SampleAnswers.Resource(instrument, answers, loinc));
                    Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
                    foreach (var score in expected.Scores)
                        Assert.Equal(score.Value, (decimal)Item(body, "score-" + score.Rule.Id)!["answer"]![0]!["valueDecimal"]!);
                    Assert.Equal(expected.Band!.Code, (string?)Item(body, "band")!["answer"]![0]!["valueCoding"]!["code"]);
                    Assert.Equal(expected.Flags.Select(f => f.Code), Item(body, "flags")?["answer"]!.AsArray().Select(a => (string?)a!["valueCoding"]!["code"]) ?? []);
                    Assert.Equal(expected.Critical.Select(c => c.Code), Item(body, "critical")?["answer"]!.AsArray().Select(a => (string?)a!["valueCoding"]!["code"]) ?? []);
                    Assert.Null(body["id"]);
                    produced.Add(body);
                }
            }
        // One of each shape (which items, how many answers each): the validator is slow, and equal shapes check alike.
        await FhirValidator.AssertValidAsync([.. produced.DistinctBy(Shape)]);
    }

    private static string Shape(JsonObject response) =>
        string.Join(',', response["item"]!.AsArray().Select(i => $"{(string?)i!["linkId"]}:{i["answer"]?.AsArray().Count}"));

    [Fact]
    public async Task A_PHQ_9_total_comes_back_as_item_44261_6_with_band_flag_and_critical_finding()
    {
        var answers = Enumerable.Range(1, 9).ToDictionary(i => i.ToString(), i => i == 9 ? "1" : "2");
        var (status, body) = await PostAsync(SampleAnswers.Resource(Phq9, answers));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(17m, (decimal)Item(body, "score-total")!["answer"]![0]!["valueDecimal"]!);
        Assert.Equal("moderately-severe", (string?)Item(body, "band")!["answer"]![0]!["valueCoding"]!["code"]);
        Assert.Equal("Moderately severe", (string?)Item(body, "band")!["answer"]![0]!["valueCoding"]!["display"]);
        Assert.Equal("positive", (string?)Item(body, "flags")!["answer"]![0]!["valueCoding"]!["code"]);
        Assert.Equal("item-9", (string?)Item(body, "critical")!["answer"]![0]!["valueCoding"]!["code"]);
        // The items as sent are kept; the total is coded where the questionnaire codes it (score-total: 44261-6).
        Assert.Equal(9, body["item"]!.AsArray().Count(i => !((string)i!["linkId"]!).StartsWith("score", StringComparison.Ordinal) && (string?)i["linkId"] is not ("band" or "flags" or "critical")));
    }

    [Fact]
    public async Task An_anonymous_caller_leaves_no_response_and_raises_no_concern()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var responses = await db.ScreeningResponses.CountAsync();
        var concerns = await db.Concerns.CountAsync();
        var answers = Enumerable.Range(1, 9).ToDictionary(i => i.ToString(), _ => "3");
        var (status, _) = await PostAsync(SampleAnswers.Resource(Phq9, answers, subject: new JsonObject { ["display"] = "Someone" }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(responses, await db.ScreeningResponses.CountAsync());
        Assert.Equal(concerns, await db.Concerns.CountAsync());
    }

    [Fact]
    public async Task Sent_scores_are_ignored_and_replaced_by_ours()
    {
        var answers = Enumerable.Range(1, 9).ToDictionary(i => i.ToString(), _ => "0");
        var resource = SampleAnswers.Resource(Phq9, answers);
        resource["item"]!.AsArray().Add(new JsonObject { ["linkId"] = "score-total", ["answer"] = new JsonArray(new JsonObject { ["valueDecimal"] = 27 }) });
        var (status, body) = await PostAsync(resource);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0m, (decimal)Item(body, "score-total")!["answer"]![0]!["valueDecimal"]!);
    }

    [Fact]
    public async Task Unknown_items_and_codes_are_a_422_with_one_issue_each_naming_the_item()
    {
        var answers = Enumerable.Range(1, 9).ToDictionary(i => i.ToString(), _ => "1");
        var resource = SampleAnswers.Resource(Phq9, answers);
        var items = resource["item"]!.AsArray();
        items[2]!["answer"]![0]!["valueCoding"]!["code"] = "7";
        items[4]!["answer"]![0]!["valueCoding"] = new JsonObject { ["system"] = "http://loinc.org", ["code"] = "LA6572-7" };
        items.Add(new JsonObject { ["linkId"] = "99", ["answer"] = new JsonArray(new JsonObject { ["valueCoding"] = new JsonObject { ["code"] = "0" } }) });
        var (status, body) = await PostAsync(resource);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["3", "5", "99"], body["issue"]!.AsArray().Select(i => (string?)i!["expression"]![0]).Order());
        await FhirValidator.AssertValidAsync(body);
    }

    [Fact]
    public async Task Numbers_instead_of_codings_are_refused_saying_a_coding_is_required()
    {
        var resource = SampleAnswers.Resource(Phq9, Enumerable.Range(1, 9).ToDictionary(i => i.ToString(), _ => "1"));
        resource["item"]![0]!["answer"] = new JsonArray(new JsonObject { ["valueInteger"] = 1 });
        resource["item"]![1]!["answer"] = new JsonArray(new JsonObject { ["valueDecimal"] = 1 });
        var (status, body) = await PostAsync(resource);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(2, body["issue"]!.AsArray().Count);
        Assert.All(body["issue"]!.AsArray(), i => Assert.Contains("valueCoding", (string)i!["diagnostics"]!));
        await FhirValidator.AssertValidAsync(body);
    }

    [Fact]
    public async Task A_response_missing_required_items_is_incomplete_and_not_scored_but_its_critical_answer_is_reported()
    {
        var answers = new Dictionary<string, string> { ["1"] = "0", ["2"] = "1", ["9"] = "3" };
        var (status, body) = await PostAsync(SampleAnswers.Resource(Phq9, answers));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var issues = body["issue"]!.AsArray();
        Assert.Contains(issues, i => (string?)i!["code"] == "incomplete" && ((string)i["diagnostics"]!).Contains("3, 4, 5, 6, 7, 8"));
        Assert.Equal(["3", "4", "5", "6", "7", "8"], issues.Where(i => (string?)i!["code"] == "required").Select(i => (string?)i!["expression"]![0]));
        Assert.Contains(issues, i => (string?)i!["expression"]?[0] == "9" && ((string)i["diagnostics"]!).StartsWith("Critical answer", StringComparison.Ordinal));
        Assert.DoesNotContain("44261-6", body.ToJsonString());
        await FhirValidator.AssertValidAsync(body);
    }

    public static TheoryData<string, string, int> BadBodies => new()
    {
        { "not json", "application/fhir+json", 400 },
        { "{\"resourceType\":", "application/fhir+json", 400 },
        { "[]", "application/fhir+json", 422 },
        { "42", "application/json", 422 },
        { "null", "application/fhir+json", 422 },
        { "{}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"Patient\"}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\"}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"questionnaire\":\"Questionnaire/phq-9\"}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"http://elsewhere.example/fhir/Questionnaire/phq-9\"}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"Questionnaire/nope\"}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"Questionnaire/phq-9|0\"}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":42}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"Questionnaire/phq-9\",\"item\":{}}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"Questionnaire/phq-9\",\"item\":[1,\"x\",null]}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"Questionnaire/phq-9\",\"item\":[{\"linkId\":1}]}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"Questionnaire/phq-9\",\"item\":[{\"linkId\":\"1\",\"answer\":[{\"valueCoding\":{\"code\":\"1\"}},{\"valueCoding\":{\"code\":\"2\"}}]}]}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"Questionnaire/phq-9\",\"item\":[{\"linkId\":\"1\",\"answer\":[{\"valueCoding\":{\"code\":\"1\"}}]},{\"linkId\":\"1\",\"answer\":[{\"valueCoding\":{\"code\":\"1\"}}]}]}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"Questionnaire/phq-9\",\"item\":[{\"linkId\":\"1\",\"answer\":[{\"valueCoding\":{\"system\":\"http://snomed.info/sct\",\"code\":\"1\"}}]}]}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"Questionnaire/phq-9\",\"item\":[{\"linkId\":\"1\",\"answer\":\"3\"}]}", "application/fhir+json", 422 },
        { "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"Questionnaire/phq-9\",\"item\":[{\"linkId\":\"1\",\"answer\":[{\"valueCoding\":\"1\"}]}]}", "application/fhir+json", 422 },
        { "resourceType=QuestionnaireResponse", "application/x-www-form-urlencoded", 415 },
        { "{}", "text/plain", 415 },
        { new string('[', 5000) + new string(']', 5000), "application/fhir+json", 400 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_of_every_kind_is_a_4xx_OperationOutcome(string body, string mediaType, int expected)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsync("/fhir/QuestionnaireResponse", new StringContent(body, System.Text.Encoding.UTF8, mediaType));
        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("OperationOutcome", (string?)outcome["resourceType"]);
        Assert.NotEmpty(outcome["issue"]!.AsArray());
    }

    [Fact]
    public async Task The_outcomes_for_bad_input_validate_against_the_FHIR_R4_schema()
    {
        using var client = app.CreateClient();
        var outcomes = new List<JsonNode>();
        foreach (var row in BadBodies)
        {
            var response = await client.PostAsync("/fhir/QuestionnaireResponse", new StringContent((string)row[0], System.Text.Encoding.UTF8, (string)row[1]));
            outcomes.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }
        await FhirValidator.AssertValidAsync([.. outcomes]);
    }
}
