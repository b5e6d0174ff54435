using System.Security.Cryptography;
using ConcernsBench;
using Npgsql;

namespace LinesBench;

/// <summary>
/// The baseline: PostgreSQL's own rate for what one text minimally costs, one row shaped like <c>lines_messages</c>
/// (the text as large as Kith's encrypted text of a ~120-character message) inserted and committed by each client on its
/// own connection, back to back (<c>BEGIN</c>, <c>INSERT</c>, <c>COMMIT</c>), durable (fsync on).
/// </summary>
internal static class RawInserts
{
    public static async Task<LoopResult> RunAsync(string connectionString, int clients, TimeSpan warmUp, TimeSpan duration)
    {
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("""
                DROP TABLE IF EXISTS raw_messages;
                CREATE TABLE raw_messages (id uuid PRIMARY KEY, conversation_id uuid NOT NULL, direction varchar(3) NOT NULL, text text NOT NULL,
                    at timestamptz NOT NULL, author_id varchar(100), provider_id varchar(64), delivery_status varchar(30), status_at timestamptz);
                CREATE INDEX ix_raw_messages_conversation_at ON raw_messages (conversation_id, at);
                CREATE INDEX ix_raw_messages_provider_id ON raw_messages (provider_id);
                """, setup);
            await create.ExecuteNonQueryAsync();
        }
        var text = Convert.ToBase64String(RandomNumberGenerator.GetBytes(200));
        var connections = new NpgsqlConnection[clients];
        for (var i = 0; i < clients; i++)
        {
            connections[i] = new NpgsqlConnection(connectionString);
            await connections[i].OpenAsync();
        }
        try
        {
            return await ClosedLoop.RunAsync(clients, warmUp, duration, async i =>
            {
                var connection = connections[i];
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO raw_messages VALUES (@id, @conversation, 'in', @text, now(), NULL, @sid, NULL, NULL)", connection, transaction);
                insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
                insert.Parameters.AddWithValue("conversation", Guid.CreateVersion7());
                insert.Parameters.AddWithValue("text", text);
                insert.Parameters.AddWithValue("sid", "SM" + Guid.NewGuid().ToString("N"));
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                return (true, null);
            });
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
        }
    }
}
