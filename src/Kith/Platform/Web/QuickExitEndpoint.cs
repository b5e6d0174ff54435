namespace Kith.Platform.Web;

/// <summary>
/// <c>GET /exit</c>, where the quick-exit button leads (ADR 32): a 303 to the deployment's neutral site that also asks
/// the browser to forget what Kith left on the device — its cookies (language, antiforgery, the shown-once slot), cache
/// and storage (<c>Clear-Site-Data</c>, honoured over HTTPS and on localhost) — and is itself never cached.
/// A plain link, so it works without JavaScript; with it, js/quick-exit.js replaces the history entry with this address.
/// </summary>
internal static class QuickExitEndpoint
{
    public const string Path = "/exit";
    public const string DefaultNeutralSite = "https://www.weather.gov/";

    public static string NeutralSite(IConfiguration configuration) => configuration["Kith:QuickExitUrl"] ?? DefaultNeutralSite;

    public static IEndpointRouteBuilder MapQuickExit(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, IConfiguration configuration) =>
        {
            http.Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer"; // the neutral site must not learn where the visitor came from
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = NeutralSite(configuration);
            return Task.CompletedTask;
        }).ExcludeFromDescription();
        return app;
    }
}
