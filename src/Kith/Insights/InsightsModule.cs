using Kith.Insights.Detection;
using Kith.Insights.Dashboard;
using Kith.Platform.Cli;
using Kith.Platform.Web;

namespace Kith.Insights;

/// <summary>
/// What a county leader sees (issue 16). Indicators per area and day counted from the modules' facts (<see cref="Indicators.IndicatorCounting"/>); spike detection as R surveillance defines it (EARS C1, C2, C3 and the CUSUM), with a
/// command anyone can run on a date,count series and compare with R (<see cref="DetectCommand"/>).
/// </summary>
internal static class InsightsModule
{
    internal static readonly NavigationEntry[] Navigation =
    [
        new("Insights", "Distress, help-seeking and participation by area and week, with spikes and alerts.", "/staff/insights",
            [Roles.Leader, Roles.Coordinator, Roles.Admin], 40),
        new("Stories to moderate", "Stories people shared about their area, to de-identify and publish beside the numbers.", "/staff/insights/stories/moderate",
            [Roles.Coordinator, Roles.Admin], 41),
        new("Group evaluation", "Well-being before and after groups: the change, its 95% range and the count it rests on.", "/staff/insights/evaluation",
            [Roles.Leader, Roles.Coordinator, Roles.Admin], 42),
        new("Prevention value", "What prevention is worth, from assumptions everyone can see, with the working shown.", "/staff/insights/value",
            [Roles.Leader, Roles.Coordinator, Roles.Admin], 43),
    ];

    public static WebApplicationBuilder AddInsights(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStaffNavigation(Navigation);
        services.AddSingleton(DetectCommand.Command);
        services.AddSingleton(Indicators.RebuildCommand.Command);
        services.AddOptions<Indicators.IndicatorOptions>().Bind(builder.Configuration.GetSection("Kith:Insights:Indicators"));
        services.AddScoped<Indicators.IndicatorCounting>();
        services.AddMemoryCache();
        services.AddOptions<Release.ReleaseOptions>().Bind(builder.Configuration.GetSection("Kith:Insights"));
        services.AddScoped<Release.IndicatorReleases>();
        services.AddOptions<Alerts.AlertOptions>().Bind(builder.Configuration.GetSection("Kith:Insights:Alerts"));
        services.AddScoped<Alerts.AlertDesk>();
        services.AddScoped<Kith.Platform.Jobs.IRecurringJob, Alerts.SpikeAlerts>();
        services.AddScoped<Indicators.IndicatorsJob>();
        services.AddScoped<Kith.Platform.Jobs.IRecurringJob>(s => s.GetRequiredService<Indicators.IndicatorsJob>());
        Stories.StoriesRegistration.AddInsightsStories(services);
        services.AddScoped<Evaluation.Evaluations>();
        services.AddScoped<Value.ValueDesk>();
        return builder;
    }

    /// <summary>The dashboards' CSV downloads (the pages themselves are Razor components, found by routing).</summary>
    public static WebApplication MapInsights(this WebApplication app)
    {
        app.MapInsightsCsv();
        Campaigns.CampaignGroupsCsv.MapCampaignGroupsCsv(app);
        Evaluation.EvaluationCsv.MapEvaluationCsv(app);
        return app;
    }
}
