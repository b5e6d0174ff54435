using System.Net.Http.Json;
using System.Text.Json;

namespace Kith.Tests.Lines;

/// <summary>
/// Transfers over HTTP: cold to a line (waiting there, its clock restarted) and to a team (only its members may take
/// it), warm to a responder (offered: the holder keeps it until accepted; declined or lapsed, nothing moves), cold to a
/// responder within their limit; only the holder or a supervisor transfers; every transfer audited.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TransferTests(SmsLinesApp app) : IClassFixture<SmsLinesApp>
{
    private static Task<HttpResponseMessage> TransferAsync(HttpClient client, Guid id, object body) =>
        client.PostAsJsonAsync($"/api/lines/conversations/{id}/transfer", body);

    [Fact]
    public async Task Cold_to_a_line_waits_there_anew_cold_to_a_team_only_its_members_take_and_a_non_holder_cannot_transfer()
    {
        var (_, teamA) = await app.LineAsync("transfer-a", "+15075551400");
        var (lineB, teamB) = await app.LineAsync("transfer-b", "+15075551401");
        var teamC = await app.TeamAsync("Transfer team C");
        var (holder, _) = await app.ResponderAsync("holder@transfer.test", teamA);
        var (colleague, _) = await app.ResponderAsync("colleague@transfer.test", teamA);
        var (onB, _) = await app.ResponderAsync("on-b@transfer.test", teamB);
        var (onC, onCId) = await app.ResponderAsync("on-c@transfer.test", teamC);
        await app.TextedAsync("+15075551400", "+15075551501", "I keep thinking about suicide");
        var id = (await RoutingTestKit.NextAsync(holder))!.Id;

        Assert.Equal(HttpStatusCode.Forbidden, (await TransferAsync(colleague, id, new { kind = "line", lineId = lineB })).StatusCode);
        var bad = await TransferAsync(holder, id, new { kind = "elsewhere" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("kind", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.BadRequest, (await TransferAsync(holder, id, new { kind = "line", lineId = Guid.NewGuid() })).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.NoContent, (await TransferAsync(holder, id, new { kind = "line", lineId = lineB })).StatusCode);
        var cold = await app.ConversationAsync(id);
        Assert.Equal((lineB, "waiting", (string?)null, (DateTime?)null, (DateTime?)app.Now()), (cold.LineId, cold.Status, cold.AssignedTo, cold.AssignedAt, cold.QueuedAt));
        Assert.Equal(app.Now(), cold.WaitingSince); // its wait clock restarted on the new line
        Assert.Equal(HttpStatusCode.NotFound, (await holder.GetAsync($"/staff/lines/conversations/{id}")).StatusCode); // not theirs any more
        Assert.Null(await RoutingTestKit.NextAsync(colleague)); // line A's queue no longer has it
        Assert.Equal(id, (await RoutingTestKit.NextAsync(onB))?.Id);

        // Through the console's form this time: it lands on the queue, saying so.
        var posted = await Staff.PostFormAsync(onB, $"/staff/lines/conversations/{id}/transfer", "transfer", [new("kind", "team"), new("teamId", teamC.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/staff/lines?transferred={id}", RoutingTestKit.Landing(posted));
        var toTeam = await app.ConversationAsync(id);
        Assert.Equal((lineB, "waiting", (Guid?)teamC), (toTeam.LineId, toTeam.Status, toTeam.TeamId));
        Assert.Null(await RoutingTestKit.NextAsync(onB)); // staffs the line, but is not on the team
        Assert.Equal(HttpStatusCode.OK, (await onC.GetAsync($"/staff/lines/conversations/{id}")).StatusCode); // the team may open it
        var taken = await RoutingTestKit.NextAsync(onC);
        Assert.Equal(id, taken?.Id);
        Assert.Equal((onCId, (Guid?)null), ((await app.ConversationAsync(id)).AssignedTo, (await app.ConversationAsync(id)).TeamId));
        Assert.Equal(2, await app.AuditedAsync("lines.conversation-transferred", id.ToString()));
    }

    [Fact]
    public async Task A_warm_transfer_is_offered_then_declined_accepted_or_lapsed_and_nobody_is_handed_more_than_their_limit()
    {
        var admin = (await Staff.SignedInAsync(app, "admin@transfer.test", Roles.Admin)).Client;
        var (_, team) = await app.LineAsync("transfer-warm", "+15075551410");
        var (first, firstId) = await app.ResponderAsync("first@transfer.test", team);
        var (second, secondId) = await app.ResponderAsync("second@transfer.test", team);
        var (busy, busyId) = await app.ResponderAsync("busy@transfer.test", team);
        await RoutingTestKit.ProfileAsync(admin, busyId, ["en"], [], maxActive: 1);
        await app.TextedAsync("+15075551410", "+15075551601", "hi, rough week");
        await app.TextedAsync("+15075551410", "+15075551602", "hello");
        var id = (await RoutingTestKit.NextAsync(first))!.Id;
        Assert.NotNull(await RoutingTestKit.NextAsync(busy)); // busy is at their limit of one now

        Assert.Equal(HttpStatusCode.NoContent, (await TransferAsync(first, id, new { kind = "offer", userId = secondId })).StatusCode);
        var offers = await second.GetFromJsonAsync<JsonElement>("/api/lines/offers");
        Assert.Equal(id, Assert.Single(offers.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(firstId, (await app.ConversationAsync(id)).AssignedTo); // the holder keeps it until then
        Assert.Contains("id=\"offer-" + id, await second.GetStringAsync("/staff/lines")); // on their queue page, to accept or decline
        Assert.Equal(HttpStatusCode.NoContent, (await second.PostAsync($"/api/lines/conversations/{id}/offer/decline", null)).StatusCode);
        Assert.Empty((await second.GetFromJsonAsync<JsonElement>("/api/lines/offers")).EnumerateArray());
        Assert.Equal((firstId, (string?)null), ((await app.ConversationAsync(id)).AssignedTo, (await app.ConversationAsync(id)).OfferedTo));

        Assert.Equal(HttpStatusCode.NoContent, (await TransferAsync(first, id, new { kind = "offer", userId = secondId })).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // the offer lapses
        Assert.Equal(HttpStatusCode.Conflict, (await second.PostAsync($"/api/lines/conversations/{id}/offer/accept", null)).StatusCode);
        Assert.Equal(firstId, (await app.ConversationAsync(id)).AssignedTo);

        Assert.Equal(HttpStatusCode.NoContent, (await TransferAsync(first, id, new { kind = "offer", userId = secondId })).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NoContent, (await second.PostAsync($"/api/lines/conversations/{id}/offer/accept", null)).StatusCode);
        var accepted = await app.ConversationAsync(id);
        Assert.Equal((secondId, (DateTime?)app.Now(), "active"), (accepted.AssignedTo, accepted.AssignedAt, accepted.Status));

        var refused = await TransferAsync(second, id, new { kind = "responder", userId = busyId });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode); // at their limit
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, (await TransferAsync(second, id, new { kind = "offer", userId = busyId })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await TransferAsync(second, id, new { kind = "responder", userId = firstId })).StatusCode);
        Assert.Equal(firstId, (await app.ConversationAsync(id)).AssignedTo);
        Assert.Equal(6, await app.AuditedAsync("lines.conversation-transferred", id.ToString())); // offer, decline, offer, offer, accept, cold
    }
}
