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
        ConcernsSubmitted = meter.CreateCounter<long>("kith.concerns.submitted", description: "Concerns taken in, by tier and channel.");
        ConcernsEscalated = meter.CreateCounter<long>("kith.concerns.escalated", description: "Missed acknowledgement deadlines, by tier and the step paged next.");
    }

    public Counter<long> SignIns { get; }
    public Counter<long> OutboxDelivered { get; }
    public Counter<long> AuditEntries { get; }
    public Counter<long> ConcernsSubmitted { get; }
    public Counter<long> ConcernsEscalated { get; }

    public void Dispose() => meter.Dispose();
}
