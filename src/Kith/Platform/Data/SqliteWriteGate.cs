using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kith.Platform.Data;

/// <summary>
/// SQLite takes one writer at a time, and Microsoft.Data.Sqlite waits for a busy lock by sleeping 150 ms between
/// tries: under concurrent submissions most of a request's time went to those sleeps, and the sleeping threads
/// starved the thread pool (bench/concerns). Writers of this process queue on an async gate instead, in order;
/// the driver's wait remains only for other processes (a `kith` command). Saves inside an explicit transaction
/// are not gated: their transaction took the lock when it began. PostgreSQL needs none of this.
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> holders = new();

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await Gate.WaitAsync(cancellationToken);
            holders.AddOrUpdate(context, this);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            Gate.Wait();
            holders.AddOrUpdate(context, this);
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    // A save that loses an optimistic-concurrency race (two people changing one account) ends in none of the
    // callbacks above: without this the gate stayed taken and every later write of the process waited for ever.
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    private void Release(DbContext? context)
    {
        if (context is not null && holders.Remove(context)) Gate.Release();
    }
}
