using Kith.Tests.Platform.Fhir;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kith.Screening.Domain;
using Kith.Screening.Instruments;
using Kith.Screening.Responses;
using Kith.Screening.Scoring;
using Kith.Tests.Screening.Fhir;

namespace Kith.Tests.Screening.Identified;

/// <summary>
/// Identified responses — recorded by staff on the form or posted as FHIR by a signed-in responder — are stored,
/// raise a concern on critical answers, and are read back (audited) only by the recording team and administrators (ScreeningAccessTests: who else).
/// Anonymous responses are never readable. The same answers score identically through the form and through FHIR.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IdentifiedResponseTests(KithApp app) : IClassFixture<KithApp>
{
    private static readonly InstrumentLibrary Library = InstrumentLibrary.Embedded();
    private static readonly Instrument Phq9 = Library.Find("phq-9")!;
    private static readonly JsonObject Subject = new() { ["identifier"] = new JsonObject { ["value"] = "MRN-4711" }, ["display"] = "Amina Farah" };

    /// <summary>A signed-in account; a responder is on their clinic's team (who records a screening and reads it back).</summary>
    private async Task<HttpClient> SignedInAsync(string role)
    {
        Guid[] organisations = role == Roles.Admin ? [] : [await Staff.AddOrganisationAsync(app, "Riverside clinic " + Guid.NewGuid().ToString("N")[..6])];
        var (client, id) = await Staff.SignedInAsync(app, $"{role}-{Guid.NewGuid():N}@example.org", role, organisations);
        if (role == Roles.Responder) await Kith.Tests.Concerns.ConcernData.AddTeamAsync(app, "Clinic team " + id, [id], organisation: organisations[0]);
        return client;
    }

    private static Dictionary<string, string> Phq9Answers(string item9) =>
        Enumerable.Range(1, 9).ToDictionary(i => i.ToString(), i => i == 9 ? item9 : "1");

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private async Task<T> InDatabaseAsync<T>(Func<KithDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KithDb>());
    }

    [Fact]
    public async Task A_responder_posting_for_a_named_person_records_it_raises_a_concern_and_can_read_it_back_audited()
    {
        using var responder = await SignedInAsync(Roles.Responder);
        var posted = await responder.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(SampleAnswers.Resource(Phq9, Phq9Answers("2"), subject: Subject.DeepClone().AsObject())));
        var body = await ReadJsonAsync(posted);
        Assert.True(posted.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        var id = Guid.Parse((string)body["id"]!);
        Assert.Equal($"/fhir/QuestionnaireResponse/{id}", posted.Headers.Location?.OriginalString);

        var stored = await InDatabaseAsync(db => db.ScreeningResponses.SingleAsync(r => r.Id == id));
        Assert.True(stored.Identified);
        Assert.Equal(ResponseChannels.Fhir, stored.Channel);
        Assert.Equal("Amina Farah", stored.SubjectName);
        Assert.Equal("MRN-4711", stored.SubjectIdentifier);
        Assert.NotNull(stored.ConcernReference);
        Assert.True(await InDatabaseAsync(db => db.Concerns.AnyAsync(c => c.Reference == stored.ConcernReference)));

        var read = await responder.GetAsync(posted.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("application/fhir+json", read.Content.Headers.ContentType?.MediaType);
        var rebuilt = await ReadJsonAsync(read);
        Assert.Equal(id.ToString(), (string?)rebuilt["id"]);
        Assert.Equal("MRN-4711", (string?)rebuilt["subject"]!["identifier"]!["value"]);
        var total = rebuilt["item"]!.AsArray().Single(i => (string?)i!["linkId"] == "score-total")!;
        Assert.Equal(10m, (decimal)total["answer"]![0]!["valueDecimal"]!);
        Assert.Contains(rebuilt["item"]!.AsArray(), i => (string?)i!["linkId"] == "critical");
        Assert.Equal(9, rebuilt["item"]!.AsArray().Count(i => int.TryParse((string?)i!["linkId"], out _)));
        await FhirValidator.AssertValidAsync(body, rebuilt);

        Assert.True(await InDatabaseAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "screening.response.read" && e.SubjectId == id.ToString())));
    }

    [Fact]
    public async Task Reading_a_response_needs_a_responder_or_admin_and_anonymous_responses_are_never_found()
    {
        var anonymous = await RecordAsync(new ResponseContext(ResponseChannels.SelfCheck, "en"));
        var identified = await RecordAsync(new ResponseContext(ResponseChannels.Staff, "en", Subject: new Subject("Jo Smith", null)));

        using var nobody = app.Browser();
        var unauthenticated = await nobody.GetAsync($"/fhir/QuestionnaireResponse/{identified}");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("OperationOutcome", (string?)(await ReadJsonAsync(unauthenticated))["resourceType"]);
        using var coordinator = await SignedInAsync(Roles.Coordinator);
        var forbidden = await coordinator.GetAsync($"/fhir/QuestionnaireResponse/{identified}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var admin = await SignedInAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/fhir/QuestionnaireResponse/{identified}")).StatusCode);
        var outcomes = new List<JsonNode> { await ReadJsonAsync(unauthenticated), await ReadJsonAsync(forbidden) };
        foreach (var id in new[] { anonymous.ToString(), Guid.NewGuid().ToString(), "not-an-id", "%20" })
        {
            var response = await admin.GetAsync($"/fhir/QuestionnaireResponse/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            outcomes.Add(await ReadJsonAsync(response));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/staff/screening/responses/{anonymous}")).StatusCode);
        Assert.DoesNotContain(anonymous.ToString(), await admin.GetStringAsync("/staff/screening/responses"));
        Assert.False(await InDatabaseAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectId == anonymous.ToString())));
        await FhirValidator.AssertValidAsync([.. outcomes]);
    }

    [Fact]
    public async Task Only_responders_and_admins_may_post_a_response_for_a_named_person()
    {
        using var coordinator = await SignedInAsync(Roles.Coordinator);
        var before = await InDatabaseAsync(db => db.ScreeningResponses.CountAsync());
        var response = await coordinator.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(SampleAnswers.Resource(Phq9, Phq9Answers("0"), subject: Subject.DeepClone().AsObject())));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("OperationOutcome", (string?)(await ReadJsonAsync(response))["resourceType"]);
        Assert.Equal(before, await InDatabaseAsync(db => db.ScreeningResponses.CountAsync()));
    }

    [Fact]
    public async Task An_incomplete_identified_response_with_a_critical_answer_still_raises_a_concern_and_says_so()
    {
        using var responder = await SignedInAsync(Roles.Responder);
        var concerns = await InDatabaseAsync(db => db.Concerns.CountAsync());
        var response = await responder.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(SampleAnswers.Resource(Phq9,
            new Dictionary<string, string> { ["9"] = "3" }, subject: Subject.DeepClone().AsObject())));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var outcome = await ReadJsonAsync(response);
        Assert.Contains(outcome["issue"]!.AsArray(), i => ((string)i!["diagnostics"]!).StartsWith("A concern was raised", StringComparison.Ordinal));
        Assert.Equal(concerns + 1, await InDatabaseAsync(db => db.Concerns.CountAsync()));
        await FhirValidator.AssertValidAsync(outcome);
    }

    [Fact]
    public async Task Staff_record_a_screening_on_the_form_see_the_concern_and_find_it_in_the_list_audited()
    {
        using var responder = await SignedInAsync(Roles.Responder);
        var fields = new List<KeyValuePair<string, string>> { new("subjectName", "Hodan Ali"), new("subjectIdentifier", "S-2024-117") };
        fields.AddRange(Phq9Answers("1").Select(a => KeyValuePair.Create("answer-" + a.Key, a.Value)));
        var saved = await Staff.PostFormAsync(responder, "/staff/screening/record?instrument=phq-9", "record-screening", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var path = Staff.RedirectPath(saved);
        Assert.StartsWith("/staff/screening/responses/", path);
        var id = Guid.Parse(path.Split('/')[^1]);

        var detail = await responder.GetStringAsync(saved.Headers.Location);
        Assert.Contains("Hodan Ali", detail);
        Assert.Contains("class=\"concern-danger\"", detail);
        var stored = await InDatabaseAsync(db => db.ScreeningResponses.SingleAsync(r => r.Id == id));
        Assert.Equal(ResponseChannels.Staff, stored.Channel);
        Assert.Contains(stored.ConcernReference!, detail);
        Assert.Contains($"/fhir/QuestionnaireResponse/{id}", detail);
        Assert.Contains("Hodan Ali", await responder.GetStringAsync("/staff/screening/responses"));
        Assert.True(await InDatabaseAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "screening.response.read" && e.SubjectId == id.ToString())));
        Assert.True(await InDatabaseAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "screening.responses.listed")));
    }

    [Fact]
    public async Task The_record_form_refuses_a_missing_name_or_an_unfinished_form_and_is_closed_to_others()
    {
        using var responder = await SignedInAsync(Roles.Responder);
        var before = await InDatabaseAsync(db => db.ScreeningResponses.CountAsync());
        var noName = await Staff.PostFormAsync(responder, "/staff/screening/record?instrument=phq-9", "record-screening",
            Phq9Answers("0").Select(a => KeyValuePair.Create("answer-" + a.Key, a.Value)));
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        var unfinished = await Staff.PostFormAsync(responder, "/staff/screening/record?instrument=phq-9", "record-screening",
            [new("subjectName", "Someone"), new("answer-1", "0")]);
        Assert.Equal(HttpStatusCode.BadRequest, unfinished.StatusCode);
        Assert.Equal(before, await InDatabaseAsync(db => db.ScreeningResponses.CountAsync()));

        using var coordinator = await SignedInAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.GetAsync("/staff/screening/record")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.GetAsync("/staff/screening/responses")).StatusCode);
        using var nobody = app.Browser();
        Assert.Equal("/staff/sign-in", Staff.RedirectPath(await nobody.GetAsync("/staff/screening/responses")));
    }

    [Fact]
    public async Task The_same_answers_entered_on_the_form_and_posted_as_FHIR_score_identically_for_every_instrument()
    {
        using var responder = await SignedInAsync(Roles.Responder);
        foreach (var instrument in Library.All)
            foreach (var answers in SampleAnswers.For(instrument))
            {
                var fields = new List<KeyValuePair<string, string>> { new("subjectName", "Form " + instrument.Id) };
                fields.AddRange(answers.Select(a => KeyValuePair.Create("answer-" + a.Key, a.Value)));
                var form = await Staff.PostFormAsync(responder, $"/staff/screening/record?instrument={instrument.Id}", "record-screening", fields);
                Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
                var formId = Guid.Parse(Staff.RedirectPath(form).Split('/')[^1]);
                var fromForm = await InDatabaseAsync(db => db.ScreeningResponses.SingleAsync(r => r.Id == formId));

                var fhir = await responder.PostAsync("/fhir/QuestionnaireResponse", SampleAnswers.Json(SampleAnswers.Resource(instrument, answers, loinc: true,
                    subject: new JsonObject { ["display"] = "FHIR " + instrument.Id })));
                Assert.Equal(HttpStatusCode.OK, fhir.StatusCode);
                var fhirId = Guid.Parse((string)(await ReadJsonAsync(fhir))["id"]!);
                var fromFhir = await InDatabaseAsync(db => db.ScreeningResponses.SingleAsync(r => r.Id == fhirId));

                Assert.Equal((fromForm.Score, fromForm.Scores, fromForm.Band, fromForm.Flags, fromForm.Safety, fromForm.Answers),
                    (fromFhir.Score, fromFhir.Scores, fromFhir.Band, fromFhir.Flags, fromFhir.Safety, fromFhir.Answers));
            }
    }

    private async Task<Guid> RecordAsync(ResponseContext context)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var record = scope.ServiceProvider.GetRequiredService<RecordResponse>();
        var recorded = await record.RecordAsync(Phq9, Phq9Answers("0"), context, CancellationToken.None);
        return recorded.ResponseId!.Value;
    }
}
