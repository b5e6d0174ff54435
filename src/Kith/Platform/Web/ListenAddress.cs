namespace Kith.Platform.Web;

/// <summary>
/// Where Kestrel listens when the operator says nothing: http://localhost:5080. Kept out of appsettings.json, because
/// a value there outranks the standard variables every host sets (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, a
/// container's port), and Kith would quietly listen somewhere else than its operator asked.
/// </summary>
internal static class ListenAddress
{
    public const string Default = "http://localhost:5080";

    public static void UseDefaultWhenUnset(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (new[] { "urls", "http_ports", "https_ports" }.All(key => string.IsNullOrWhiteSpace(configuration[key]))
            && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
            builder.WebHost.UseUrls(Default);
    }
}
