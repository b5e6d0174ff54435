using System.Text.Json.Serialization;

namespace Kith.Platform.Messaging;

/// <summary>Written by name into outbox payloads, so reordering the members cannot re-route a queued message.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageChannel>))]
internal enum MessageChannel { Email, Sms }

/// <summary>
/// A short notice to a staff member. Never carries case content (email/SMS are not private): only a reference and a link.
/// </summary>
/// <param name="To">An email address or a phone number in E.164 form, by channel.</param>
/// <param name="Subject">Email subject; SMS ignores it.</param>
/// <param name="IdempotencyKey">
/// Names this one notice, channel included (e.g. <c>concern:{id}:page:{responderId}:{n}:sms</c>): it is enqueued
/// and sent once, so the same key on an email and an SMS would send only the first. At most <see cref="Messages.MaxKeyLength"/> characters.
/// </param>
internal sealed record OutgoingMessage(MessageChannel Channel, string To, string Subject, string Body, string IdempotencyKey);

/// <summary>Hands a message to one channel's carrier. Throws when it is not accepted, so the outbox retries.</summary>
internal interface IMessageSender
{
    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>
/// A carrier refused or could not take a message. Its text names the channel and a status only — never a
/// recipient or body — because it becomes the outbox row's <c>LastError</c>.
/// </summary>
internal sealed class MessageNotSentException(string reason, Exception? inner = null) : Exception(reason, inner);
