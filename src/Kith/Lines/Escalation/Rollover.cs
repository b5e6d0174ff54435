using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Data;
using Kith.Platform.Outbox;
using Kith.Responders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Escalation;

/// <summary>The outbox payload of a wait check: which conversation, on which line it was waiting when the check was set.</summary>
internal sealed record RolloverCheck(Guid ConversationId, Guid LineId);

/// <summary>
/// Nobody is dropped (issue 14, part 5). A conversation that waits on its line longer than the line's limit for its
/// tier, or arrives while the line is closed, moves to the line's backup line (noting from where and when; its
/// language is kept). When no backup can answer — none, inactive, closed too, already tried, or nobody on its teams to
/// page — the texter gets the crisis numbers in their language (through <see cref="TextsOut"/>, so a STOP holds) and
/// the conversation escalates as imminent risk does: the first step of the chain that has anybody, then on up.
/// Everything is added to the caller's unit of work; wait checks are outbox messages due at the limit, so exactly one
/// node acts on each, never a timer inside a request.
/// </summary>
internal sealed class Rollover(KithDb db, IPaging paging, TextsOut texts, CrisisText crisis)
{
    public const string Topic = "lines.rollover";
    public const string Unanswered = "unanswered";

    /// <summary>Checks the conversation when its tier's wait limit on its present line passes (one check per line and tier).</summary>
    public async Task WatchAsync(Conversation conversation, DateTime now, CancellationToken ct)
    {
        // One check per stay on a line and tier: a first text that is both new and at risk asks twice in one unit of work.
        var key = $"lines-rollover:{conversation.Id:N}:{conversation.LineId:N}:{conversation.WaitingSince.Ticks}:{conversation.Tier}";
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.IdempotencyKey == key)) return;
        // Requeued twice within one clock tick (a transfer, then another): the check already set covers this stay.
        if (await db.Outbox.AnyAsync(m => m.IdempotencyKey == key, ct)) return;
        var line = LineSetup.Of(await db.Lines.AsNoTracking().SingleAsync(l => l.Id == conversation.LineId, ct));
        db.Outbox.Add(OutboxMessage.Create(Topic, new RolloverCheck(conversation.Id, conversation.LineId), now, DueAt(conversation, line), idempotencyKey: key));
    }

    public static DateTime DueAt(Conversation conversation, LineSetup line) => conversation.WaitingSince.AddSeconds(conversation.Tier switch
    {
        ConversationTiers.Imminent => line.MaxWait.Imminent,
        ConversationTiers.Urgent => line.MaxWait.Urgent,
        _ => line.MaxWait.Routine,
    });

    /// <summary>
    /// Moves the conversation to its line's backup when one can answer now (and watches it there); otherwise marks it
    /// unanswered and pages. With <paramref name="sendCrisisText"/> false the caller carries the crisis numbers itself
    /// (the answer to the webhook). Returns the line it moved to (null: nobody could answer) and who was paged.
    /// </summary>
    public async Task<(Line? MovedTo, IReadOnlyList<string> Paged)> MoveOnAsync(Conversation conversation, LineSetup from, DateTime now,
        bool sendCrisisText, CancellationToken ct)
    {
        if (await BackupAsync(conversation, from, now, ct) is { } backup)
        {
            conversation.RolledFromLineId = conversation.LineId;
            conversation.RolledOverAt = now;
            conversation.LineId = backup.Line.Id;
            conversation.TeamId = null; // a team a transfer named may not staff the backup: anyone there may take it
            conversation.Revision++;
            await WatchAsync(conversation, now, ct);
            return (backup.Line, []);
        }
        return (null, await NobodyCanAnswerAsync(conversation, from, now, sendCrisisText, ct));
    }

    private async Task<LineSetup?> BackupAsync(Conversation conversation, LineSetup from, DateTime now, CancellationToken ct)
    {
        // Never back to a line it already left: a ring of backups would pass the texter round without end.
        if (from.Line.BackupLineId is not { } id || id == conversation.LineId || id == conversation.RolledFromLineId) return null;
        var line = await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.Active, ct);
        if (line is null) return null;
        var backup = LineSetup.Of(line);
        if (!backup.Hours.IsOpen(new DateTimeOffset(now, TimeSpan.Zero))) return null;
        foreach (var team in backup.Teams)
            if ((await paging.ChainAsync(team, 0, now, ct)).Count > 0) return backup;
        return null;
    }

    private async Task<IReadOnlyList<string>> NobodyCanAnswerAsync(Conversation conversation, LineSetup line, DateTime now, bool sendCrisisText, CancellationToken ct)
    {
        if (conversation.AcknowledgeBy is not null) await paging.RetireDeadlinesAsync(ConversationAlerts.Kind, conversation.Id, Guid.CreateVersion7(now), now, ct);
        conversation.UnansweredAt = now;
        conversation.Revision++;
        if (sendCrisisText) await texts.SendAsync(conversation, crisis.In(conversation.Language), null, ct);

        // As an imminent concern: the first step that has anybody (no team, or nobody on it: the administrators).
        Guid? team = line.Teams.Count > 0 ? line.Teams[0] : null;
        var level = 0;
        var pagees = await paging.ChainAsync(team, level, now, ct);
        while (pagees.Count == 0 && level < LastLevel) pagees = await paging.ChainAsync(team, ++level, now, ct);
        var subject = ConversationAlerts.Of(conversation);
        conversation.EscalationLevel = level;
        conversation.AcknowledgeBy = paging.AcknowledgeBy(subject.Tier, now);
        if (level < LastLevel) paging.ScheduleDeadline(subject, level, conversation.AcknowledgeBy.Value, now);
        return await paging.PageAsync(subject, Unanswered, level, pagees, link => new PageText(
            $"Kith: no line could answer {conversation.Reference}",
            $"A texter on {conversation.Reference} waited and no line could answer them; they were sent the crisis numbers. Help them now: {link}"),
            now, ct);
    }

    /// <summary>Responders' last step (the administrators); see its escalation chain.</summary>
    private const int LastLevel = 3;
}
