using Kith.Platform.Security;

namespace Kith.Insights.Stories;

/// <summary>Stories beside the numbers (issue 16, item 6; ADR 0051): shared with consent, moderated, shown to leaders.</summary>
internal static class StoriesRegistration
{
    public static IServiceCollection AddInsightsStories(this IServiceCollection services)
    {
        services.AddSecret("story-receipts", key => new StoryCode(key));
        services.AddScoped<Share.StoryIntake>();
        services.AddScoped<Withdraw.StoryWithdrawal>();
        services.AddScoped<Moderate.StoryModeration>();
        services.AddScoped<Beside.PublishedStories>();
        return services;
    }
}
