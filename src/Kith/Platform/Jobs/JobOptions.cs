namespace Kith.Platform.Jobs;

internal sealed class JobOptions
{
    /// <summary>Whether this node runs background work at all (a node may be web-only).</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public int BatchSize { get; set; } = 20;
    public int MaxAttempts { get; set; } = 8;
}
