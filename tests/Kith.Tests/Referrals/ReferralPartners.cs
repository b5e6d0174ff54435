using System.Net.Http.Json;
using System.Text.Json;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;
using Kith.Tests.Concerns;
using Kith.Tests.ServiceDirectory.Editing;

namespace Kith.Tests.Referrals;

/// <summary>An app whose referral partners are made once, by its first test, and shared by the class's tests.</summary>
public class ReferralPartnersApp : KithApp
{
    private Task<ReferralPartners>? partners;

    protected virtual string Tag => "api";

    internal Task<ReferralPartners> PartnersAsync()
    {
        lock (this) return partners ??= ReferralPartners.CreateAsync(this, Tag);
    }
}

/// <summary>
/// The organisations of a referral test, made in the calling class's own app: a school and a clinic (with a named intake
/// team whose lead is another clinic coordinator) in the directory, a pantry that takes no referrals, a therapist not in
/// Kith, a third organisation and an administrator, each signed in. <paramref name="tag"/> keeps e-mail addresses apart.
/// </summary>
public sealed record ReferralPartners(
    HttpClient School, string SchoolUser, HttpClient Clinic, string ClinicUser, HttpClient Outsider, HttpClient Admin,
    string ClinicService, string SchoolService, string UnlistedService, string NoIntakeService, Guid Team, string Lead)
{
    public static async Task<ReferralPartners> CreateAsync(KithApp app, string tag)
    {
        var (schoolOrg, schoolDir) = await DirectoryData.AddOwnerAsync(app, $"Riverbend High ({tag})");
        var (clinicOrg, clinicDir) = await DirectoryData.AddOwnerAsync(app, $"Riverside Clinic ({tag})");
        var (_, quietDir) = await DirectoryData.AddOwnerAsync(app, $"Quiet Pantry ({tag})");
        var outsiderOrg = await Staff.AddOrganisationAsync(app, $"Elsewhere Church ({tag})");
        var clinicService = await DirectoryData.AddServiceAsync(app, clinicDir, "Teen counselling");
        var schoolService = await DirectoryData.AddServiceAsync(app, schoolDir, "School counselling");
        var noIntake = await DirectoryData.AddServiceAsync(app, quietDir, "Food parcels");
        var unlistedDir = Guid.NewGuid().ToString();
        await DirectoryData.ReadAsync(app, async db =>
        {
            db.DirectoryOrganizations.Add(new() { Id = unlistedDir, Name = $"Not in Kith ({tag})", Description = "Not a partner" });
            return await db.SaveChangesAsync();
        });
        var unlisted = await DirectoryData.AddServiceAsync(app, unlistedDir, "Independent therapist");
        // Rows written straight to the database: mark the directory changed, as its editors do, so the index sees them.
        await DirectoryData.ReadAsync(app, async db => { await db.BumpRevisionAsync(DateTime.UtcNow, CancellationToken.None); return 0; });
        await app.Services.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);

        var (school, schoolUser) = await Staff.SignedInAsync(app, $"counsellor@school.{tag}.test", "responder", schoolOrg);
        var (clinic, clinicUser) = await Staff.SignedInAsync(app, $"intake@clinic.{tag}.test", "coordinator", clinicOrg);
        var (outsider, _) = await Staff.SignedInAsync(app, $"pastor@church.{tag}.test", "coordinator", outsiderOrg);
        var (admin, _) = await Staff.SignedInAsync(app, $"admin@{tag}.test", "admin");
        var lead = await Staff.AddAsync(app, $"lead@clinic.{tag}.test", "coordinator", clinicOrg);
        var team = await ConcernData.AddTeamAsync(app, $"Clinic intake ({tag})", [clinicUser], lead: lead, organisation: clinicOrg);

        // The clinic's coordinator names its intake team; the school's cannot do it for the clinic.
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PutAsJsonAsync($"/api/referrals/intakes/{clinicOrg}", new { teamId = team })).StatusCode);
        var badIntake = await clinic.PutAsJsonAsync($"/api/referrals/intakes/{clinicOrg}", new { teamId = Guid.NewGuid(), responseBusinessDays = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, badIntake.StatusCode);
        Assert.Equal(["responseBusinessDays", "teamId"],
            (await badIntake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.NoContent, (await clinic.PutAsJsonAsync($"/api/referrals/intakes/{clinicOrg}", new { teamId = team })).StatusCode);
        return new(school, schoolUser, clinic, clinicUser, outsider, admin, clinicService, schoolService, unlisted, noIntake, team, lead);
    }

    /// <summary>A referral of Sam, with consent, by text message.</summary>
    public static object Referral(string service, string? contactPreference = "text", string? contact = "555-0142", bool consent = true) => new
    {
        serviceId = service, personName = "Sam", contactPreference, contact, need = "Anxiety after the flood; prefers afternoons.",
        language = "en", consent, consentHow = "verbal",
    };

    public async Task<Guid> SendAsync()
    {
        var sent = await School.PostAsJsonAsync("/api/referrals", Referral(ClinicService));
        Assert.True(sent.StatusCode == HttpStatusCode.Created, $"{sent.StatusCode}: {await sent.Content.ReadAsStringAsync()}");
        return (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
