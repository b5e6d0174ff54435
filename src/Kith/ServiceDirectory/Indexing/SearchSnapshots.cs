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

    /// <summary>The snapshot, waiting for the first build after start-up (bounded by the caller's token).</summary>
    public async ValueTask<DirectorySnapshot> GetAsync(CancellationToken ct) => current ?? await first.Task.WaitAsync(ct);
}
