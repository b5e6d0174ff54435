using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith.Tests.Concerns;
using Kith.Tests.Platform.Fhir;
using Kith.Tests.ServiceDirectory.Editing;

namespace Kith.Tests.Referrals;

/// <summary>
/// A referral as FHIR R4 (issue 15, item 6): the Task and ServiceRequest of a referral in each state validate against
/// base R4 with the Firely validator; reading them is for the two organisations' staff and audited; a side moves the
/// referral with <c>PUT /fhir/Task/{id}</c> under the same rules as the page and API, changing nothing but status,
/// statusReason and output.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReferralFhirTests(KithApp app) : IClassFixture<KithApp>
{
    [Fact]
    public async Task Task_and_service_request_validate_in_every_state_and_a_put_moves_the_referral_under_the_same_rules()
    {
        var (schoolOrg, _) = await DirectoryData.AddOwnerAsync(app, "Riverbend Middle (fhir)");
        var (clinicOrg, clinicDir) = await DirectoryData.AddOwnerAsync(app, "Clinic (fhir)");
        var service = await DirectoryData.AddServiceAsync(app, clinicDir, "Family therapy");
        // Rows written straight to the database: mark the directory changed, as its editors do, so the index sees them.
        await DirectoryData.ReadAsync(app, async db => { await db.BumpRevisionAsync(DateTime.UtcNow, CancellationToken.None); return 0; });
        await app.Services.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);
        var (school, _) = await Staff.SignedInAsync(app, "counsellor@fhir.referrals.test", "responder", schoolOrg);
        var (clinic, clinicUser) = await Staff.SignedInAsync(app, "intake@fhir.referrals.test", "coordinator", clinicOrg);
        var (outsider, _) = await Staff.SignedInAsync(app, "other@fhir.referrals.test", "coordinator", await Staff.AddOrganisationAsync(app, "Other (fhir)"));
        var team = await ConcernData.AddTeamAsync(app, "Clinic intake (fhir)", [clinicUser], organisation: clinicOrg);
        Assert.Equal(HttpStatusCode.NoContent, (await clinic.PutAsJsonAsync($"/api/referrals/intakes/{clinicOrg}", new { teamId = team })).StatusCode);
        var sent = await school.PostAsJsonAsync("/api/referrals", new
        {
            serviceId = service, personName = "Ayaan", contactPreference = "phone", contact = "+1 507 555 0199", need = "Family conflict since the layoff.",
            language = "so", consent = true, consentHow = "verbal",
        });
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var served = new List<JsonNode>();
        served.Add(await FhirAsync(clinic, $"/fhir/ServiceRequest/{id}"));
        var task = await FhirAsync(clinic, $"/fhir/Task/{id}");
        served.Add(task);
        Assert.Equal("requested", task["status"]!.GetValue<string>());
        Assert.Equal($"ServiceRequest/{id}", task["focus"]!["reference"]!.GetValue<string>());
        Assert.Equal("Ayaan", task["contained"]![0]!["name"]![0]!["given"]![0]!.GetValue<string>());

        // Accepted through FHIR by the clinic; the school may not do it; a third organisation reads nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(school, id, With(task, "accepted"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/fhir/Task/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync($"/fhir/Task/{id}")).StatusCode);
        var accepted = await PutAsync(clinic, id, With(task, "accepted"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        task = JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!;
        Assert.Equal("accepted", task["status"]!.GetValue<string>());
        served.Add(task);

        // Anything but status, statusReason and output is the requester's: refused, naming the element.
        var moved = With(task, "in-progress");
        moved["owner"] = new JsonObject { ["display"] = "Someone else" };
        var refused = await PutAsync(clinic, id, moved);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Task.owner", await refused.Content.ReadAsStringAsync());
        // On hold needs a reason; failed needs an outcome that fits; then a valid failure with its output.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PutAsync(clinic, id, With(task, "on-hold"))).StatusCode);
        var failed = With(task, "failed", reason: "Three calls, no answer.", outcome: "could-not-contact");
        var done = await PutAsync(clinic, id, failed);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        task = JsonNode.Parse(await done.Content.ReadAsStringAsync())!;
        Assert.Equal("could-not-contact", task["output"]![0]!["valueCodeableConcept"]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Three calls, no answer.", task["statusReason"]!["text"]!.GetValue<string>());
        served.Add(task);
        served.Add(await FhirAsync(school, $"/fhir/ServiceRequest/{id}"));
        Assert.Equal("revoked", served[^1]["status"]!.GetValue<string>());

        await FhirValidator.AssertValidAsync([.. served]);
        Assert.True(await DirectoryData.ReadAsync(app, db => db.AuditEntries.CountAsync(e => e.Action == "referrals.read" && e.SubjectId == id.ToString())) >= 4);
    }

    private static JsonNode With(JsonNode task, string status, string? reason = null, string? outcome = null)
    {
        var copy = JsonNode.Parse(task.ToJsonString())!;
        copy["status"] = status;
        if (reason is not null) copy["statusReason"] = new JsonObject { ["text"] = reason };
        if (outcome is not null)
            copy["output"] = new JsonArray(new JsonObject
            {
                ["type"] = new JsonObject { ["text"] = "outcome" },
                ["valueCodeableConcept"] = new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = "https://kith.example/fhir/CodeSystem/referral-outcome", ["code"] = outcome }),
                },
            });
        return copy;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, JsonNode task) =>
        client.PutAsync($"/fhir/Task/{id}", new StringContent(task.ToJsonString(), Encoding.UTF8, "application/fhir+json"));

    private static async Task<JsonNode> FhirAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/fhir+json", response.Content.Headers.ContentType!.ToString());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
