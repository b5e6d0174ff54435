using Kith.Platform.Web;
using Kith.ServiceDirectory.Exchange;

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
        services.AddScoped<Kith.Platform.Demo.IDemoContent, Demo.RiverbendDirectoryDemo>();
        services.AddScoped<DirectoryImport>();
        services.AddScoped<DirectoryExport>();
        services.AddHttpClient(DirectoryImport.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5));
        DirectoryCommands.Register(services);
        return builder;
    }

    public static WebApplication MapDirectory(this WebApplication app)
    {
        return app;
    }
}
