using Kith.Platform.Data;
using Kith.Platform.Jobs;
using Kith.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Kith.Platform.Web.Once;

/// <summary>
/// Removes slots past their lifetime and keys past their time, and forgets stored answers once they may no
/// longer be replayed: a result shown once does not outlive its window in the database.
/// </summary>
internal sealed class OncePurge(KithDb db, TimeProvider time) : IRecurringJob
{
    public string Name => "platform.once-purge";
    public TimeSpan Interval => TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.ShownOnce.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        await db.SentOnce.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        await db.SentOnce.Where(r => r.ReplayUntil <= now && r.Response != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Response, (string?)null), ct);
    }
}

internal static class OnceRegistration
{
    /// <summary>Results shown once after a redirect, and writes taken once per key (ADR 26).</summary>
    public static IServiceCollection AddOnce(this IServiceCollection services)
    {
        services.AddSecret("sent-once", key => new SentOnceSecret(key));
        services.AddScoped<ShownOnce>();
        services.AddScoped<SentOnce>();
        services.AddScoped<IRecurringJob, OncePurge>();
        return services;
    }
}
