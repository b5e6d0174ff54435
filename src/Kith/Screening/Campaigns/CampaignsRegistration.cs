using Kith.Platform.Web;
using Kith.Screening.Campaigns.Aggregates;
using Kith.Screening.Campaigns.Editing;

namespace Kith.Screening.Campaigns;

/// <summary>Screening campaigns: anonymous participation by link, aggregates with small cells hidden.</summary>
internal static class CampaignsRegistration
{
    internal static readonly NavigationEntry[] Navigation =
    [
        new("Campaigns", "Anonymous screening campaigns: a link and QR code for participants, results by group.", "/staff/screening/campaigns",
            [Roles.Coordinator, Roles.Admin], 25),
    ];

    public static WebApplicationBuilder AddCampaigns(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStaffNavigation(Navigation);
        services.AddOptions<CellSizeOptions>().Bind(builder.Configuration.GetSection(CellSizeOptions.Section))
            .Validate(o => o.MinimumCellSize >= CellSizeOptions.Floor,
                $"{CellSizeOptions.Section}:MinimumCellSize must be at least {CellSizeOptions.Floor} (default {Kith.Platform.Privacy.SmallCells.DefaultThreshold}).")
            .ValidateOnStart();
        services.AddScoped<CampaignEditor>();
        services.AddScoped<CampaignReader>();
        services.AddScoped<CampaignAggregates>();
        services.AddScoped<CampaignReleases>();
        services.AddScoped<Contracts.ICampaignResults, Contracts.CampaignResultsFromReleases>();
        services.AddScoped<Contracts.IScreeningFacts, Contracts.ScreeningFactsFromDatabase>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, Demo.RiverbendScreeningDemo>();
        return builder;
    }

    public static WebApplication MapCampaigns(this WebApplication app)
    {
        app.MapCampaignsApi();
        return app;
    }
}
