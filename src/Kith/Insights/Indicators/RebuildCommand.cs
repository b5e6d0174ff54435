using Kith.Platform.Cli;

namespace Kith.Insights.Indicators;

/// <summary>
/// <c>kith insights rebuild [--all]</c>: every indicator counted again from the modules' facts, replacing what is stored
/// (to catch a fact that changed after the job's recount window, or after a change of counting rules): the last 90 days
/// (<c>Kith:Insights:Indicators:RebuildDays</c>), whose facts retention has not purged; with <c>--all</c>, every day.
/// </summary>
internal static class RebuildCommand
{
    public static readonly OperatorCommand Command = new(["insights", "rebuild"], "insights rebuild [--all]",
        "count indicators again from the modules' facts (the last 90 days, or --all) and replace the stored aggregates",
        async (app, command) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var values = await scope.ServiceProvider.GetRequiredService<IndicatorCounting>().RebuildAsync(command.Options.Contains("all"), CancellationToken.None);
            Console.WriteLine($"Counted {values} indicator values (one per indicator, area and day with anything to count).");
            return 0;
        });
}
