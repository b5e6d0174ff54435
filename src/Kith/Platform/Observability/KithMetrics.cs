using System.Diagnostics.Metrics;

namespace Kith.Platform.Observability;

/// <summary>Kith's own instruments. Labels carry routes, codes and module names — never people or content.</summary>
internal sealed class KithMetrics : IDisposable
{
    public const string MeterName = "Kith";
    private readonly Meter meter = new(MeterName);

    public KithMetrics()
    {
        SignIns = meter.CreateCounter<long>("kith.sign_ins", description: "Staff sign-in attempts by outcome.");
        OutboxDelivered = meter.CreateCounter<long>("kith.outbox.delivered", description: "Outbox messages handled, by topic and outcome.");
        AuditEntries = meter.CreateCounter<long>("kith.audit.entries", description: "Audit log entries written.");
    }

    public Counter<long> SignIns { get; }
    public Counter<long> OutboxDelivered { get; }
    public Counter<long> AuditEntries { get; }

    public void Dispose() => meter.Dispose();
}
