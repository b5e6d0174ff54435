using Kith.Platform.Jobs;

namespace Kith.Tests.MultiNode;

/// <summary>
/// Two nodes of one deployment on one PostgreSQL and one hand-moved clock, both running the job runner — the set-up of
/// every "once, whichever node sees it" test. <see cref="RunBothAsync"/> also runs due work by hand on both at once.
/// </summary>
public abstract class TwoNodeDeployment(DateTimeOffset start) : IAsyncLifetime
{
    protected ManualTime Clock { get; } = new(start);
    protected KithApp A { get; private set; } = default!;
    protected KithApp B { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        A = new KithApp { Time = Clock, RunJobs = true };
        await ((IAsyncLifetime)A).InitializeAsync();
        B = new KithApp { SameDataAs = A, Time = Clock, RunJobs = true };
        await ((IAsyncLifetime)B).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (B is not null) await ((IAsyncLifetime)B).DisposeAsync();
        if (A is not null) await ((IAsyncLifetime)A).DisposeAsync();
    }

    protected Task RunBothAsync() => Task.WhenAll(RunDueAsync(A), RunDueAsync(B), RunDueAsync(A), RunDueAsync(B));

    protected static async Task RunDueAsync(KithApp node)
    {
        try
        {
            while (await node.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None) > 0) { }
        }
        catch (DbUpdateException)
        {
            // the other node's commit won this piece of work: exactly the refusal the design relies on
        }
    }

    /// <summary>Waits for <paramref name="expected"/>, then long enough for a duplicate to appear (both runners poll every 100 ms).</summary>
    protected static async Task SettleAsync<T>(Func<Task<T>> read, T expected)
    {
        for (var i = 0; i < 50 && !Equals(await read(), expected); i++) await Task.Delay(100);
        await Task.Delay(500);
        Assert.Equal(expected, await read());
    }
}
