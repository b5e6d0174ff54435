using System.Net.Http.Json;
using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Lines.Queue;
using Kith.Platform.Jobs;

namespace Kith.Tests.Lines;

/// <summary>The steps the routing, transfer and block tests share: texts, "help the next person", the outbox, and reads by sender.</summary>
internal static class RoutingTestKit
{
    /// <summary>A signed text; one second passes; the TwiML answer's text ("" when nothing was answered).</summary>
    public static async Task<string> TextedAsync(this SmsLinesApp app, string to, string from, string body)
    {
        var response = await app.TextAsync(to, from, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        return System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Message")?.Value ?? "";
    }

    public static async Task<ConversationSummary?> NextAsync(HttpClient responder)
    {
        var response = await responder.PostAsync("/api/lines/queue/next", null);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<ConversationSummary>();
    }

    public static async Task RunDueAsync(this SmsLinesApp app)
    {
        while (await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None) > 0) { }
    }

    public static async Task WriteAsync(this SmsLinesApp app, Action<KithDb> write)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        write(db);
        await db.SaveChangesAsync();
    }

    public static async Task EditLineAsync(this SmsLinesApp app, Guid id, Action<Line> edit)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        edit(await db.Lines.SingleAsync(l => l.Id == id));
        await db.SaveChangesAsync();
    }

    /// <summary>Every conversation of the sender, oldest first.</summary>
    public static async Task<List<Conversation>> ConversationsAsync(this SmsLinesApp app, string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var hash = scope.ServiceProvider.GetRequiredService<SenderKey>().Hash(SenderKey.Normalize(number));
        return await scope.ServiceProvider.GetRequiredService<KithDb>().LineConversations.AsNoTracking()
            .Where(c => c.SenderHash == hash).OrderBy(c => c.StartedAt).ToListAsync();
    }

    public static async Task<Conversation> ConversationAsync(this SmsLinesApp app, Guid id) =>
        await Concerns.ConcernData.ReadAsync(app, db => db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task<int> AuditedAsync(this SmsLinesApp app, string action, string subject) =>
        Concerns.ConcernData.ReadAsync(app, db => db.AuditEntries.CountAsync(e => e.Action == action && e.SubjectId == subject));

    /// <summary>Sets a responder's languages, skills and limit through the admin API.</summary>
    public static async Task ProfileAsync(HttpClient admin, string userId, string[] languages, string[] skills, int? maxActive = null)
    {
        var response = await admin.PutAsJsonAsync($"/api/lines/responders/{userId}/profile", new { languages, skills, maxActive });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A team of its own, on no line.</summary>
    public static async Task<Guid> TeamAsync(this SmsLinesApp app, string name)
    {
        var id = Guid.NewGuid();
        await app.WriteAsync(db => db.Teams.Add(new Kith.Responders.Domain.Team { Id = id, Name = name, CreatedAt = DateTime.UtcNow }));
        return id;
    }

    /// <summary>Where a post redirected to: path, query and fragment.</summary>
    public static string Landing(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } location ? location.PathAndQuery + location.Fragment : response.Headers.Location!.OriginalString;

    public static DateTime Now(this SmsLinesApp app) => app.Clock.GetUtcNow().UtcDateTime;
}
