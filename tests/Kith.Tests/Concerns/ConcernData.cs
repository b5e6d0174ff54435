using System.Net.Http.Json;
using System.Text.Json;
using Kith.Concerns.Domain;
using Kith.Responders.Domain;

namespace Kith.Tests.Concerns;

/// <summary>Teams, rules and submissions for concern tests; each test class makes its own.</summary>
internal static class ConcernData
{
    public static async Task<Guid> AddTeamAsync(KithApp app, string name, IEnumerable<string> members, string? lead = null,
        Guid? backup = null, Guid? organisation = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var team = new Team { Id = Guid.NewGuid(), Name = name, LeadUserId = lead, BackupTeamId = backup, OrganisationId = organisation, CreatedAt = DateTime.UtcNow };
        db.Teams.Add(team);
        foreach (var m in members.Distinct()) db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = m });
        await db.SaveChangesAsync();
        return team.Id;
    }

    /// <summary>A routing rule; conditions left null match anything.</summary>
    public static async Task<Guid> AddRuleAsync(KithApp app, Guid team, int position, Guid? organisation = null, Guid? area = null,
        string? category = null, string? language = null, string? tier = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var rule = new RoutingRule
        {
            Id = Guid.NewGuid(), Position = position, TeamId = team, OrganisationId = organisation, AreaId = area,
            Category = category, Language = language, Tier = tier,
        };
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync();
        return rule.Id;
    }

    public static async Task<T> ReadAsync<T>(KithApp app, Func<KithDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KithDb>());
    }

    /// <summary>The concern a receipt opens (looked up the way the app does: by its keyed hash; narratives are encrypted, so unsearchable).</summary>
    public static async Task<Concern> ByReceiptAsync(KithApp app, string receipt)
    {
        var hash = app.Services.GetRequiredService<Kith.Concerns.Receipts.ReceiptCode>().Hash(Kith.Concerns.Receipts.ReceiptCode.Normalize(receipt)!);
        return await ReadAsync(app, db => db.Concerns.AsNoTracking().SingleAsync(c => c.ReceiptHash == hash));
    }

    /// <summary>Posts a concern as a partner app would; returns the response (the receipt is in its body).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/concerns", body);

    public static async Task<(string Receipt, string Tier)> SubmitAsync(HttpClient client, object body)
    {
        var response = await PostAsync(client, body);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Submit failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("receipt").GetString()!, json.GetProperty("tier").GetString()!);
    }

    public static object Routine(string narrative = "She seems very down since her grandmother died.", Guid? area = null) => new
    {
        about = "friend", categories = new[] { "grief" }, urgency = "can-wait", narrative, language = "en", areaId = area,
    };

    public static object Imminent(string narrative = "He has pills saved and said goodbye to everyone.", Guid? area = null) => new
    {
        about = "friend", categories = new[] { "suicide-self-harm" }, urgency = "danger-now", narrative, language = "en", areaId = area,
    };
}
