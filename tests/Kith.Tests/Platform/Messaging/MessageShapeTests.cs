using Kith.Platform.Messaging;
using Kith.Platform.Outbox;

namespace Kith.Tests.Platform.Messaging;

public sealed class MessageShapeTests
{
    [Fact]
    public void The_message_id_follows_the_key_so_a_retry_repeats_it_and_another_notice_does_not()
    {
        var first = SmtpRelay.MessageId("concern:42:page:7", "riverbend.test");

        Assert.Equal(first, SmtpRelay.MessageId("concern:42:page:7", "riverbend.test"));
        Assert.NotEqual(first, SmtpRelay.MessageId("concern:42:page:8", "riverbend.test"));
        Assert.Matches("^<[0-9a-f]{32}@riverbend\\.test>$", first);
    }

    [Fact]
    public void A_queued_message_names_its_channel_so_reordering_the_enum_cannot_reroute_it()
    {
        var message = new OutgoingMessage(MessageChannel.Sms, "+15555550100", "", "Concern C-1", "k");

        var row = OutboxMessage.Create(Messages.Topic, message, DateTime.UtcNow);

        Assert.Contains("\"Channel\":\"Sms\"", row.Payload);
        Assert.Equal(message, new OutboxDelivery(row.Id, row.Topic, row.Payload, 1).Read<OutgoingMessage>());
    }
}
