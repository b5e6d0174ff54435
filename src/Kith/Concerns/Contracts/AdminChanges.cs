using Kith.Platform.Audit;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Concerns.Contracts;

/// <summary>
/// Saves one administrative change to the routing set-up together with its audit entry (ids and codes only),
/// so a change is never made without the record of who made it.
/// </summary>
internal sealed class AdminChanges(KithDb db, AuditLog audit)
{
    public async Task<AdminResult> SaveAsync(string action, string? actorId, string subjectType, string subjectId, object? detail,
        CancellationToken ct, string? id = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins raced past the same check (a member added twice, a status deleted while in use); the database decided.
            db.ChangeTracker.Clear();
            return AdminResult.Conflict(new() { [""] = ["Someone else changed this at the same time. Reload the page and try again."] });
        }
        await audit.RecordAsync("concerns." + action, actorId, subjectType, subjectId, detail, ct);
        await transaction.CommitAsync(ct);
        return AdminResult.Saved(id ?? subjectId);
    }
}
