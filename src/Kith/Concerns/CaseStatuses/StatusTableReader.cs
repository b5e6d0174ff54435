using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.CaseStatuses;

/// <summary>Reads the status table for the page and the API: counts of concerns per status, fixed codes, warnings.</summary>
internal sealed class StatusTableReader(KithDb db)
{
    public async Task<StatusTableView> ReadAsync(CancellationToken ct)
    {
        var statuses = await db.CaseStatuses.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Code).ToListAsync(ct);
        var transitions = await db.StatusTransitions.AsNoTracking().ToListAsync(ct);
        var counts = await db.Concerns.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var fixedCodes = new HashSet<string>();
        foreach (var s in statuses)
            if (counts.ContainsKey(s.Code) || await EverUsedAsync(s.Code, ct)) fixedCodes.Add(s.Code);
        var names = statuses.ToDictionary(s => s.Code, s => s.Name);
        var order = statuses.Select((s, i) => (s.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return new StatusTableView(
            statuses.Select(s => new StatusView(s.Code, s.Name, s.Kind, s.Position, counts.GetValueOrDefault(s.Code), fixedCodes.Contains(s.Code))).ToList(),
            transitions.OrderBy(t => order.GetValueOrDefault(t.FromStatus)).ThenBy(t => order.GetValueOrDefault(t.ToStatus))
                .Select(t => new TransitionView(t.FromStatus, names.GetValueOrDefault(t.FromStatus, t.FromStatus), t.ToStatus,
                    names.GetValueOrDefault(t.ToStatus, t.ToStatus), t.AutomaticAfterDays)).ToList(),
            StatusTableRules.Unreachable(statuses, transitions));
    }

    /// <summary>Whether any concern is, or ever was, in the status: then its code is part of case histories and stays.</summary>
    public async Task<bool> EverUsedAsync(string code, CancellationToken ct) =>
        await db.Concerns.AnyAsync(c => c.Status == code, ct)
        || await db.ConcernStatusChanges.AnyAsync(c => c.Status == code || c.PreviousStatus == code, ct);
}
