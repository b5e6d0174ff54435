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
    public async Task<IReadOnlyList<Guid>> ClaimOutboxAsync(string node, Guid token, DateTime now, DateTime until, int batch, CancellationToken ct) =>
        database.IsPostgres
            ? await db.Database.SqlQuery<Guid>($"""
                UPDATE platform_outbox SET locked_by = {node}, lease_token = {token}, locked_until = {until}, attempts = attempts + 1
                WHERE id IN (SELECT id FROM platform_outbox
                             WHERE completed_at IS NULL AND failed_at IS NULL AND due_at <= {now}
                               AND (locked_until IS NULL OR locked_until < {now})
                             ORDER BY due_at LIMIT {batch} FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<Guid>($"""
                UPDATE platform_outbox SET locked_by = {node}, lease_token = {token}, locked_until = {until}, attempts = attempts + 1
                WHERE id IN (SELECT id FROM platform_outbox
                             WHERE completed_at IS NULL AND failed_at IS NULL AND due_at <= {now}
                               AND (locked_until IS NULL OR locked_until < {now})
                             ORDER BY due_at LIMIT {batch})
                RETURNING id AS "Value"
                """).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> ClaimJobsAsync(string node, Guid token, DateTime now, DateTime until, CancellationToken ct) =>
        database.IsPostgres
            ? await db.Database.SqlQuery<string>($"""
                UPDATE platform_jobs SET locked_by = {node}, lease_token = {token}, locked_until = {until}
                WHERE name IN (SELECT name FROM platform_jobs
                               WHERE next_run_at <= {now} AND (locked_until IS NULL OR locked_until < {now})
                               FOR UPDATE SKIP LOCKED)
                RETURNING name AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<string>($"""
                UPDATE platform_jobs SET locked_by = {node}, lease_token = {token}, locked_until = {until}
                WHERE name IN (SELECT name FROM platform_jobs
                               WHERE next_run_at <= {now} AND (locked_until IS NULL OR locked_until < {now}))
                RETURNING name AS "Value"
                """).ToListAsync(ct);
}
