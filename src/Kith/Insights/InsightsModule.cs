using Kith.Insights.Detection;
using Kith.Platform.Cli;

namespace Kith.Insights;

/// <summary>
/// What a county leader sees (issue 16). So far: spike detection as R surveillance defines it (EARS C1, C2, C3 and the CUSUM), with a
/// command anyone can run on a date,count series and compare with R (<see cref="DetectCommand"/>).
/// </summary>
internal static class InsightsModule
{
    public static WebApplicationBuilder AddInsights(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(DetectCommand.Command);
        return builder;
    }

    /// <summary>Every module maps its endpoints here; Insights has none yet (its command runs without the web host).</summary>
    public static WebApplication MapInsights(this WebApplication app) => app;
}
