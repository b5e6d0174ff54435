using Kith.Platform.Messaging;

namespace Kith.Tests.Platform.Messaging;

/// <summary>An app in smtp mode, pointed at a fake relay.</summary>
public sealed class SmtpApp : FakeCarrierApp
{
    public SmtpApp() : this(new FakeSmtpServer()) { }

    private SmtpApp(FakeSmtpServer relay) : base(relay,
        ("Kith:Messaging:Email:Mode", "smtp"),
        ("Kith:Messaging:Email:Host", "127.0.0.1"),
        ("Kith:Messaging:Email:Port", relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Kith:Messaging:Email:From", "kith@riverbend.test"),
        ("Kith:Messaging:Email:StartTls", "false")) => Relay = relay;

    internal FakeSmtpServer Relay { get; }
}

[Trait("Category", "Integration")]
public sealed class SmtpRelayTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    [Fact]
    public async Task An_email_reaches_the_relay_with_its_recipient_subject_body_and_a_message_id_from_its_key()
    {
        app.Relay.DropConnections = false;
        var key = SentThroughOutbox.Key();
        var message = new OutgoingMessage(MessageChannel.Email, "on-call@riverbend.test", "Page: concern C-3003",
            "You are on call for concern C-3003: https://kith.test/staff/concerns/C-3003", key);

        await SentThroughOutbox.EnqueueAsync(app, message);
        await SentThroughOutbox.RunDueAsync(app);

        var mail = Assert.Single(app.Relay.Received, m => m.Header("Message-ID") == SmtpRelay.MessageId(key, "riverbend.test"));
        Assert.Equal("kith@riverbend.test", mail.From);
        Assert.Equal(["on-call@riverbend.test"], mail.Recipients);
        Assert.Equal("on-call@riverbend.test", mail.Header("To"));
        Assert.Equal("Page: concern C-3003", mail.Header("Subject"));
        Assert.Equal(message.Body, mail.Body().TrimEnd());
        var row = (await SentThroughOutbox.RowAsync(app, key))!;
        Assert.NotNull(row.CompletedAt);
        Assert.Null(row.LastError);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("on-call@riverbend.test", StringComparison.Ordinal) || l.Contains("C-3003", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_relay_that_hangs_up_leaves_the_message_to_be_retried()
    {
        app.Relay.DropConnections = true;
        var key = SentThroughOutbox.Key();
        await SentThroughOutbox.EnqueueAsync(app, new OutgoingMessage(MessageChannel.Email, "lead@riverbend.test", "Escalation: concern C-3004",
            "Concern C-3004 was not picked up: https://kith.test/staff/concerns/C-3004", key));

        await SentThroughOutbox.RunDueAsync(app);

        var row = (await SentThroughOutbox.RowAsync(app, key))!;
        Assert.Null(row.CompletedAt);
        Assert.Null(row.FailedAt);
        Assert.Equal(1, row.Attempts);
        Assert.True(row.DueAt > row.CreatedAt, "a failed message is due again only after a backoff");
        Assert.StartsWith(nameof(MessageNotSentException) + ": Email:", row.LastError);
        Assert.DoesNotContain("lead@riverbend.test", row.LastError);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("lead@riverbend.test", StringComparison.Ordinal) || l.Contains("C-3004", StringComparison.Ordinal));
    }
}
