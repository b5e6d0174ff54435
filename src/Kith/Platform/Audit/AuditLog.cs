using System.Text.Json;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Audit;

/// <summary>Appends to the audit log. Scoped: it writes through the request's <see cref="KithDb"/>.</summary>
internal sealed class AuditLog(KithDb db, AuditChain chain, DatabaseSettings database, SqliteWriteGate writers, Observability.KithMetrics metrics, TimeProvider time)
{
    // Any fixed 64-bit number; only Kith takes this advisory lock.
    private const long ChainLock = 0x4B697468_41756474;

    /// <summary>
    /// Appends one entry. Joins the caller's transaction when there is one, so the audit row and the
    /// change it records commit together; otherwise commits on its own.
    /// </summary>
    public async Task RecordAsync(string action, string? actorId, string? subjectType = null, string? subjectId = null,
        object? detail = null, CancellationToken ct = default)
    {
        var owned = db.Database.CurrentTransaction is null;
        // On SQLite, queue with every other writer of this process (its own transaction bypasses the save gate).
        var gate = owned && !database.IsPostgres ? writers.Gate : null;
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            var transaction = owned ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                if (database.IsPostgres)
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
                var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id)
                    .Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
                var now = time.GetUtcNow().UtcDateTime;
                var entry = new AuditEntry
                {
                    Id = (last?.Id ?? 0) + 1,
                    // Whole microseconds: PostgreSQL keeps no finer, and the hash must cover exactly what is stored.
                    At = TruncateToMicroseconds(now),
                    ActorId = actorId,
                    Action = action,
                    SubjectType = subjectType,
                    SubjectId = subjectId,
                    Detail = detail is null ? null : JsonSerializer.Serialize(detail),
                    PreviousHash = last?.Hash ?? AuditChain.Genesis,
                    Hash = "",
                };
                entry.Hash = chain.HashOf(entry);
                db.AuditEntries.Add(entry);
                await db.SaveChangesAsync(ct);
                if (transaction is not null) await transaction.CommitAsync(ct);
                metrics.AuditEntries.Add(1, new KeyValuePair<string, object?>("action", action));
            }
            finally
            {
                if (transaction is not null) await transaction.DisposeAsync();
            }
        }
        finally
        {
            gate?.Release();
        }
    }

    private static DateTime TruncateToMicroseconds(DateTime t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMicrosecond));

    /// <summary>Checks the whole chain in batches; memory stays flat however long the log is.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var walk = new AuditChain.Walk(chain);
        long afterId = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Id > afterId)
                .OrderBy(e => e.Id).Take(5000).ToListAsync(ct);
            if (batch.Count == 0) return new(walk.Checked, walk.Head, null);
            foreach (var entry in batch)
            {
                var broken = walk.Next(entry);
                if (broken is not null) return new(walk.Checked, walk.Head, broken);
            }
            afterId = batch[^1].Id;
        }
    }
}

internal sealed record AuditVerification(long Entries, string HeadHash, AuditBreak? Break)
{
    public bool Intact => Break is null;
}
