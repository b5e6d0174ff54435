using Kith.Platform.Web;
using Kith.ServiceDirectory.HsdsApi;

namespace Kith.ServiceDirectory;

/// <summary>The community's asset map: HSDS 3.0 data, its API, search, and the pages built on them.</summary>
internal static class DirectoryModule
{
    /// <summary>This module's staff navigation (English texts are also the translation keys).</summary>
    internal static readonly NavigationEntry[] Navigation = [];

    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStaffNavigation(Navigation);
        services.AddHsdsApi();
        return builder;
    }

    public static WebApplication MapDirectory(this WebApplication app)
    {
        // After routing, so the open API's CORS policy (endpoint metadata) answers its preflights.
        app.UseCors();
        app.MapHsdsApi();
        return app;
    }
}
