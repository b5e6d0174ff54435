using Kith.Concerns.Domain;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.CaseWork;

/// <summary>Moves concerns through the deployment's status table and keeps the history: before, after, who and why.</summary>
internal sealed class StatusChanges(KithDb db)
{
    public async Task<StatusTable> TableAsync(CancellationToken ct) =>
        new(await db.CaseStatuses.AsNoTracking().ToListAsync(ct), await db.StatusTransitions.AsNoTracking().ToListAsync(ct));

    /// <summary>Applies the move to the tracked concern and adds the history row; the caller saves. Returns an error or null.</summary>
    public string? Move(StatusTable table, Concern concern, string to, string? byId, string? reason, DateTime now, bool anyway = false)
    {
        var previous = concern.Status;
        var error = table.Apply(concern, to, byId, now, anyway);
        if (error is not null) return error;
        db.ConcernStatusChanges.Add(new ConcernStatusChange
        {
            Id = Guid.CreateVersion7(now), ConcernId = concern.Id, At = now, PreviousStatus = previous, Status = to, ById = byId,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        });
        return null;
    }
}
