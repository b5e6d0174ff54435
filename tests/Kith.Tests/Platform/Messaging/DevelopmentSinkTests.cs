using Kith.Platform.Messaging;
using Kith.Platform.Outbox;

namespace Kith.Tests.Platform.Messaging;

/// <summary>An app whose job runner runs in the background, as on a real node.</summary>
public sealed class BackgroundJobsApp : KithApp
{
    public BackgroundJobsApp() => RunJobs = true;
}

/// <summary>The default carrier: messages enqueued with a change land once, encrypted, in platform_dev_messages.</summary>
[Trait("Category", "Integration")]
public sealed class DevelopmentSinkTests(BackgroundJobsApp app) : IClassFixture<BackgroundJobsApp>
{
    [Fact]
    public async Task A_message_enqueued_twice_with_one_key_and_handled_twice_is_kept_once()
    {
        var key = SentThroughOutbox.Key();
        var page = new OutgoingMessage(MessageChannel.Sms, "+15555550101", "Concern C-1042",
            "Concern C-1042 needs a responder: https://kith.test/staff/concerns/C-1042", key);

        await SentThroughOutbox.EnqueueAsync(app, page, page);                       // twice in one unit of work
        await SentThroughOutbox.EnqueueAsync(app, page with { Body = "a second try" }); // and again in a later one
        var delivered = await CompletedAsync(key);

        // The runner may also run a message again (a lease expired mid-way): the sink still keeps it once.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().Single(h => h.Topic == Messages.Topic);
            var delivery = new OutboxDelivery(delivered.Id, delivered.Topic, delivered.Payload, delivered.Attempts);
            await handler.HandleAsync(delivery, CancellationToken.None);
            await handler.HandleAsync(delivery, CancellationToken.None);
        }

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<KithDb>();
        var kept = await db.DevMessages.AsNoTracking().Where(m => m.IdempotencyKey == key).ToListAsync();
        var only = Assert.Single(kept);
        Assert.Equal(MessageChannel.Sms, only.Channel);
        Assert.Equal("+15555550101", only.Recipient);
        Assert.Equal("Concern C-1042", only.Subject);
        Assert.Equal(page.Body, only.Body);
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.IdempotencyKey == Messages.OutboxKey(key)));
    }

    [Fact]
    public async Task The_body_is_encrypted_at_rest()
    {
        var key = SentThroughOutbox.Key();
        const string body = "Check-in overdue for case R-77: https://kith.test/staff/r/77";
        await SentThroughOutbox.EnqueueAsync(app, new OutgoingMessage(MessageChannel.Email, "lead@kith.test", "Check-in overdue", body, key));
        await CompletedAsync(key);

        var stored = await RawBodyAsync(key);

        Assert.DoesNotContain("R-77", stored);
        Assert.StartsWith(Kith.Platform.Security.SensitiveText.Prefix, stored);
    }

    [Fact]
    public async Task An_admin_reads_the_sink_on_its_page_and_a_responder_is_turned_away()
    {
        var key = SentThroughOutbox.Key();
        await SentThroughOutbox.EnqueueAsync(app, new OutgoingMessage(MessageChannel.Email, "on-call@kith.test", "Page: concern C-2001",
            "You are on call for concern C-2001: https://kith.test/staff/concerns/C-2001", key));
        await CompletedAsync(key);
        var (admin, _) = await Staff.SignedInAsync(app, "admin@dev-sink.test", Roles.Admin);
        var org = await Staff.AddOrganisationAsync(app, "Dev Sink Responders");
        var (responder, _) = await Staff.SignedInAsync(app, "responder@dev-sink.test", Roles.Responder, org);

        var response = await admin.GetAsync("/staff/messages");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var denied = await responder.GetAsync("/staff/messages");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Development sink: these messages were not sent. Set Kith:Messaging:Email:Mode or Kith:Messaging:Sms:Mode to send them.", html);
        Assert.Contains("on-call@kith.test", html);
        Assert.Contains("Page: concern C-2001", html);
        Assert.Contains("You are on call for concern C-2001: https://kith.test/staff/concerns/C-2001", html);
        Assert.DoesNotContain("href=\"/staff/messages\"", await admin.GetStringAsync("/staff"));
        Assert.Equal("/staff/denied", Staff.RedirectPath(denied));
    }

    /// <summary>Waits (bounded by polls) for the background runner to deliver the message.</summary>
    private async Task<OutboxMessage> CompletedAsync(string key)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await SentThroughOutbox.RowAsync(app, key) is { CompletedAt: not null } done) return done;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"The runner never delivered {key}; last error: {(await SentThroughOutbox.RowAsync(app, key))?.LastError}");
    }

    private async Task<string> RawBodyAsync(string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<KithDb>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM platform_dev_messages WHERE idempotency_key = @key";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
