using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Domain;

/// <summary>Marks the directory as changed. Call inside the transaction that makes the change, so the two commit together.</summary>
internal static class DirectoryChanges
{
    public static Task BumpRevisionAsync(this KithDb db, DateTime nowUtc, CancellationToken ct) =>
        db.DirectoryRevisions.Where(r => r.Id == DirectoryRevision.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Number, r => r.Number + 1).SetProperty(r => r.ChangedAt, nowUtc), ct);

    public static Task<long> RevisionAsync(this KithDb db, CancellationToken ct) =>
        db.DirectoryRevisions.Where(r => r.Id == DirectoryRevision.SingletonId).Select(r => r.Number).SingleAsync(ct);
}
