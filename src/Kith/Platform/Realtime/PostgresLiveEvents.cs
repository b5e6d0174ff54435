using System.Text.Json;
using Kith.Platform.Data;
using Npgsql;

namespace Kith.Platform.Realtime;

/// <summary>
/// Several nodes: events go through PostgreSQL NOTIFY on one channel; every node LISTENs (see
/// <see cref="PostgresListener"/>) and delivers to its own subscribers — including the publisher's node.
/// </summary>
internal sealed class PostgresLiveEvents(DatabaseSettings database, LocalSubscribers local) : ILiveEvents
{
    public const string PgChannel = "kith_live";

    // A small pool of its own (a distinct connection string is a distinct pool): a nudge must never wait
    // behind, or starve, the requests' connections.
    private readonly string connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
    {
        ApplicationName = "kith-live", MaxPoolSize = 10,
    }.ConnectionString;

    public Task PublishAsync(LiveEvent e, CancellationToken ct = default) => PublishAsync([e], ct);

    public async Task PublishAsync(IReadOnlyCollection<LiveEvent> events, CancellationToken ct = default)
    {
        if (events.Count == 0) return;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var e in events)
        {
            var command = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = PgChannel });
            command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(e) });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    public IAsyncEnumerable<LiveEvent> SubscribeAsync(IReadOnlySet<string> channels, CancellationToken ct) =>
        local.SubscribeAsync(channels, ct);
}

/// <summary>Holds one LISTEN connection per node and reconnects when it drops.</summary>
internal sealed class PostgresListener(DatabaseSettings database, LocalSubscribers local, ILogger<PostgresListener> log) : BackgroundService
{
    public bool Listening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, n) =>
                {
                    try
                    {
                        var e = JsonSerializer.Deserialize<LiveEvent>(n.Payload);
                        if (e is not null) local.Deliver(e);
                    }
                    catch (JsonException) { log.LogWarning("Ignored a malformed live event"); }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresLiveEvents.PgChannel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                Listening = true;
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Listening = false;
                log.LogWarning("Live event listener lost its connection ({ErrorType}); reconnecting", e.GetType().Name);
                try { await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
