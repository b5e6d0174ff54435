using Kith.Lines.CheckIns;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Lines.Contracts;

/// <summary>
/// One check-in, as Insights may count it: nothing that identifies the member — the local day it was due, the line,
/// the score (if any), whether they replied or stayed silent (null while still awaited), and whether a person was asked to look.
/// </summary>
public sealed record CheckInFact(DateOnly Day, Guid LineId, int? Score, bool? Replied, bool QueueItem);

/// <summary>Per-check-in facts for Insights (issue 14, item 7).</summary>
public interface ICheckInFacts
{
    Task<IReadOnlyList<CheckInFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
}

internal sealed class CheckInFacts(KithDb db) : ICheckInFacts
{
    public async Task<IReadOnlyList<CheckInFact>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        // The due instant ±1 day covers every zone; the local day is then read in each line's own zone.
        var (start, end) = (from.AddDays(-1).ToDateTime(TimeOnly.MinValue), to.AddDays(2).ToDateTime(TimeOnly.MinValue));
        var rows = await db.LineCheckInSends.AsNoTracking()
            .Where(s => s.Kind == CheckInKinds.CheckIn && s.Status == "sent" && s.DueAt >= start && s.DueAt < end)
            .Join(db.Lines.AsNoTracking(), s => s.LineId, l => l.Id, (s, l) => new { s.DueAt, s.LineId, s.Score, s.RepliedAt, s.Silent, s.QueueConversationId, l.TimeZone })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => new CheckInFact(CheckInSchedule.LocalDate(r.DueAt, TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone)), r.LineId, r.Score,
                r.RepliedAt is not null ? true : r.Silent ? false : null, r.QueueConversationId is not null))
            .Where(f => f.Day >= from && f.Day <= to)
            .OrderBy(f => f.Day)];
    }
}
