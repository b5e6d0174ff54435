using System.Net.Http.Json;
using System.Text.Json;

namespace Kith.Tests.Concerns.Admin;

/// <summary>
/// The app for the routing administration tests: a hand-moved clock, set before the spring-forward day of 2027
/// in Chicago (the default deployment zone), 9:00 local on 1 March.
/// </summary>
public sealed class RoutingAdminApp : KithApp
{
    public RoutingAdminApp() => Time = Clock;

    public ManualTime Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero));
}

/// <summary>Small steps the routing administration tests share: JSON calls and reading audit rows.</summary>
internal static class AdminApi
{
    public const string Root = "/api/concerns/admin";

    /// <summary>A staff account with its own organisation (every role but administrator works for one).</summary>
    public static async Task<string> PersonAsync(KithApp app, string email, string role = Roles.Responder) =>
        await Staff.AddAsync(app, email, role, await Staff.AddOrganisationAsync(app, "Org of " + email));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<Guid> CreateTeamAsync(HttpClient admin, string name, string? lead = null, Guid? organisation = null, Guid? backup = null)
    {
        var created = await JsonAsync(await admin.PostAsJsonAsync($"{Root}/teams", new { name, leadUserId = lead, organisationId = organisation, backupTeamId = backup }),
            HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateRuleAsync(HttpClient admin, object body) =>
        (await JsonAsync(await admin.PostAsJsonAsync($"{Root}/rules", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>A validation problem (400, problem details) naming <paramref name="field"/>.</summary>
    public static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    public static async Task AssertConflictAsync(HttpResponseMessage response, string detail)
    {
        var problem = await JsonAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    public static Task<List<string>> AuditActionsAsync(KithApp app, string subjectId) =>
        ConcernData.ReadAsync(app, db => db.AuditEntries.Where(e => e.SubjectId == subjectId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
}
