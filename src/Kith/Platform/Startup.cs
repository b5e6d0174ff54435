using Kith.Platform.Data;

namespace Kith.Platform;

internal static class Startup
{
    /// <summary>
    /// Embedded mode migrates on start; on PostgreSQL, `kith migrate` is a deliberate deployment step
    /// (unless Kith:MigrateOnStart is set). Modules add their own first-start work after this.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        if (app.Configuration.GetValue("Kith:MigrateOnStart", !database.IsPostgres))
            await app.Services.GetRequiredService<Migrator>().MigrateAsync();
    }
}
