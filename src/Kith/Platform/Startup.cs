using Kith.Community.Demo;
using Kith.Platform.Data;

namespace Kith.Platform;

internal static class Startup
{
    /// <summary>
    /// Embedded mode migrates on start and, on a brand-new database, seeds the Riverbend demo. On
    /// PostgreSQL, `kith migrate` is a deliberate deployment step (unless Kith:MigrateOnStart is set).
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        var configuration = app.Configuration;
        if (configuration.GetValue("Kith:MigrateOnStart", !database.IsPostgres))
            await app.Services.GetRequiredService<Migrator>().MigrateAsync();

        if (!database.IsPostgres && configuration.GetValue("Kith:DemoOnFirstStart", true))
        {
            using var scope = app.Services.CreateScope();
            var demo = scope.ServiceProvider.GetRequiredService<RiverbendDemo>();
            var credentials = await demo.SeedIfEmptyAsync(CancellationToken.None);
            if (credentials.Count > 0) RiverbendDemo.Print(credentials, Console.Out);
        }
    }
}
