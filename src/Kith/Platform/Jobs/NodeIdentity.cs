namespace Kith.Platform.Jobs;

/// <summary>Names this process among the deployment's nodes, for leases and diagnostics.</summary>
internal sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}
