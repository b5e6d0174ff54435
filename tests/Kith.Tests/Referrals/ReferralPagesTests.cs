using System.Net.Http.Json;
using System.Text.Json;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith.Tests.ServiceDirectory.Editing;

namespace Kith.Tests.Referrals;

/// <summary>The pages' own partners (their tag keeps them apart from the API tests' in reports).</summary>
public sealed class ReferralPagesApp : ReferralPartnersApp
{
    protected override string Tag => "pages";
}

/// <summary>
/// Referrals on the staff pages, through HTTP as a browser posts them: a school counsellor refers from a text
/// conversation's link (source, language and tier carried over), seeing the places the clinic has free; the clinic reads it
/// from its received list, accepts and completes it with an outcome; the school reads each step. Bad posts come back with
/// the summary naming each field and store nothing; a third organisation and a leader are kept out.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReferralPagesTests(ReferralPagesApp app) : IClassFixture<ReferralPagesApp>
{
    [Fact]
    public async Task A_counsellor_refers_from_a_conversation_the_clinic_accepts_and_completes_it_on_the_pages_and_the_school_reads_the_outcome()
    {
        var p = await app.PartnersAsync();
        await FreePlacesAsync(p.ClinicService, 3);
        var conversation = Guid.NewGuid();
        var form = $"/staff/referrals/new?sourceKind=conversation&sourceId={conversation}&language=es&riskTier=urgent";

        var page = await PageAsync(p.School, form);
        Assert.Contains($"value=\"{p.ClinicService}\"", page);
        Assert.Contains("Teen counselling · 3 places free", page);
        Assert.DoesNotContain($"value=\"{p.SchoolService}\"", page);   // not to its own organisation
        Assert.DoesNotContain($"value=\"{p.NoIntakeService}\"", page); // nor to one that takes no referrals
        Assert.DoesNotContain($"value=\"{p.UnlistedService}\"", page); // nor to one outside Kith
        Assert.Contains($"name=\"sourceId\" value=\"{conversation}\"", page);
        Assert.Contains("<option value=\"urgent\" selected", page);

        var sent = await Staff.PostFormAsync(p.School, form, "send", Fields(p.ClinicService, conversation));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var landing = Landing(sent);
        Assert.Matches("^/staff/referrals/[0-9a-f-]{36}\\?done=sent#referral-done$", landing);
        var id = Guid.Parse(landing["/staff/referrals/".Length..][..36]);

        var schoolPage = await PageAsync(p.School, landing);
        Assert.Contains("id=\"referral-done\"", schoolPage);
        Assert.Contains("Waiting for an answer", schoolPage);
        Assert.Contains($"href=\"/staff/lines/conversations/{conversation}\"", schoolPage); // the sender finds its source again

        var received = await PageAsync(p.Clinic, "/staff/referrals");
        Assert.Contains($"href=\"/staff/referrals/{id}\"", received);
        Assert.DoesNotContain("Ana", received); // the list carries no name
        var clinicPage = await PageAsync(p.Clinic, $"/staff/referrals/{id}");
        Assert.Contains("Ana", clinicPage);
        Assert.Contains("Urgent", clinicPage);
        Assert.Contains("Español", clinicPage);
        Assert.DoesNotContain("/staff/lines/conversations/", clinicPage); // the receiver cannot open the sender's conversation
        Assert.Contains("value=\"accepted\"", clinicPage);
        Assert.Contains("value=\"rejected\"", clinicPage);

        await StepAsync(p.Clinic, id, "accepted");
        await StepAsync(p.Clinic, id, "in-progress");
        // Completing without an outcome is refused on the page, naming the field; the referral stays as it was.
        var refused = await Staff.PostFormAsync(p.Clinic, $"/staff/referrals/{id}", "step", Step("completed", await RevisionAsync(p.Clinic, id)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"referral-errors\"", problem);
        Assert.Contains("href=\"#step-outcome\"", problem);
        Assert.Equal("in-progress", (await p.Clinic.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")).GetProperty("status").GetString());
        await StepAsync(p.Clinic, id, "completed", outcome: "got-help");

        var outcome = await PageAsync(p.School, $"/staff/referrals/{id}");
        Assert.Contains("Completed</strong> · Got help", outcome);
        Assert.Contains("value=\"entered-in-error\"", outcome); // the only step left to the sender
        var sentList = await PageAsync(p.School, "/staff/referrals?side=sent");
        Assert.Contains("Completed · Got help", sentList);
    }

    [Fact]
    public async Task A_post_without_consent_or_name_comes_back_naming_each_field_and_sends_nothing()
    {
        var p = await app.PartnersAsync();
        var before = (await p.School.GetFromJsonAsync<JsonElement>("/api/referrals?side=sent")).GetArrayLength();
        var fields = Fields(p.ClinicService, null).Where(f => f.Key is not ("consent" or "personName"));
        var response = await Staff.PostFormAsync(p.School, "/staff/referrals/new", "send", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#send-consent\"", page);
        Assert.Contains("href=\"#send-personName\"", page);
        Assert.Contains("value=\"me@example.org\"", page); // what was typed is kept
        Assert.Equal(before, (await p.School.GetFromJsonAsync<JsonElement>("/api/referrals?side=sent")).GetArrayLength());
    }

    [Fact]
    public async Task Imminent_risk_shows_the_crisis_lines_before_the_form_and_on_the_referral_for_both_sides()
    {
        var p = await app.PartnersAsync();
        var form = "/staff/referrals/new?riskTier=imminent";
        Assert.Contains("If they are in danger now", await PageAsync(p.School, form));
        var fields = Fields(p.ClinicService, null).Where(f => f.Key != "riskTier").Append(new("riskTier", "imminent"));
        var sent = await Staff.PostFormAsync(p.School, form, "send", fields);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = Guid.Parse(Landing(sent)["/staff/referrals/".Length..][..36]);
        Assert.Contains("They were at risk of harm when referred", await PageAsync(p.Clinic, $"/staff/referrals/{id}"));
        Assert.Contains("They were at risk of harm when referred", await PageAsync(p.School, $"/staff/referrals/{id}"));
    }

    [Fact]
    public async Task A_third_organisation_finds_nothing_a_leader_is_kept_out_and_an_administrator_reads_but_cannot_send()
    {
        var p = await app.PartnersAsync();
        var id = await p.SendAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await p.Outsider.GetAsync($"/staff/referrals/{id}")).StatusCode);
        Assert.DoesNotContain($"/staff/referrals/{id}", await PageAsync(p.Outsider, "/staff/referrals"));

        var (leader, _) = await Staff.SignedInAsync(app, "leader@pages.test", "leader", await Staff.AddOrganisationAsync(app, "Town hall (pages)"));
        var denied = await leader.GetAsync("/staff/referrals");
        Assert.Equal("/staff/denied", Staff.RedirectPath(denied));

        var adminPage = await PageAsync(p.Admin, $"/staff/referrals/{id}");
        Assert.Contains("Sam", adminPage);
        Assert.DoesNotContain("name=\"status\"", adminPage); // oversight, no steps
        Assert.Contains("id=\"send-not-allowed\"", await PageAsync(p.Admin, "/staff/referrals/new"));
        // The page offers an administrator no form, so a forged post finds none to reach (400) and nothing is sent.
        var received = (await p.Clinic.GetFromJsonAsync<JsonElement>("/api/referrals")).GetArrayLength();
        var posted = await Staff.PostFormAsync(p.Admin, "/staff/referrals/new", "send", Fields(p.ClinicService, null));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(received, (await p.Clinic.GetFromJsonAsync<JsonElement>("/api/referrals")).GetArrayLength());
    }

    /// <summary>A page's HTML with its character references decoded (the renderer writes "·" as &amp;#xB7;).</summary>
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    /// <summary>Where a post sends the browser: path, query and fragment (the app gives an absolute address).</summary>
    private static string Landing(HttpResponseMessage response)
    {
        var location = new Uri(response.Headers.Location!.ToString(), UriKind.RelativeOrAbsolute);
        return location.IsAbsoluteUri ? location.PathAndQuery + location.Fragment : location.ToString();
    }

    private static List<KeyValuePair<string, string>> Fields(string service, Guid? conversation)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("serviceId", service), new("personName", "Ana"), new("contactPreference", "email"), new("contact", "me@example.org"),
            new("need", "Panic at night since the flood."), new("language", "es"), new("riskTier", "urgent"),
            new("consent", "true"), new("consentHow", "text"),
        };
        if (conversation is { } c) { fields.Add(new("sourceKind", "conversation")); fields.Add(new("sourceId", c.ToString())); }
        return fields;
    }

    private static IEnumerable<KeyValuePair<string, string>> Step(string status, int revision, string? outcome = null, string? reason = null) =>
    [
        new("status", status), new("revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("outcome", outcome ?? ""), new("reason", reason ?? ""),
    ];

    private static async Task<int> RevisionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")).GetProperty("revision").GetInt32();

    private static async Task StepAsync(HttpClient client, Guid id, string status, string? outcome = null)
    {
        var response = await Staff.PostFormAsync(client, $"/staff/referrals/{id}", "step", Step(status, await RevisionAsync(client, id), outcome));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{status}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal($"/staff/referrals/{id}?done=step#referral-done", Landing(response));
    }

    private async Task FreePlacesAsync(string service, int places)
    {
        await DirectoryData.ReadAsync(app, async db =>
        {
            db.ServiceCapacities.Add(new ServiceCapacity { Id = Guid.NewGuid().ToString(), ServiceId = service, Unit = "place", Available = places, Updated = DateTime.UtcNow });
            await db.BumpRevisionAsync(DateTime.UtcNow, CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);
    }
}
