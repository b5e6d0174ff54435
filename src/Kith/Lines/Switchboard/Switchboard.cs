using System.Security.Claims;
using Kith.Lines.Domain;
using Kith.Lines.Queue;
using Kith.Lines.Routing;
using Kith.Platform.Audit;
using Kith.Platform.Data;
using Kith.Platform.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Switchboard;

internal sealed record SwitchRequest(Guid? ToLineId, int? Minutes, string? Reason);

internal sealed record SwitchView(Guid Id, Guid FromLineId, string FromLine, Guid ToLineId, string ToLine, string Reason, DateTime StartsAt, DateTime EndsAt);

/// <summary>What a switchboard change came to: the switch (or nothing), else a status and the field at fault.</summary>
internal sealed record SwitchResult(int Status, Guid? Id = null, string? Field = null, string? Message = null);

/// <summary>
/// The switchboard (Aselo's): an administrator or the lead of a team staffing a line sends its queue to another line
/// for a while, with the reason. Starting it moves every conversation waiting on the line to the target (waiting there
/// from now, watched for its wait limit there); while it lasts, a text opening a conversation on the line goes straight
/// to the target (<see cref="RedirectAsync"/>, called by <c>ReceiveText</c>). It ends at its time or by hand. Audited.
/// </summary>
internal sealed class Switchboard(KithDb db, Router router, Escalation.Rollover rollover, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 24 * 60;
    public const int MaxReason = 500;

    public async Task<SwitchResult> StartAsync(Guid fromLineId, SwitchRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (!await db.Lines.AnyAsync(l => l.Id == fromLineId, ct)) return new(StatusCodes.Status404NotFound, Message: "Not found");
        if (!await router.SupervisesAsync(user, fromLineId, ct))
            return new(StatusCodes.Status403Forbidden, Message: "Only an administrator or the lead of a team staffing the line may redirect its queue.");
        if (request.ToLineId is not { } to || to == fromLineId || !await db.Lines.AnyAsync(l => l.Id == to && l.Active, ct))
            return new(StatusCodes.Status400BadRequest, Field: "toLineId", Message: "Choose another active line.");
        if (request.Minutes is not (>= MinMinutes and <= MaxMinutes))
            return new(StatusCodes.Status400BadRequest, Field: "minutes", Message: $"From {MinMinutes} to {MaxMinutes} minutes.");
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReason || request.Reason.Any(char.IsControl))
            return new(StatusCodes.Status400BadRequest, Field: "reason", Message: $"Say why, in 1 to {MaxReason} characters on one line.");
        var now = time.GetUtcNow().UtcDateTime;
        var active = await db.LineSwitches.Where(s => s.EndedAt == null && s.EndsAt > now && s.StartsAt <= now).ToListAsync(ct);
        if (active.Any(s => s.FromLineId == fromLineId)) return new(StatusCodes.Status409Conflict, Field: "", Message: "This line's queue is already redirected: end that first.");
        // No chains or rings: a queue is sent to a line that answers it itself.
        if (active.Any(s => s.FromLineId == to || s.ToLineId == fromLineId))
            return new(StatusCodes.Status409Conflict, Field: "toLineId", Message: "That line's own queue is redirected, or this line takes another's: no chains.");

        var change = new LineSwitch
        {
            Id = Guid.CreateVersion7(now), FromLineId = fromLineId, ToLineId = to, Reason = request.Reason.Trim(), StartedBy = me,
            StartsAt = now, EndsAt = now.AddMinutes(request.Minutes.Value),
        };
        db.LineSwitches.Add(change);
        var moved = await db.LineConversations.Where(c => c.LineId == fromLineId && c.Status == ConversationStatuses.Waiting && c.TeamId == null).ToListAsync(ct);
        foreach (var conversation in moved)
        {
            (conversation.LineId, conversation.QueuedAt) = (to, now);
            conversation.Revision++;
            if (conversation.UnansweredAt is null) await rollover.WatchAsync(conversation, now, ct);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(StatusCodes.Status409Conflict, Field: "", Message: "The queue changed meanwhile. Try again.");
        }
        await audit.RecordAsync("lines.switchboard-started", me, "line", fromLineId.ToString(),
            new { to, minutes = request.Minutes, moved = moved.Count }, ct);
        await transaction.CommitAsync(ct);
        foreach (var conversation in moved) await live.PublishAsync(Conversations.ConversationNews.Event(conversation), ct);
        return new(StatusCodes.Status200OK, change.Id);
    }

    public async Task<SwitchResult> EndAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var change = await db.LineSwitches.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (change is null) return new(StatusCodes.Status404NotFound, Message: "Not found");
        if (!await router.SupervisesAsync(user, change.FromLineId, ct))
            return new(StatusCodes.Status403Forbidden, Message: "Only an administrator or the lead of a team staffing the line may end it.");
        if (!change.ActiveAt(now)) return new(StatusCodes.Status409Conflict, Field: "", Message: "It has already ended.");
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        (change.EndedAt, change.EndedBy) = (now, me);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("lines.switchboard-ended", me, "line", change.FromLineId.ToString(), new { change.ToLineId }, ct);
        await transaction.CommitAsync(ct);
        return new(StatusCodes.Status200OK, id);
    }

    /// <summary>The switches in force now.</summary>
    public async Task<List<SwitchView>> ActiveAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var names = await db.Lines.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var active = await db.LineSwitches.AsNoTracking().Where(s => s.EndedAt == null && s.StartsAt <= now && s.EndsAt > now).OrderBy(s => s.EndsAt).ToListAsync(ct);
        return [.. active.Select(s => new SwitchView(s.Id, s.FromLineId, names[s.FromLineId], s.ToLineId, names[s.ToLineId], s.Reason, s.StartsAt, s.EndsAt))];
    }

    /// <summary>A conversation just opened on a line whose queue is redirected now waits on the target instead (in the caller's unit of work).</summary>
    public async Task RedirectAsync(Conversation conversation, DateTime now, CancellationToken ct)
    {
        if (conversation.Status != ConversationStatuses.Waiting || conversation.UnansweredAt is not null) return;
        var to = await db.LineSwitches.AsNoTracking().Where(s => s.FromLineId == conversation.LineId && s.EndedAt == null && s.StartsAt <= now && s.EndsAt > now)
            .Select(s => (Guid?)s.ToLineId).FirstOrDefaultAsync(ct);
        if (to is { } target && await db.Lines.AnyAsync(l => l.Id == target && l.Active, ct)) conversation.LineId = target;
    }
}
