namespace Kith.ServiceDirectory.Indexing;

/// <summary>
/// The node's current directory snapshot. Readers take <see cref="Current"/> once per request and use only
/// that, so a rebuild swapping in a new snapshot never mixes two directories in one answer.
/// </summary>
internal sealed class SearchSnapshots
{
    private readonly TaskCompletionSource<DirectorySnapshot> first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile DirectorySnapshot? current;

    public DirectorySnapshot? Current => current;

    public void Replace(DirectorySnapshot snapshot)
    {
        current = snapshot;
        first.TrySetResult(snapshot);
    }

    /// <summary>How long a request waits for the first build after start-up before it is told to come back.</summary>
    public static readonly TimeSpan FirstBuildWait = TimeSpan.FromSeconds(20);

    /// <summary>The snapshot, waiting for the first build after start-up; <see cref="TimeoutException"/> if the database never answers.</summary>
    public async ValueTask<DirectorySnapshot> GetAsync(CancellationToken ct) => current ?? await first.Task.WaitAsync(FirstBuildWait, ct);
}
