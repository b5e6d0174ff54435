using System.Net.Http.Json;
using System.Text.Json;
using Kith.Tests.ServiceDirectory.Editing;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Referrals;

/// <summary>
/// Referrals through HTTP (issue 15, item 6): a school counsellor refers a student to a clinic's service with consent;
/// the clinic's intake team is paged; the clinic accepts, starts and completes it with an outcome while the school is told each step; who may set what is enforced
/// for the sender, the receiver, a third organisation and an administrator; bad input is refused naming the field and
/// stores nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReferralsApiTests(ReferralPartnersApp app) : IClassFixture<ReferralPartnersApp>
{
    private Task<ReferralPartners> PartnersAsync() => app.PartnersAsync();

    [Fact]
    public async Task A_school_refers_a_student_the_clinic_accepts_starts_and_completes_it_and_the_school_sees_each_step_and_the_outcome()
    {
        var p = await PartnersAsync();
        var sent = await p.School.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral(p.ClinicService));
        Assert.True(sent.StatusCode == HttpStatusCode.Created, $"{sent.StatusCode}: {await sent.Content.ReadAsStringAsync()}");
        var created = (await sent.Content.ReadFromJsonAsync<JsonElement>());
        var id = created.GetProperty("id").GetGuid();
        Assert.Matches("^R-[0-9A-Z]{6}$", created.GetProperty("reference").GetString());
        Assert.Equal($"/api/referrals/{id}", sent.Headers.Location!.ToString());

        // The clinic's intake team is paged; it has its business days to answer (ReferralDeadlineTests times them).
        Assert.Equal([p.ClinicUser], await PagedAsync(id, "referral-new"));
        var received = await p.Clinic.GetFromJsonAsync<JsonElement>("/api/referrals");
        var row = Assert.Single(received.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.False(row.TryGetProperty("personName", out _)); // lists carry no personal detail
        var view = await p.Clinic.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        Assert.Equal("requested", view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("respondBy").GetDateTime().ToUniversalTime() >= DateTime.UtcNow.AddDays(2).AddMinutes(-5));
        Assert.Equal("Sam", view.GetProperty("personName").GetString());
        Assert.Equal("555-0142", view.GetProperty("contact").GetString());
        Assert.Equal(["accepted", "cancelled", "rejected"], Strings(view, "stepsYouMayTake").Order());
        Assert.True(await AuditedAsync("referrals.read", id));

        // The school (sender) may only cancel or mark it in error.
        var schoolView = await p.School.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        Assert.Equal(["cancelled", "entered-in-error"], Strings(schoolView, "stepsYouMayTake").Order());

        foreach (var (status, outcome) in new[] { ("accepted", (string?)null), ("in-progress", null), ("completed", "got-help") })
        {
            var stepped = await p.Clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status, outcome });
            Assert.Equal(HttpStatusCode.NoContent, stepped.StatusCode);
            Assert.Equal([p.SchoolUser], await PagedAsync(id, status)); // the sender is told every step
        }
        var done = await p.School.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("got-help", done.GetProperty("outcome").GetString());
        Assert.Equal(["requested", "accepted", "in-progress", "completed"], done.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()!));
        Assert.Equal(["requester", "receiver", "receiver", "receiver"], done.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("party").GetString()!));
        Assert.Equal(["entered-in-error"], Strings(done, "stepsYouMayTake"));
        Assert.Empty(Strings(await p.Clinic.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}"), "stepsYouMayTake"));
        Assert.True(done.GetProperty("respondedAt").ValueKind == JsonValueKind.String);
        Assert.True(done.GetProperty("closedAt").ValueKind == JsonValueKind.String);
        var sentList = await p.School.GetFromJsonAsync<JsonElement>("/api/referrals?side=sent");
        Assert.Equal("completed", Assert.Single(sentList.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Each_side_may_take_only_its_own_steps_and_a_third_organisation_sees_nothing()
    {
        var p = await PartnersAsync();
        var id = await p.SendAsync();

        // The sender cannot answer its own referral; the receiver cannot mark it entered in error.
        Assert.Equal(HttpStatusCode.Forbidden, (await p.School.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "accepted" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "entered-in-error" })).StatusCode);
        // A third organisation: as if it did not exist. An administrator reads it and changes nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await p.Outsider.GetAsync($"/api/referrals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Outsider.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "cancelled", reason = "x" })).StatusCode);
        Assert.DoesNotContain((await p.Outsider.GetFromJsonAsync<JsonElement>("/api/referrals?side=sent")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await p.Admin.GetAsync($"/api/referrals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Admin.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "cancelled", reason = "tidy" })).StatusCode);

        // Reasons and outcomes where the guide asks for them; no step the machine lacks; no change on a stale page.
        Assert.Equal(["reason"], await ErrorFieldsAsync(await p.Clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "rejected", reason = "  " })));
        Assert.Equal(HttpStatusCode.Conflict, (await p.Clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "completed", outcome = "got-help" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await p.Clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "accepted", revision = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await p.Clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "on-hold", reason = "Waitlist", revision = 0 })).StatusCode);
        Assert.Equal(["outcome"], await ErrorFieldsAsync(await p.Clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "completed" })));
        Assert.Equal(["outcome"], await ErrorFieldsAsync(await p.Clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "failed", reason = "No answer", outcome = "got-help" })));
        Assert.Equal(["status"], await ErrorFieldsAsync(await p.Clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "draft" })));

        // Either side may cancel, with a reason the other side reads; then only the sender's "entered in error" is left.
        Assert.Equal(HttpStatusCode.NoContent, (await p.School.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "cancelled", reason = "The family moved away." })).StatusCode);
        Assert.Equal([p.ClinicUser], await PagedAsync(id, "cancelled"));
        var view = await p.Clinic.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}");
        Assert.Equal("The family moved away.", view.GetProperty("statusReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await p.Clinic.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "in-progress" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await p.School.PostAsJsonAsync($"/api/referrals/{id}/status", new { status = "entered-in-error" })).StatusCode);
    }

    [Fact]
    public async Task A_referral_without_consent_to_a_non_partner_to_oneself_or_with_a_bad_contact_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var p = await PartnersAsync();
        var before = await CountAsync();

        Assert.Equal(["consent"], await ErrorFieldsAsync(await p.School.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral(p.ClinicService, consent: false))));
        Assert.Equal(["serviceId"], await ErrorFieldsAsync(await p.School.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral(p.UnlistedService))));
        Assert.Equal(["serviceId"], await ErrorFieldsAsync(await p.School.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral(p.NoIntakeService))));
        Assert.Equal(["serviceId"], await ErrorFieldsAsync(await p.School.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral(p.SchoolService))));
        Assert.Equal(["serviceId"], await ErrorFieldsAsync(await p.School.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral("no-such-service"))));
        Assert.Equal(["contact"], await ErrorFieldsAsync(await p.School.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral(p.ClinicService, "email", "not-an-email"))));
        Assert.Equal(["contact"], await ErrorFieldsAsync(await p.School.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral(p.ClinicService, "none", "555-0100"))));
        Assert.Equal(["contactPreference"], await ErrorFieldsAsync(await p.School.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral(p.ClinicService, "pigeon", null))));
        var empty = await p.School.PostAsJsonAsync("/api/referrals", new { });
        Assert.Equal(["consent", "consentHow", "contactPreference", "personName", "serviceId"], await ErrorFieldsAsync(empty));
        // Only responders and coordinators refer; an administrator belongs to no organisation to refer from.
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Admin.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral(p.ClinicService))).StatusCode);

        Assert.Equal(before, await CountAsync());
        // "Don't reach out" is a real choice: no contact goes with it.
        Assert.Equal(HttpStatusCode.Created, (await p.School.PostAsJsonAsync("/api/referrals", ReferralPartners.Referral(p.ClinicService, "none", null))).StatusCode);
    }

    private Task<List<string>> PagedAsync(Guid referral, string kind) =>
        DirectoryData.ReadAsync(app, db => db.Alerts.Where(a => a.SubjectId == referral && a.Kind == kind).Select(a => a.UserId).ToListAsync());

    private Task<bool> AuditedAsync(string action, Guid referral) =>
        DirectoryData.ReadAsync(app, db => db.AuditEntries.AnyAsync(e => e.Action == action && e.SubjectId == referral.ToString()));

    private Task<int> CountAsync() => DirectoryData.ReadAsync(app, db => db.Referrals.CountAsync());

    private static List<string> Strings(JsonElement view, string property) =>
        [.. view.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    private static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order()];
    }
}
