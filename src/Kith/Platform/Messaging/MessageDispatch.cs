using Kith.Platform.Outbox;

namespace Kith.Platform.Messaging;

/// <summary>Runs <see cref="Messages.Topic"/> outbox rows: hands each message to the sender configured for its channel.</summary>
internal sealed class MessageDispatch(IServiceProvider services) : IOutboxHandler
{
    public string Topic => Messages.Topic;

    public Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        var message = delivery.Read<OutgoingMessage>();
        return services.GetRequiredKeyedService<IMessageSender>(message.Channel).SendAsync(message, ct);
    }
}
