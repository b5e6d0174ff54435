using Kith.Lines.Conversations;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Contracts;

/// <summary>
/// Whether a number sent STOP to any line (and not START since): other modules that text people — group reminders,
/// a place that opened — send nothing to it, as the carrier would refuse anyway and the person asked for silence.
/// </summary>
internal interface ITextOptOuts
{
    Task<bool> IsOptedOutAsync(string number, CancellationToken ct);
}

internal sealed class TextOptOutsFromDatabase(KithDb db, SenderKey senders) : ITextOptOuts
{
    public async Task<bool> IsOptedOutAsync(string number, CancellationToken ct)
    {
        var hash = senders.Hash(number);
        return await db.LineOptOuts.AnyAsync(o => o.SenderHash == hash, ct);
    }
}

/// <summary>
/// A notice to someone by the route they chose (a text, an email, or nothing): never a text to a number that sent STOP
/// to any line, and every text says how to stop them. Enqueued in the caller's unit of work under a key that names the
/// notice, so it leaves once, only if the change commits.
/// </summary>
internal static class ChosenRoute
{
    public const string Sms = "sms", Email = "email", None = "none";

    public static async Task SendAsync(KithDb db, ITextOptOuts optOuts, string route, string? contact, string subject, string body, string key, DateTime now, CancellationToken ct)
    {
        if (contact is not { Length: > 0 } to) return;
        var channel = route switch
        {
            Sms => Kith.Platform.Messaging.MessageChannel.Sms,
            Email => Kith.Platform.Messaging.MessageChannel.Email,
            _ => (Kith.Platform.Messaging.MessageChannel?)null,
        };
        if (channel is null) return;
        if (channel == Kith.Platform.Messaging.MessageChannel.Sms && await optOuts.IsOptedOutAsync(to, ct)) return; // STOP is honoured everywhere
        if (channel == Kith.Platform.Messaging.MessageChannel.Sms) body += " Reply STOP to stop texts.";
        await Kith.Platform.Messaging.Messages.EnqueueAsync(db, new Kith.Platform.Messaging.OutgoingMessage(channel.Value, to, subject, body, key), now, ct);
    }
}
