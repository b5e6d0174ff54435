using Kith.Platform.Cli;

namespace Kith.Insights.Indicators;

/// <summary>
/// <c>kith insights rebuild</c>: every indicator counted again from the modules' facts since the first day Kith counts,
/// replacing what is stored (after a change of counting rules, or to catch a fact that changed after the recount window).
/// </summary>
internal static class RebuildCommand
{
    public static readonly OperatorCommand Command = new(["insights", "rebuild"], "insights rebuild",
        "count every indicator again from the modules' facts and replace the stored aggregates",
        async (app, _) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var values = await scope.ServiceProvider.GetRequiredService<IndicatorCounting>().RebuildAsync(CancellationToken.None);
            Console.WriteLine($"Counted {values} indicator values (one per indicator, area and day with anything to count).");
            return 0;
        });
}
