namespace Kith.Platform.Jobs;

/// <summary>A recurring job's schedule and lease, one row per job name, shared by every node.</summary>
internal sealed class ScheduledJob
{
    public required string Name { get; set; }
    public DateTime NextRunAt { get; set; }
    public string? LockedBy { get; set; }
    public Guid? LeaseToken { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? LastRunAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A job that runs on a fixed interval somewhere in the deployment (retention purge, spike detection…).</summary>
internal interface IRecurringJob
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task RunAsync(CancellationToken ct);
}

/// <summary>One execution of the diagnostic probe topic: proves every node takes work and none twice.</summary>
internal sealed class ProbeRun
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public required string NodeId { get; set; }
    public DateTime RanAt { get; set; }
}
