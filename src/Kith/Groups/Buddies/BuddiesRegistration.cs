namespace Kith.Groups.Buddies;

internal static class BuddiesRegistration
{
    /// <summary>Peer buddies in groups (ADR 45): pairing, what buddies are told, and the nudge between sessions.</summary>
    public static IServiceCollection AddBuddies(this IServiceCollection services)
    {
        services.AddScoped<BuddyPairs>();
        services.AddScoped<BuddyNotices>();
        services.AddScoped<Kith.Platform.Jobs.IRecurringJob, BuddyNudges>();
        return services;
    }
}
