using System.Text;
using Kith.Platform.Messaging;

namespace Kith.Tests.Platform.Messaging;

/// <summary>An app in http SMS mode, pointed at a fake Twilio-compatible gateway.</summary>
public sealed class SmsApp : FakeCarrierApp
{
    public SmsApp() : this(new FakeSmsGateway()) { }

    private SmsApp(FakeSmsGateway gateway) : base(gateway,
        ("Kith:Messaging:Sms:Mode", "http"),
        ("Kith:Messaging:Sms:BaseUrl", gateway.BaseUrl),
        ("Kith:Messaging:Sms:AccountSid", "AC0123456789"),
        ("Kith:Messaging:Sms:AuthToken", "token-not-real"),
        ("Kith:Messaging:Sms:From", "+15555550100")) => Gateway = gateway;

    internal FakeSmsGateway Gateway { get; }
}

[Trait("Category", "Integration")]
public sealed class SmsGatewayTests(SmsApp app) : IClassFixture<SmsApp>
{
    [Fact]
    public async Task An_sms_is_posted_as_a_form_with_basic_auth_for_the_account()
    {
        app.Gateway.Status = 201;
        var key = SentThroughOutbox.Key();
        var body = $"Concern C-4001 needs a responder: https://kith.test/c/{key}";

        await SentThroughOutbox.EnqueueAsync(app, new OutgoingMessage(MessageChannel.Sms, "+15555550199", "ignored by SMS", body, key));
        await SentThroughOutbox.RunDueAsync(app);

        var sms = Assert.Single(app.Gateway.Received, s => s.Body == body);
        Assert.Equal("AC0123456789", sms.AccountSid);
        Assert.Equal("+15555550100", sms.From);
        Assert.Equal("+15555550199", sms.To);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC0123456789:token-not-real")), sms.Authorization);
        var row = (await SentThroughOutbox.RowAsync(app, key))!;
        Assert.NotNull(row.CompletedAt);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("+15555550199", StringComparison.Ordinal) || l.Contains("C-4001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gateway_error_leaves_the_message_to_be_retried()
    {
        app.Gateway.Status = 500;
        var key = SentThroughOutbox.Key();

        await SentThroughOutbox.EnqueueAsync(app, new OutgoingMessage(MessageChannel.Sms, "+15555550198", "", "Concern C-4002: https://kith.test/c/2", key));
        await SentThroughOutbox.RunDueAsync(app);

        var row = (await SentThroughOutbox.RowAsync(app, key))!;
        Assert.Null(row.CompletedAt);
        Assert.Equal(1, row.Attempts);
        Assert.Equal($"{nameof(MessageNotSentException)}: SMS: the gateway answered 500.", row.LastError);
        Assert.Contains(app.Gateway.Received, s => s.To == "+15555550198");
    }
}
