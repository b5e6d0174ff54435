using System.Text.Json;
using Kith.Platform.Outbox;
using Kith.Platform.Realtime;

namespace Kith.ServiceDirectory.Freshness;

/// <summary>
/// Tells the owning organisation's coordinators, on whatever screen they have open, that a record needs
/// verifying (admins when nobody owns it). The list page shows the count whether or not they were online.
/// </summary>
internal sealed class VerificationDueHandler(ILiveEvents live) : IOutboxHandler
{
    public const string EventType = "directory-verification-due";

    public string Topic => VerificationReminders.Topic;

    public async Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        var due = delivery.Read<VerificationDue>();
        var channel = due.KithOrganisationId is { } org ? "org:" + org : "role:" + Roles.Admin;
        await live.PublishAsync(new LiveEvent(channel, EventType, JsonSerializer.Serialize(new { serviceId = due.ServiceId })), ct);
        // Email and SMS reminders plug in here when the next module brings its delivery adapters (concerns):
        // look up the organisation's contact through ICommunityFacts and send, keyed on delivery.MessageId.
    }
}
