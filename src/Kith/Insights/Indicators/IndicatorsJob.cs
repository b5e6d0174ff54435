using Kith.Platform.Jobs;

namespace Kith.Insights.Indicators;

/// <summary>Every fifteen minutes, on whichever node holds the lease: the recent days counted again from the modules' facts.</summary>
internal sealed class IndicatorsJob(IndicatorCounting counting) : IRecurringJob
{
    public string Name => "insights.indicators";
    public TimeSpan Interval => TimeSpan.FromMinutes(15);
    public Task RunAsync(CancellationToken ct) => counting.CountRecentAsync(ct);
}
