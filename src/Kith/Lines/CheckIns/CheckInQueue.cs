using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.CheckIns;

/// <summary>
/// Puts a check-in in front of a person: a conversation on the member's line, waiting in the queue with a tier and the
/// rules that say why ("check-in.low-score", "check-in.no-reply", or the risk words), watched for rollover and paged as
/// any conversation of its tier. Everything is added to the caller's unit of work; who was paged comes back for the nudge.
/// </summary>
internal sealed class CheckInQueue(KithDb db, ConversationAlerts alerts, Escalation.Rollover rollover, TextsOut texts, MemberTexts member)
{
    public const string LowScore = "check-in.low-score";
    public const string NoReply = "check-in.no-reply";
    public const string Unclear = "check-in.read-by-a-person";

    public async Task<(Conversation Conversation, List<(Guid, string, IReadOnlyList<string>)> Alerted)> OpenAsync(
        CheckIn checkIn, CheckInSend send, LineTriage triage, DateTime now, CancellationToken ct)
    {
        var line = LineSetup.Of(await db.Lines.AsNoTracking().SingleAsync(l => l.Id == checkIn.LineId, ct));
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(now), Reference = "T-" + Platform.Security.PrivateCode.Grouped(Platform.Security.PrivateCode.Generate()[..8]),
            LineId = checkIn.LineId, Channel = "sms", Language = checkIn.Language, SenderHash = checkIn.SenderHash, SenderNumber = checkIn.Number,
            StartedAt = now, LastMessageAt = now, OptedOut = await texts.OptedOutAsync(checkIn.SenderHash, ct),
        };
        conversation.Raise(triage);
        db.LineConversations.Add(conversation);
        // What the member was asked, so the responder reads the answer (or the silence) in its place.
        db.LineMessages.Add(new Message
        {
            Id = Guid.CreateVersion7(send.SentAt ?? send.DueAt), ConversationId = conversation.Id, Direction = Message.Out,
            Text = member.In(checkIn.Language, MemberTexts.Question), At = send.SentAt ?? send.DueAt, DeliveryStatus = send.Status, StatusAt = send.SentAt,
        });
        send.QueueConversationId = conversation.Id;
        var alerted = new List<(Guid, string, IReadOnlyList<string>)>();
        if (conversation.IsRisk) await alerts.StartClockAsync(conversation, now, ct);
        await rollover.WatchAsync(conversation, now, ct);
        if (conversation.Tier == ConversationTiers.Imminent)
            alerted.Add((conversation.Id, ConversationAlerts.Imminent, await alerts.ImminentAsync(conversation, line, now, ct)));
        return (conversation, alerted);
    }
}
