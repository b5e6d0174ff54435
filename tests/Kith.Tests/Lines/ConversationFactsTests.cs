using System.Net.Http.Json;
using System.Text.Json;
using Kith.Lines.Contracts;
using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Lines.Queue;
using Kith.Platform.Jobs;
using Kith.ServiceDirectory.Domain;
using Kith.ServiceDirectory.Indexing;

namespace Kith.Tests.Lines;

/// <summary>
/// Facts for Insights and referrals at close (issue 14, parts 7 and 3), on the hand-moved clock with the outbox polled
/// by hand: each conversation's fact tells its day, line, tier, wait, whether it was answered, rolled over or found
/// nobody, and how it ended, and nothing that identifies anyone; a close may send up to three directory services as one
/// text in the texter's language, never a confidential address, never to a number that opted out.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConversationFactsTests(SmsLinesApp app) : IClassFixture<SmsLinesApp>
{
    private static readonly DateOnly Today = new(2027, 3, 1); // 9:00 in Chicago when the clock starts

    [Fact]
    public async Task Each_conversation_has_one_fact_with_its_wait_rollover_answer_and_ending_and_nothing_that_identifies_anyone()
    {
        var (backup, backupTeam) = await app.LineAsync("facts-backup", "+15075551100");
        await app.ResponderAsync("backup@facts.test", backupTeam);
        var (answeredLine, team) = await app.LineAsync("facts-answered", "+15075551101");
        var (responder, _) = await app.ResponderAsync("responder@facts.test", team);
        var (rolledLine, _) = await app.LineAsync("facts-rolled", "+15075551102");
        var (nobodyLine, _) = await app.LineAsync("facts-nobody", "+15075551103");
        await EditLineAsync(rolledLine, l => { l.BackupLineId = backup; l.MaxWaitRoutineSeconds = 600; });
        await EditLineAsync(nobodyLine, l => l.MaxWaitRoutineSeconds = 600);
        var (services, _) = await DirectoryAsync();

        await TextAsync("+15075551101", "+15075551201", "I am having a hard week");
        await TextAsync("+15075551102", "+15075551202", "just need to talk");
        await TextAsync("+15075551103", "+15075551203", "anyone there?");
        app.Clock.Advance(TimeSpan.FromSeconds(39)); // 42 s since the first text
        var taken = await NextAsync(responder);
        Assert.Equal(answeredLine, taken!.LineId);
        app.Clock.Advance(TimeSpan.FromSeconds(600));
        await RunDueAsync();
        var close = await responder.PostAsJsonAsync($"/api/lines/conversations/{taken.Id}/close",
            new { disposition = "referred", referrals = new[] { services[0], services[1] } });
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);

        var facts = await FactsAsync(Today, Today);
        var answered = Assert.Single(facts, f => f.LineSlug == "facts-answered");
        Assert.Equal(new ConversationFact(Today, answeredLine, "facts-answered", "sms", null, "routine", 42, Answered: true, RolledOver: false,
            Unanswered: false, Closed: true, "referred", 2), answered);
        var rolled = Assert.Single(facts, f => f.LineId == backup);
        Assert.Equal(new ConversationFact(Today, backup, "facts-backup", "sms", null, "routine", null, Answered: false, RolledOver: true,
            Unanswered: false, Closed: false, null, 0), rolled);
        var nobody = Assert.Single(facts, f => f.LineSlug == "facts-nobody");
        Assert.Equal(new ConversationFact(Today, nobodyLine, "facts-nobody", "sms", null, "routine", null, Answered: false, RolledOver: false,
            Unanswered: true, Closed: false, null, 0), nobody);
        Assert.Empty(await FactsAsync(Today.AddDays(1), Today.AddDays(7)));

        // Nothing that names a conversation or a person: no such member, and no number, reference or hash among the values.
        Assert.Equal(["Answered", "AreaId", "Channel", "Closed", "Day", "Disposition", "LineId", "LineSlug", "Referrals", "RolledOver", "Tier",
            "Unanswered", "WaitSeconds"], typeof(ConversationFact).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
        var json = JsonSerializer.Serialize(facts);
        var conversations = await ReadAsync(db => db.LineConversations.AsNoTracking().Select(c => new { c.Id, c.Reference, c.SenderHash }).ToListAsync());
        foreach (var c in conversations)
            Assert.DoesNotContain(c.Reference, json);
        foreach (var secret in conversations.SelectMany(c => new[] { c.Id.ToString(), c.SenderHash }).Concat(["5075551201", "5075551202", "5075551203"]))
            Assert.DoesNotContain(secret, json);
    }

    [Fact]
    public async Task Closing_with_services_texts_them_once_in_the_texters_language_without_a_confidential_address_and_never_to_an_opted_out_number()
    {
        var (line, team) = await app.LineAsync("refer-es", "+15075551110");
        await EditLineAsync(line, l => l.Languages = "es en");
        var (responder, _) = await app.ResponderAsync("refer@facts.test", team);
        var (services, inactive) = await DirectoryAsync();

        // Unknown or inactive: 400 naming the field, nothing closed, nothing sent.
        await TextAsync("+15075551110", "+15075551210", "hola, necesito ayuda con la granja");
        var spanish = (await NextAsync(responder))!;
        foreach (var wrong in new[] { new[] { services[0], "no-such-service" }, [inactive], [services[0], services[1], services[2], inactive] })
        {
            var refused = await responder.PostAsJsonAsync($"/api/lines/conversations/{spanish.Id}/close", new { disposition = "referred", referrals = wrong });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("referrals", out _), problem.ToString());
            Assert.Equal((ConversationStatuses.Active, (string?)null), await ReadAsync(db => db.LineConversations.Where(c => c.Id == spanish.Id)
                .Select(c => new ValueTuple<string, string?>(c.Status, c.Disposition)).SingleAsync()));
        }

        // Two services, one of them a refuge at a confidential place: one text, in Spanish, with how to reach each.
        var close = await responder.PostAsJsonAsync($"/api/lines/conversations/{spanish.Id}/close",
            new { disposition = "referred", referrals = new[] { services[0], services[2] } });
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        Assert.NotNull((await ConversationAsync(spanish.Id)).SenderNumber); // kept until the text has gone
        await RunDueAsync();
        var sent = Assert.Single(app.Gateway.Received, r => r.To == "+15075551210");
        Assert.Equal("Servicios que pueden ayudar:\nFacts Counselling: 507-555-0101\nFacts Refuge: 507-555-0135", sent.Body);
        Assert.DoesNotContain("Hidden", sent.Body);
        var closed = await ConversationAsync(spanish.Id);
        Assert.Equal((ConversationStatuses.Closed, "referred", $"{services[0]} {services[2]}", (string?)null),
            (closed.Status, closed.Disposition, closed.Referrals, closed.SenderNumber));

        // Opted out (at risk, so the conversation stayed open): closed with a service, nothing goes to them.
        var (english, englishTeam) = await app.LineAsync("refer-en", "+15075551111");
        var (englishResponder, _) = await app.ResponderAsync("refer-en@facts.test", englishTeam);
        await TextAsync("+15075551111", "+15075551211", "I have the pills and I am going to kill myself tonight");
        await TextAsync("+15075551111", "+15075551211", "STOP");
        var optedOut = (await NextAsync(englishResponder))!;
        Assert.Equal(english, optedOut.LineId);
        Assert.True(optedOut.OptedOut);
        var quiet = await englishResponder.PostAsJsonAsync($"/api/lines/conversations/{optedOut.Id}/close", new { referrals = new[] { services[1] } });
        Assert.Equal(HttpStatusCode.NoContent, quiet.StatusCode);
        await RunDueAsync();
        Assert.DoesNotContain(app.Gateway.Received, r => r.To == "+15075551211");
        var quietOne = await ConversationAsync(optedOut.Id);
        Assert.Equal((ConversationStatuses.Closed, "referred", services[1], (string?)null),
            (quietOne.Status, quietOne.Disposition, quietOne.Referrals, quietOne.SenderNumber));
        Assert.Equal("opted-out", await ReadAsync(db => db.LineMessages.Where(m => m.ConversationId == optedOut.Id && m.Direction == "out")
            .OrderByDescending(m => m.At).Select(m => m.DeliveryStatus).FirstAsync()));
    }

    [Fact]
    public async Task Texts_from_one_person_at_once_are_all_kept_in_their_one_conversation()
    {
        // Found by bench/lines: two webhooks for one conversation at once, and the second to save got a 500 and was lost.
        await app.LineAsync("facts-burst", "+15075551120");
        await TextAsync("+15075551120", "+15075551220", "a long message in parts");
        var parts = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => app.TextAsync("+15075551120", "+15075551220", $"part {i}")));
        Assert.All(parts, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var hash = app.Services.GetRequiredService<SenderKey>().Hash(SenderKey.Normalize("+15075551220"));
        Assert.Equal(5, await ReadAsync(db => db.LineMessages.CountAsync(m => m.Direction == "in"
            && db.LineConversations.Any(c => c.Id == m.ConversationId && c.SenderHash == hash))));
        Assert.Equal(1, await ReadAsync(db => db.LineConversations.CountAsync(c => c.SenderHash == hash)));
    }

    private (List<string> Active, string Inactive)? directory;

    /// <summary>Counselling (a phone), farm advisers (a web address), a refuge at a confidential place (its phone), and an inactive one; indexed.</summary>
    private async Task<(List<string> Active, string Inactive)> DirectoryAsync()
    {
        if (directory is { } made) return made;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var org = new DirectoryOrganization { Id = Guid.NewGuid().ToString(), Name = "Facts Org", Description = "Facts Org" };
        db.DirectoryOrganizations.Add(org);
        Service Add(string name, string status = "active", string? url = null)
        {
            var s = new Service { Id = Guid.NewGuid().ToString(), OrganizationId = org.Id, Name = name, Status = status, Url = url };
            db.Services.Add(s);
            return s;
        }
        var counselling = Add("Facts Counselling");
        db.Phones.Add(new Phone { Id = Guid.NewGuid().ToString(), ServiceId = counselling.Id, Number = "507-555-0101", Type = "voice" });
        var farm = Add("Facts Farm Advisers", url: "https://farm.example.org");
        var refuge = Add("Facts Refuge");
        db.Phones.Add(new Phone { Id = Guid.NewGuid().ToString(), ServiceId = refuge.Id, Number = "507-555-0135", Type = "voice" });
        var place = new Location
        {
            Id = Guid.NewGuid().ToString(), LocationType = "physical", OrganizationId = org.Id, Name = "Facts Refuge house", Confidential = true,
            Latitude = 44.0, Longitude = -92.5,
        };
        db.Locations.Add(place);
        db.Addresses.Add(new Address { Id = Guid.NewGuid().ToString(), LocationId = place.Id, Address1 = "12 Hidden Lane", City = "Riverbend", StateProvince = "MN", PostalCode = "55901", Country = "US", AddressType = "physical" });
        db.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.NewGuid().ToString(), ServiceId = refuge.Id, LocationId = place.Id });
        var gone = Add("Facts Closed Service", status: "inactive");
        await db.SaveChangesAsync();
        await db.BumpRevisionAsync(DateTime.UtcNow, CancellationToken.None);
        await app.Services.GetRequiredService<DirectoryIndexRefresher>().RefreshAsync(CancellationToken.None);
        directory = ([counselling.Id, farm.Id, refuge.Id], gone.Id);
        return directory.Value;
    }

    private async Task TextAsync(string to, string from, string body)
    {
        Assert.Equal(HttpStatusCode.OK, (await app.TextAsync(to, from, body)).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    private static async Task<ConversationSummary?> NextAsync(HttpClient responder)
    {
        var response = await responder.PostAsync("/api/lines/queue/next", null);
        return response.StatusCode == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<ConversationSummary>();
    }

    private async Task<IReadOnlyList<ConversationFact>> FactsAsync(DateOnly from, DateOnly to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationFacts>().BetweenAsync(from, to, CancellationToken.None);
    }

    private async Task RunDueAsync()
    {
        while (await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None) > 0) { }
    }

    private Task<T> ReadAsync<T>(Func<KithDb, Task<T>> read) => Concerns.ConcernData.ReadAsync(app, read);

    private Task<Conversation> ConversationAsync(Guid id) => ReadAsync(db => db.LineConversations.AsNoTracking().SingleAsync(c => c.Id == id));

    private async Task EditLineAsync(Guid id, Action<Line> edit)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        edit(await db.Lines.SingleAsync(l => l.Id == id));
        await db.SaveChangesAsync();
    }
}
