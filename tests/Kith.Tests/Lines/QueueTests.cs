using System.Net.Http.Json;
using System.Text.Json;

namespace Kith.Tests.Lines;

/// <summary>
/// "Help the next person" over HTTP: the highest tier first, then the longest waiting, only on lines the responder's
/// teams staff, up to the per-responder limit, and never the same person to two responders pressing at once.
/// Then a reply goes out through the outbox and the conversation closes with a disposition.
/// </summary>
[Trait("Category", "Integration")]
public sealed class QueueTests(SmsLinesApp app) : IClassFixture<SmsLinesApp>
{
    private const string QueueNumber = "+15075550710";

    private Task<(Guid Line, Guid Team)> QueueLineAsync(string slug, string number) => app.LineAsync(slug, number);

    private static async Task<JsonElement?> NextAsync(HttpClient responder)
    {
        var response = await responder.PostAsync("/api/lines/queue/next", null);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_highest_tier_overtakes_older_lower_tiers_only_staffed_lines_count_and_a_responder_holds_at_most_the_limit()
    {
        var (_, team) = await QueueLineAsync("queue-order", QueueNumber);
        var (_, otherTeam) = await QueueLineAsync("queue-other", "+15075550711");
        var (responder, _) = await app.ResponderAsync("next@queue.test", team);
        var (stranger, _) = await app.ResponderAsync("stranger@queue.test", otherTeam);

        await app.TextThenWaitAsync(QueueNumber, "+15075550901", "hi, rough week");                       // routine, oldest
        await app.TextThenWaitAsync(QueueNumber, "+15075550902", "I keep thinking about suicide");          // urgent
        await app.TextThenWaitAsync(QueueNumber, "+15075550903", "I have the pills and I am going to kill myself tonight"); // imminent, newest of the three
        await app.TextThenWaitAsync(QueueNumber, "+15075550904", "can someone talk");                       // routine, newest

        Assert.Null(await NextAsync(stranger)); // their team staffs the other line, where nobody waits
        var tiers = new List<string>();
        for (var i = 0; i < 3; i++) tiers.Add((await NextAsync(responder))!.Value.GetProperty("tier").GetString()!);
        Assert.Equal(["imminent", "urgent", "routine"], tiers);
        var full = await responder.PostAsync("/api/lines/queue/next", null);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode); // three held: the limit
        Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Responders_pressing_at_once_never_get_the_same_person_then_a_reply_goes_out_and_the_conversation_closes()
    {
        const string number = "+15075550720";
        var (_, team) = await QueueLineAsync("queue-race", number);
        var responders = new List<HttpClient>();
        for (var i = 0; i < 6; i++) responders.Add((await app.ResponderAsync($"race{i}@queue.test", team)).Client);
        for (var i = 0; i < 3; i++) await app.TextThenWaitAsync(number, $"+1507555093{i}", "hello, anyone there?");

        var taken = await Task.WhenAll(responders.Select(NextAsync));
        var ids = taken.Where(t => t is not null).Select(t => t!.Value.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(3, ids.Distinct().Count());

        var mine = responders[Array.FindIndex(taken, t => t is not null)];
        var id = ids[0];
        var other = responders[Array.FindLastIndex(taken, t => t is not null)];
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/lines/conversations/{id}/messages", new { text = "not mine" })).StatusCode);
        var bad = await mine.PostAsJsonAsync($"/api/lines/conversations/{id}/messages", new { text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("text", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var reply = await mine.PostAsJsonAsync($"/api/lines/conversations/{id}/messages", new { text = "Marker-queue-reply: I'm here with you" });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        await app.Services.GetRequiredService<Kith.Platform.Jobs.JobRunner>().RunDueAsync(CancellationToken.None);
        var sent = Assert.Single(app.Gateway.Received, r => r.Body == "Marker-queue-reply: I'm here with you");
        Assert.Equal(number, sent.From);

        var badClose = await mine.PostAsJsonAsync($"/api/lines/conversations/{id}/close", new { disposition = "whatever" });
        Assert.Equal(HttpStatusCode.BadRequest, badClose.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await mine.PostAsJsonAsync($"/api/lines/conversations/{id}/close", new { disposition = "supported" })).StatusCode);
        var closed = await Concerns.ConcernData.ReadAsync(app, db => db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("closed", "supported", null), (closed.Status, closed.Disposition, closed.SenderNumber));
        Assert.Equal(HttpStatusCode.Conflict, (await mine.PostAsJsonAsync($"/api/lines/conversations/{id}/messages", new { text = "too late" })).StatusCode);
    }
}
