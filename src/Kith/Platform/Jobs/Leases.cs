using System.Runtime.CompilerServices;
using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Jobs;

/// <summary>
/// Claims due work with a lease so that any number of nodes can poll the same tables and each item is
/// taken by one. PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so nodes never wait on each other's rows.
/// SQLite has a single writer, so the plain UPDATE … RETURNING is already atomic.
/// </summary>
internal sealed class Leases(KithDb db, DatabaseSettings database)
{
    private string SkipLocked => database.IsPostgres ? " FOR UPDATE SKIP LOCKED" : "";

    public async Task<IReadOnlyList<Guid>> ClaimOutboxAsync(string node, Guid token, DateTime now, DateTime until, int batch, CancellationToken ct) =>
        await db.Database.SqlQuery<Guid>(FormattableStringFactory.Create($$"""
            UPDATE platform_outbox SET locked_by = {0}, lease_token = {1}, locked_until = {2}, attempts = attempts + 1
            WHERE id IN (SELECT id FROM platform_outbox
                         WHERE completed_at IS NULL AND failed_at IS NULL AND due_at <= {3}
                           AND (locked_until IS NULL OR locked_until < {3})
                         ORDER BY due_at LIMIT {4}{{SkipLocked}})
            RETURNING id AS "Value"
            """, node, token, until, now, batch)).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> ClaimJobsAsync(string node, Guid token, DateTime now, DateTime until, CancellationToken ct) =>
        await db.Database.SqlQuery<string>(FormattableStringFactory.Create($$"""
            UPDATE platform_jobs SET locked_by = {0}, lease_token = {1}, locked_until = {2}
            WHERE name IN (SELECT name FROM platform_jobs
                           WHERE next_run_at <= {3} AND (locked_until IS NULL OR locked_until < {3}){{SkipLocked}})
            RETURNING name AS "Value"
            """, node, token, until, now)).ToListAsync(ct);
}
