using Kith.Platform.Jobs;
using Kith.Platform.Messaging;
using Kith.Platform.Outbox;

namespace Kith.Tests.Platform.Messaging;

/// <summary>What the messaging tests do to an app: enqueue the way a module does, and read the outbox row back.</summary>
internal static class SentThroughOutbox
{
    /// <summary>Enqueues inside a transaction alongside the caller's change, as a module does, and commits.</summary>
    public static async Task EnqueueAsync(KithApp app, params OutgoingMessage[] messages)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var message in messages) await Messages.EnqueueAsync(db, message, now, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public static async Task<OutboxMessage?> RowAsync(KithApp app, string idempotencyKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var key = Messages.OutboxKey(idempotencyKey);
        return await scope.ServiceProvider.GetRequiredService<KithDb>().Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.IdempotencyKey == key);
    }

    /// <summary>One poll of this node's runner (for apps that do not run jobs in the background).</summary>
    public static Task<int> RunDueAsync(KithApp app) =>
        app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None);

    public static string Key() => "test:" + Guid.NewGuid().ToString("N");
}
