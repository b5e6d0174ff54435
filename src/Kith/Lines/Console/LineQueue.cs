using Kith.Lines.Domain;
using Kith.Lines.Queue;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Console;

/// <summary>A queue row: what a responder needs to press "help the next person" — never what anyone wrote.</summary>
internal sealed record QueueRow(Guid Id, string Reference, string LineName, string Language, string Tier, bool OptedOut, DateTime Since);

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
        var waiting = await HelpNext.Waiting(db, lines).Take(Limit)
            .Select(c => new { c.Id, c.Reference, c.LineId, c.Language, c.Tier, c.OptedOut, Since = c.StartedAt }).ToListAsync(ct);
        var mine = await db.LineConversations.AsNoTracking()
            .Where(c => c.AssignedTo == userId && c.Status == ConversationStatuses.Active).OrderBy(c => c.AssignedAt)
            .Select(c => new { c.Id, c.Reference, c.LineId, c.Language, c.Tier, c.OptedOut, Since = c.AssignedAt ?? c.StartedAt }).ToListAsync(ct);
        var names = await db.Lines.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        return new(
            [.. waiting.Select(c => new QueueRow(c.Id, c.Reference, names[c.LineId], c.Language, c.Tier, c.OptedOut, c.Since))],
            [.. mine.Select(c => new QueueRow(c.Id, c.Reference, names[c.LineId], c.Language, c.Tier, c.OptedOut, c.Since))],
            time.GetUtcNow().UtcDateTime);
    }
}
