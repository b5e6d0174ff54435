using System.Net.Http.Json;
using System.Text.Json;
using Kith.Lines.Conversations;

namespace Kith.Tests.Lines;

/// <summary>
/// Block and abusive flags by sender hash: a blocked sender's ordinary text gets a short answer and no queue item, but
/// words reading as imminent risk still get the crisis numbers, a waiting conversation and a page; the block expires;
/// an abusive marking keeps them in the queue and shows the flag and its reason to the responder; admins list and lift.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BlockTests(SmsLinesApp app) : IClassFixture<SmsLinesApp>
{
    private static Task<HttpResponseMessage> FlagAsync(HttpClient client, Guid id, object body) =>
        client.PostAsJsonAsync($"/api/lines/conversations/{id}/flags", body);

    [Fact]
    public async Task A_blocked_senders_text_is_turned_away_but_imminent_words_still_reach_a_person_and_the_block_expires()
    {
        const string number = "+15075551700", sender = "+15075551801";
        var admin = (await Staff.SignedInAsync(app, "admin@blocks.test", Roles.Admin)).Client;
        var (_, team) = await app.LineAsync("blocks-block", number);
        var (holder, holderId) = await app.ResponderAsync("holder@blocks.test", team);
        var (other, _) = await app.ResponderAsync("other@blocks.test", team);
        await app.TextedAsync(number, sender, "you people are useless");
        var id = (await RoutingTestKit.NextAsync(holder))!.Id;

        Assert.Equal(HttpStatusCode.Forbidden, (await FlagAsync(other, id, new { kind = "blocked", reason = "abuse", expires = "24h" })).StatusCode);
        var bad = await FlagAsync(holder, id, new { kind = "blocked", reason = "abuse", expires = "none" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode); // a block always ends
        Assert.Contains("expires", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.OK, (await FlagAsync(holder, id, new { kind = "blocked", reason = "repeated abuse of volunteers", expires = "24h" })).StatusCode);
        Assert.Equal(1, await app.AuditedAsync("lines.sender-flagged", id.ToString()));
        Assert.Equal(HttpStatusCode.NoContent, (await holder.PostAsJsonAsync($"/api/lines/conversations/{id}/close", new { disposition = "abusive" })).StatusCode);

        var answer = await app.TextedAsync(number, sender, "hey answer me");
        Assert.StartsWith("This line is not taking texts from this number for now.", answer);
        Assert.Single(await app.ConversationsAsync(sender)); // no queue item, nothing kept

        var crisis = await app.TextedAsync(number, sender, "I have the pills and I am going to kill myself tonight");
        Assert.Contains(await CrisisAsync(), crisis); // the crisis numbers
        var urgent = (await app.ConversationsAsync(sender))[^1];
        Assert.Equal(("waiting", "imminent"), (urgent.Status, urgent.Tier));
        Assert.Contains(holderId, await PagedAsync(urgent.Id)); // paged as imminent
        Assert.Equal(urgent.Id, (await RoutingTestKit.NextAsync(other))?.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await other.PostAsJsonAsync($"/api/lines/conversations/{urgent.Id}/close", new { disposition = "supported" })).StatusCode);

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/lines/flags");
        Assert.Contains(listed.EnumerateArray(), f => f.GetProperty("conversationId").GetGuid() == id && f.GetProperty("kind").GetString() == "blocked");
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.GetAsync("/api/lines/flags")).StatusCode);

        Assert.StartsWith("This line is not taking texts", await app.TextedAsync(number, sender, "still blocked?")); // not yet expired
        app.Clock.Advance(TimeSpan.FromHours(24));
        var after = await app.TextedAsync(number, sender, "sorry about before, can we talk");
        Assert.DoesNotContain("not taking texts", after);
        Assert.Equal((3, "waiting"), ((await app.ConversationsAsync(sender)).Count, (await app.ConversationsAsync(sender))[^1].Status)); // queued normally again
        admin = (await Staff.SignedInAsync(app, "admin3@blocks.test", Roles.Admin)).Client; // a day later: a fresh sign-in
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/lines/flags")).EnumerateArray(), f => f.GetProperty("conversationId").GetGuid() == id);

        // Opted out as well: nothing can be sent to them (ADR 34), but imminent words still put them in front of a person, paged.
        await app.TextedAsync(number, sender, "STOP");
        await app.TextedAsync(number, sender, "I have a gun and I will use it tonight");
        var optedOut = (await app.ConversationsAsync(sender))[^1];
        Assert.Equal(("waiting", "imminent", true), (optedOut.Status, optedOut.Tier, optedOut.OptedOut));
        Assert.Contains(holderId, await PagedAsync(optedOut.Id));
    }

    [Fact]
    public async Task An_abusive_flag_keeps_the_sender_in_the_queue_shows_on_the_conversation_page_and_an_admin_lifts_it()
    {
        const string number = "+15075551710", sender = "+15075551811";
        var admin = (await Staff.SignedInAsync(app, "admin2@blocks.test", Roles.Admin)).Client;
        var (_, team) = await app.LineAsync("blocks-abusive", number);
        var (holder, _) = await app.ResponderAsync("holder2@blocks.test", team);
        await app.TextedAsync(number, sender, "whatever");
        var id = (await RoutingTestKit.NextAsync(holder))!.Id;
        // Through the console's form: it lands on the conversation with the new flag focused.
        var set = await Staff.PostFormAsync(holder, $"/staff/lines/conversations/{id}/flag", "flag",
            [new("kind", "abusive"), new("reason", "Marker-abusive-reason sexual messages to volunteers"), new("expires", "none")]);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var landing = RoutingTestKit.Landing(set);
        Assert.StartsWith($"/staff/lines/conversations/{id}?flagged=", landing);
        var flag = Guid.Parse(landing.Split("flagged=")[1].Split('#')[0]);

        var page = await holder.GetStringAsync($"/staff/lines/conversations/{id}");
        Assert.Contains("Marker-abusive-reason", page);
        await app.TextedAsync(number, sender, "still here"); // into the same conversation: not turned away
        Assert.Single(await app.ConversationsAsync(sender));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/lines/flags/{flag}/lift", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/lines/flags/{flag}/lift", null)).StatusCode);
        Assert.DoesNotContain("Marker-abusive-reason", await holder.GetStringAsync($"/staff/lines/conversations/{id}"));
        Assert.Equal(1, await app.AuditedAsync("lines.sender-flag-lifted", id.ToString()));
    }

    private Task<List<string>> PagedAsync(Guid conversation) => Concerns.ConcernData.ReadAsync(app, db => db.Alerts.AsNoTracking()
        .Where(a => a.SubjectKind == ConversationAlerts.Kind && a.SubjectId == conversation && a.Kind == ConversationAlerts.Imminent).Select(a => a.UserId).ToListAsync());

    private async Task<string> CrisisAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<CrisisText>().In("en");
    }
}
