using System.Data.Common;

namespace ConcernsBench;

/// <summary>One statement shape as pg_stat_statements saw it during the loaded window.</summary>
internal sealed record StatementUse(string Query, long Calls, double CallsPerConcern, double MeanMs, double TotalMs);

/// <summary>
/// PostgreSQL's own account of the loaded window (the bench cluster loads pg_stat_statements): which statements a
/// submission costs, how often, and how long the server spent in each — COMMIT's time is the wait for the WAL flush.
/// </summary>
internal static class Statements
{
    public static async Task ResetAsync(DbConnection db)
    {
        await RawInserts.ExecuteAsync(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await RawInserts.ExecuteAsync(db, "SELECT pg_stat_statements_reset()");
    }

    public static async Task<List<StatementUse>> TopAsync(DbConnection db, int concerns)
    {
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT regexp_replace(left(query, 160), '\s+', ' ', 'g'), calls, mean_exec_time, total_exec_time
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
            ORDER BY calls DESC, total_exec_time DESC
            """;
        var uses = new List<StatementUse>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var calls = reader.GetInt64(1);
            uses.Add(new StatementUse(reader.GetString(0), calls, concerns == 0 ? 0 : (double)calls / concerns, reader.GetDouble(2), reader.GetDouble(3)));
        }
        return uses;
    }
}
