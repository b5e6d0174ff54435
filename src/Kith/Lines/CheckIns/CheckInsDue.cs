using Kith.Lines.Conversations;
using Kith.Lines.Domain;
using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Kith.Platform.Outbox;
using Kith.Platform.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.CheckIns;

/// <summary>
/// Every minute, on whichever node holds the job's lease: check-ins left unanswered past their window go to the queue,
/// then every due text is made — once. Each due text is one row, unique by schedule, kind and due time, saved in the
/// same commit as the outbox message that sends it (its idempotency key is that same triple) and as the schedule's move
/// to its next due time (a concurrency token): a second node, or a second run after a lost lease, cannot make it again.
/// A due time missed while no node ran is not made up for later; the schedule moves on from now.
/// </summary>
internal sealed class CheckInsDue(KithDb db, TextsOut texts, CheckInQueue queue, ConversationAlerts alerts, ILiveEvents live,
    TimeProvider time, ILogger<CheckInsDue> log) : IRecurringJob
{
    public const string Topic = "lines.check-in-out";
    private const int Batch = 200;

    public string Name => "lines.check-ins-due";
    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await SilenceAsync(now, ct);
        var due = await db.LineCheckIns.Where(c => c.Status == CheckInStatuses.Active && c.NextDueAt != null && c.NextDueAt <= now)
            .OrderBy(c => c.NextDueAt).Select(c => c.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in due) await MakeAsync(id, now, ct);
    }

    /// <summary>Makes one schedule's due text (or records it skipped while opted out) and moves the schedule on.</summary>
    private async Task MakeAsync(Guid id, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var checkIn = await db.LineCheckIns.SingleAsync(c => c.Id == id, ct);
        if (checkIn is not { Status: CheckInStatuses.Active, NextDueAt: { } dueAt } || dueAt > now) return;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await db.Lines.Where(l => l.Id == checkIn.LineId).Select(l => l.TimeZone).SingleAsync(ct));
        // STOP holds: nothing is made for an opted-out number, and the due text is recorded as skipped, never sent later.
        var optedOut = await texts.OptedOutAsync(checkIn.SenderHash, ct);
        var send = New(checkIn, checkIn.Kind, dueAt, optedOut ? "skipped" : "pending", now);
        if (checkIn.Kind == CheckInKinds.CheckIn) send.ReplyBy = dueAt.AddHours(checkIn.ReplyWithinHours);
        db.LineCheckInSends.Add(send);
        if (!optedOut) db.Outbox.Add(OutboxMessage.Create(Topic, new CheckInOut(send.Id), now, idempotencyKey: Key(checkIn.Id, send.Kind, dueAt)));
        checkIn.NextDueAt = CheckInSchedule.Next(checkIn, zone, now > dueAt ? now : dueAt);
        checkIn.UpdatedAt = now;
        checkIn.Revision++;
        if (checkIn.NextDueAt is null && checkIn.Kind == CheckInKinds.Caring)
        {
            // The last caring contact is made: the schedule ends once it is sent (the dispatcher erases the number then).
            checkIn.Status = CheckInStatuses.Ended;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node (or a run after a lost lease) made it first, or the schedule changed meanwhile: theirs stands.
            log.LogInformation("Check-in {CheckInId} due text was already made or the schedule changed", id);
        }
    }

    /// <summary>A check-in not answered within its window: a person is asked to look (urgent when the last answer was low).</summary>
    private async Task SilenceAsync(DateTime now, CancellationToken ct)
    {
        var silent = await db.LineCheckInSends
            .Where(s => s.Status == "sent" && s.Kind == CheckInKinds.CheckIn && s.RepliedAt == null && !s.Silent && s.ReplyBy <= now)
            .OrderBy(s => s.ReplyBy).Select(s => s.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in silent)
        {
            db.ChangeTracker.Clear();
            var send = await db.LineCheckInSends.SingleAsync(s => s.Id == id, ct);
            var checkIn = await db.LineCheckIns.SingleAsync(c => c.Id == send.CheckInId, ct);
            send.Silent = true;
            checkIn.Revision++;
            Conversation? opened = null;
            List<(Guid, string, IReadOnlyList<string>)> alerted = [];
            // Paused or stopped since, or already talking with the line: nobody is chased for silence.
            var talking = await db.LineConversations.AnyAsync(c => c.LineId == checkIn.LineId && c.SenderHash == checkIn.SenderHash && c.ClosedAt == null, ct);
            if (checkIn.Status == CheckInStatuses.Active && !talking)
            {
                var tier = checkIn.LastScore < CheckInReply.LowestWithoutFollowUp ? ConversationTiers.Urgent : ConversationTiers.Routine;
                (opened, alerted) = await queue.OpenAsync(checkIn, send, new LineTriage(tier, [CheckInQueue.NoReply]), now, ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                continue; // an answer arrived at this moment, or another run took it
            }
            await PublishAsync(opened, alerted, ct);
        }
    }

    public async Task PublishAsync(Conversation? opened, List<(Guid Id, string Kind, IReadOnlyList<string> Paged)> alerted, CancellationToken ct)
    {
        foreach (var (id, kind, paged) in alerted) await alerts.NudgeAsync(id, kind, paged, ct);
        if (opened is not null)
            await live.PublishAsync(Conversations.ConversationNews.Event(opened), ct);
    }

    public static CheckInSend New(CheckIn checkIn, string kind, DateTime dueAt, string status, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now), CheckInId = checkIn.Id, LineId = checkIn.LineId, Kind = kind, DueAt = dueAt, Status = status,
    };

    public static string Key(Guid checkIn, string kind, DateTime dueAt) => $"lines:check-in:{checkIn:N}:{kind}:{dueAt.Ticks}";
}

/// <summary>The outbox payload: the due text's id only (the number stays encrypted in its table).</summary>
internal sealed record CheckInOut(Guid SendId);
