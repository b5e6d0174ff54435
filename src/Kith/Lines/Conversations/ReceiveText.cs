using Kith.Lines.Domain;
using Kith.Platform.Data;
using Kith.Platform.Security;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Conversations;

/// <summary>A text as a channel adapter hands it in: the provider's id, the sender's and the line's numbers, and what was written.</summary>
internal sealed record InboundText(string ProviderId, string From, string To, string Body);

/// <summary>Who wrote, as their channel knows them: the channel, the keyed hash, and (SMS) the number a reply goes to.</summary>
internal sealed record Sender(string Channel, string Hash, string? Number);

/// <summary>
/// Takes one inbound message from any channel: finds the sender's open conversation on the line by keyed hash,
/// applies STOP/START/HELP (SMS only: carriers' rules), assesses the text with the shared risk lexicon (a later text can
/// only raise the tier), and returns the automatic answer (or null). Everything it changes commits at once; live
/// screens (and a web visitor's stream) hear of it after. Channels differ only in how they find the line and the sender.
/// </summary>
internal sealed class ReceiveText(KithDb db, SenderKey senders, TextsOut texts, CrisisText crisis, ConversationAlerts alerts, Escalation.Rollover rollover,
    CheckIns.CheckInAnswers checkIns, Blocks.SenderFlags flags, Switchboard.Switchboard switchboard, ConversationNews news, TimeProvider time,
    ILogger<ReceiveText> log)
{
    /// <summary>An SMS: the line by the number it was sent to, the sender by their number.</summary>
    public async Task<string?> ReceiveAsync(InboundText text, CancellationToken ct)
    {
        var from = SenderKey.Normalize(text.From);
        if (from.Length is < 3 or > 20) return null; // no sender to answer or recognise: nothing to keep
        // A provider may deliver a webhook twice: the first one counted.
        if (text.ProviderId.Length > 0 && await db.LineMessages.AnyAsync(m => m.ProviderId == text.ProviderId && m.Direction == Message.In, ct))
            return null;
        var line = await FindLineAsync(text.To.Trim(), text.Body, ct);
        if (line is null)
        {
            // A number pointed at Kith that no line answers: a misconfiguration, but the texter may be in crisis.
            log.LogWarning("An inbound text came to a number that no active line answers; it was answered with the crisis numbers and not kept.");
            return crisis.In("en");
        }
        var sender = new Sender("sms", senders.Hash(from), from);
        var conversation = await db.LineConversations
            .Where(c => c.LineId == line.Id && c.SenderHash == sender.Hash && c.ClosedAt == null).OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync(ct);
        return (await ReceiveAsync(LineSetup.Of(line), sender, conversation, text.Body, text.ProviderId, null, Keywords.Of(text.Body), ct)).Reply;
    }

    /// <summary>
    /// A web-chat message (no keywords: STOP there is words for a person): into the visitor's open conversation begun on
    /// this line (it may have rolled over since), or a new one in the visitor's language when the line speaks it.
    /// </summary>
    public async Task<Conversation> ReceiveWebAsync(LineSetup setup, string senderHash, string body, string language, CancellationToken ct)
    {
        var id = setup.Line.Id;
        var conversation = await db.LineConversations
            .Where(c => c.SenderHash == senderHash && c.Channel == WebChat.ChatEvents.Web && c.ClosedAt == null && c.LeftAt == null
                && (c.LineId == id || c.RolledFromLineId == id))
            .OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync(ct);
        var sender = new Sender(WebChat.ChatEvents.Web, senderHash, null);
        return (await ReceiveAsync(setup, sender, conversation, body, "", language, Keyword.None, ct)).Conversation!;
    }

    private async Task<(Conversation? Conversation, string? Reply)> ReceiveAsync(LineSetup setup, Sender sender, Conversation? conversation,
        string body, string providerId, string? language, Keyword keyword, CancellationToken ct)
    {
        var hash = sender.Hash;
        var now = time.GetUtcNow().UtcDateTime;
        var alerted = new List<(Guid Id, string Kind, IReadOnlyList<string> Paged)>();
        var text = new InboundText(providerId, "", "", body);
        // A blocked sender's ordinary text: a short answer, nothing queued (words reading as imminent risk pass: ADR 37).
        // SMS only: a web visitor is a session cookie, and a new cookie is a new visitor — an abusive chat is closed as such.
        if (sender.Channel == "sms" && keyword == Keyword.None && conversation is null
            && await flags.TurnAwayAsync(hash, body, setup, ct) is { } away) return (null, await texts.AnswerAsync(hash, null, away, ct));

        string? reply;
        switch (keyword)
        {
            case Keyword.Stop:
                if (conversation is not null) Keep(conversation, text, now);
                alerted.AddRange(await OptOutAsync(hash, setup, now, ct));
                await checkIns.OptedOutAsync(hash, ct);
                reply = texts.Confirm(conversation, setup.Text("optOut", conversation?.Language));
                break;
            case Keyword.Start:
                if (conversation is not null) Keep(conversation, text, now);
                await OptInAsync(hash, ct);
                reply = await texts.AnswerAsync(hash, conversation, setup.Text("greeting", conversation?.Language), ct);
                break;
            case Keyword.None when sender.Channel == "sms" && await checkIns.AnswerAsync(setup, conversation, text.Body, hash, ct) is { } answer:
                // An answer to a check-in, or YES to a schedule (ADR 38): kept where a person will read it, if anywhere.
                conversation = answer.Conversation;
                if (conversation is not null) Keep(conversation, text, now);
                alerted.AddRange(answer.Alerted);
                reply = await texts.AnswerAsync(hash, conversation, answer.Reply, ct);
                break;
            default:
                var isNew = conversation is null;
                (conversation, reply, var raised) = await TakeAsync(conversation, setup, text, sender, language, keyword == Keyword.Help, alerted, now, ct);
                if (isNew) await switchboard.RedirectAsync(conversation, now, ct); // a supervisor sent this line's queue elsewhere for now
                // Moved at arrival (the line was closed): the backup line's teams are the ones to page.
                if (conversation.LineId != setup.Line.Id)
                    setup = LineSetup.Of(await db.Lines.AsNoTracking().SingleAsync(l => l.Id == conversation.LineId, ct));
                if (raised && conversation.IsRisk) await alerts.StartClockAsync(conversation, now, ct);
                if ((isNew || raised) && conversation is { Status: ConversationStatuses.Waiting, UnansweredAt: null })
                    await rollover.WatchAsync(conversation, now, ct);
                // An opted-out texter whose words now read as risk: nothing can be sent to them, so a person must decide.
                if (conversation.OptedOut && raised)
                    alerted.Add((conversation.Id, ConversationAlerts.OptedOutAtRisk, await alerts.OptedOutAtRiskAsync(conversation, setup, now, ct)));
                if (raised && conversation.Tier == ConversationTiers.Imminent)
                    alerted.Add((conversation.Id, ConversationAlerts.Imminent, await alerts.ImminentAsync(conversation, setup, now, ct)));
                break;
        }
        await db.SaveChangesAsync(ct);

        await texts.AnnounceAsync(ct);
        foreach (var (id, kind, paged) in alerted) await alerts.NudgeAsync(id, kind, paged, ct);
        if (conversation is not null)
            await news.ChangedAsync(conversation, ct);
        return (conversation, reply);
    }

    /// <summary>A message for a person (or HELP): into the sender's open conversation on this line, or a new one in the queue.</summary>
    private async Task<(Conversation, string?, bool Raised)> TakeAsync(Conversation? conversation, LineSetup setup, InboundText text, Sender sender,
        string? language, bool help, List<(Guid, string, IReadOnlyList<string>)> alerted, DateTime now, CancellationToken ct)
    {
        var hash = sender.Hash;
        var isNew = conversation is null;
        if (conversation is null)
        {
            conversation = new Conversation
            {
                Id = Guid.CreateVersion7(now), Reference = "T-" + PrivateCode.Grouped(PrivateCode.Generate()[..8]), LineId = setup.Line.Id,
                Channel = sender.Channel, Language = setup.LanguageFor(language), SenderHash = hash, StartedAt = now, LastMessageAt = now,
                OptedOut = await texts.OptedOutAsync(hash, ct),
            };
            db.LineConversations.Add(conversation);
        }
        conversation.SenderNumber ??= sender.Number;
        var wasRisk = conversation.IsRisk;
        var triage = LineTriage.Assess(text.Body, conversation.Language);
        if (help) triage = triage with { Rules = [.. triage.Rules, "keyword.help"] };
        var raised = conversation.Raise(triage);
        Keep(conversation, text, now);

        var open = setup.Hours.IsOpen(time.GetUtcNow());
        var unanswered = false;
        if (isNew && !open)
        {
            // Closed: the closed text in the texter's language, and the backup line's queue (or, when none can answer, the crisis numbers and a page).
            var (movedTo, paged) = await rollover.MoveOnAsync(conversation, setup, now, sendCrisisText: false, ct);
            if (movedTo is null)
            {
                unanswered = true;
                alerted.Add((conversation.Id, Escalation.Rollover.Unanswered, paged));
            }
        }
        var parts = new List<string>();
        if (help) parts.Add(setup.Text("help", conversation.Language));
        else if (isNew) parts.Add(setup.Text(open ? "greeting" : "closed", conversation.Language));
        // Risk read in the words, a plea for help, or no line to answer: the crisis numbers at once, whatever else happens next.
        if (help || (conversation.IsRisk && !wasRisk) || unanswered) parts.Add(crisis.In(conversation.Language));
        var reply = parts.Count == 0 ? null : await texts.AnswerAsync(hash, conversation, string.Join("\n\n", parts), ct);
        return (conversation, reply, raised);
    }

    private void Keep(Conversation conversation, InboundText text, DateTime now)
    {
        conversation.LastMessageAt = now;
        conversation.Revision++;
        var message = new Message
        {
            Id = Guid.CreateVersion7(now), ConversationId = conversation.Id, Direction = Message.In, Text = text.Body, At = now,
            ProviderId = text.ProviderId.Length is > 0 and <= 64 ? text.ProviderId : null, DeliveryStatus = "received", StatusAt = now,
        };
        db.LineMessages.Add(message);
        texts.Announce(conversation, message);
    }

    /// <summary>
    /// STOP: the number is opted out of every line. A conversation without a risk tier closes (and forgets the number);
    /// one with a risk tier stays in the queue with its tier, marked opted out, and the line's supervisors are alerted.
    /// </summary>
    private async Task<List<(Guid, string, IReadOnlyList<string>)>> OptOutAsync(string hash, LineSetup setup, DateTime now, CancellationToken ct)
    {
        if (!await db.LineOptOuts.AnyAsync(o => o.SenderHash == hash, ct)) db.LineOptOuts.Add(new OptOut { SenderHash = hash, At = now });
        var alerted = new List<(Guid, string, IReadOnlyList<string>)>();
        foreach (var open in await db.LineConversations.Where(c => c.SenderHash == hash && c.ClosedAt == null).ToListAsync(ct))
        {
            open.OptedOut = true;
            open.Revision++;
            if (open.IsRisk)
            {
                var line = open.LineId == setup.Line.Id ? setup : LineSetup.Of(await db.Lines.AsNoTracking().SingleAsync(l => l.Id == open.LineId, ct));
                alerted.Add((open.Id, ConversationAlerts.OptedOutAtRisk, await alerts.OptedOutAtRiskAsync(open, line, now, ct)));
                continue;
            }
            open.Status = ConversationStatuses.Closed;
            open.ClosedAt = now;
            open.Disposition = "opted-out";
            open.SenderNumber = null;
        }
        return alerted;
    }

    private async Task OptInAsync(string hash, CancellationToken ct)
    {
        db.LineOptOuts.RemoveRange(await db.LineOptOuts.Where(o => o.SenderHash == hash).ToListAsync(ct));
        foreach (var open in await db.LineConversations.Where(c => c.SenderHash == hash && c.ClosedAt == null).ToListAsync(ct))
        {
            open.OptedOut = false;
            open.Revision++;
        }
    }

    /// <summary>The active line answering <paramref name="to"/>; on a short code several lines share, the one whose keyword the text starts with.</summary>
    private async Task<Line?> FindLineAsync(string to, string body, CancellationToken ct)
    {
        var lines = await db.Lines.AsNoTracking().Where(l => l.Active && (l.SmsNumber == to || l.ShortCode == to)).ToListAsync(ct);
        if (lines.Count <= 1) return lines.FirstOrDefault();
        var first = body.Trim().Split(' ', 2)[0].ToUpperInvariant();
        return lines.FirstOrDefault(l => l.Keyword == first) ?? lines.FirstOrDefault(l => l.Keyword is null) ?? lines[0];
    }
}
