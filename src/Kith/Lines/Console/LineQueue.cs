using Kith.Lines.Domain;
using Kith.Lines.Escalation;
using Kith.Lines.Queue;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Console;

/// <summary>
/// A queue row: what a responder needs to press "help the next person" — never what anyone wrote. A waiting row
/// carries when its tier's wait limit on its line passes (<see cref="DueAt"/>: overdue after it); a row of your own
/// carries how many of the texter's messages came since you last read it.
/// </summary>
internal sealed record QueueRow(Guid Id, string Reference, string LineName, string Language, string Tier, bool OptedOut, DateTime Since,
    DateTime? DueAt = null, int Unread = 0)
{
    public bool OverdueAt(DateTime now) => DueAt is { } due && due <= now;
}

internal sealed record QueueView(IReadOnlyList<QueueRow> Waiting, IReadOnlyList<QueueRow> Mine, DateTime Now);

/// <summary>
/// The console's queue: the waiting conversations the responder may be given, in the order <see cref="HelpNext"/>
/// gives them (the same query), and the active ones in their hands. Ids, tiers and times only: no message text.
/// </summary>
internal sealed class LineQueue(KithDb db, HelpNext next, TimeProvider time)
{
    public const int Limit = 200;

    public async Task<QueueView> ForAsync(string userId, CancellationToken ct)
    {
        var lines = await next.StaffedLinesAsync(userId, ct);
        var waiting = await HelpNext.Waiting(db, lines).Take(Limit).ToListAsync(ct);
        var mine = await db.LineConversations.AsNoTracking()
            .Where(c => c.AssignedTo == userId && c.Status == ConversationStatuses.Active).OrderBy(c => c.AssignedAt)
            .Select(c => new
            {
                c.Id, c.Reference, c.LineId, c.Language, c.Tier, c.OptedOut, Since = c.AssignedAt ?? c.StartedAt,
                Unread = db.LineMessages.Count(m => m.ConversationId == c.Id && m.Direction == Message.In && (c.HolderReadAt == null || m.At > c.HolderReadAt)),
            }).ToListAsync(ct);
        var setups = (await db.Lines.AsNoTracking().ToListAsync(ct)).ToDictionary(l => l.Id, LineSetup.Of);
        return new(
            [.. waiting.Select(c => new QueueRow(c.Id, c.Reference, setups[c.LineId].Line.Name, c.Language, c.Tier, c.OptedOut, c.StartedAt,
                Rollover.DueAt(c, setups[c.LineId])))],
            [.. mine.Select(c => new QueueRow(c.Id, c.Reference, setups[c.LineId].Line.Name, c.Language, c.Tier, c.OptedOut, c.Since, Unread: c.Unread))],
            time.GetUtcNow().UtcDateTime);
    }
}
