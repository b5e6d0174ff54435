using System.Net.Http.Json;
using System.Text.Json;
using Kith.Concerns.Domain;
using Kith.Responders.Domain;

namespace Kith.Tests.Concerns.CaseWork;

/// <summary>
/// One team's desk for a test: its own organisation (concerns about it are routed to the team by a rule), a
/// signed-in responder on the team, and a lead. Each test makes its own, so tests share no concerns.
/// </summary>
internal sealed record CaseDesk(KithApp App, string Name, Guid Organisation, Guid Team, HttpClient Responder, string ResponderId, string LeadId)
{
    public static async Task<CaseDesk> OpenAsync(KithApp app, string name, Guid? backup = null)
    {
        var organisation = await Staff.AddOrganisationAsync(app, $"{name} School");
        var (responder, responderId) = await Staff.SignedInAsync(app, $"responder@{name}.test", Roles.Responder, organisation);
        var lead = await Staff.AddAsync(app, $"lead@{name}.test", Roles.Responder, organisation);
        var team = await ConcernData.AddTeamAsync(app, $"{name} team", [responderId, lead], lead: lead, backup: backup);
        // Every desk's rule matches only its own organisation, so positions need not differ.
        await ConcernData.AddRuleAsync(app, team, 1, organisation: organisation);
        return new CaseDesk(app, name, organisation, team, responder, responderId, lead);
    }

    /// <summary>Another signed-in responder on this desk's team.</summary>
    public async Task<(HttpClient Client, string Id)> ColleagueAsync(string who)
    {
        var (client, id) = await Staff.SignedInAsync(App, $"{who}@{Name}.test", Roles.Responder, Organisation);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        db.TeamMembers.Add(new TeamMember { TeamId = Team, UserId = id });
        await db.SaveChangesAsync();
        return (client, id);
    }

    /// <summary>A concern about this desk's school, posted as the public would; returns the receipt and the stored concern.</summary>
    public async Task<(string Receipt, Concern Concern)> ReportAsync(string urgency = "can-wait", string category = "grief", string narrative = "Marker: she seems very down.")
    {
        var (receipt, _) = await ConcernData.SubmitAsync(App.CreateClient(), new
        {
            about = "friend", categories = new[] { category }, urgency, narrative, language = "en", organisationId = Organisation,
        });
        return (receipt, await ConcernData.ByReceiptAsync(App, receipt));
    }

    public Task<Concern> ReloadAsync(Guid id) => ConcernData.ReadAsync(App, db => db.Concerns.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, object body) =>
        client.PostAsJsonAsync($"/api/concerns/{id}/{action}", body);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public Task<int> AuditCountAsync(string action, Guid concern) =>
        ConcernData.ReadAsync(App, db => db.AuditEntries.CountAsync(e => e.Action == action && e.SubjectId == concern.ToString()));
}
