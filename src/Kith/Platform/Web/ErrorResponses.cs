using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.Platform.Web;

/// <summary>
/// Every error answer has a body a person or program can use: problem details for the JSON API,
/// a page (with the crisis band) for everything else — never an empty response or a stack trace.
/// </summary>
internal static class ErrorResponses
{
    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
        // Some framework paths (e.g. a form the page endpoint cannot bind) set an error status and a
        // content type but write nothing; clear the type so the status-code pages above fill the body.
        return app.Use(async (http, next) =>
        {
            await next(http);
            if (!http.Response.HasStarted && http.Response.StatusCode >= 400 && http.Response.ContentLength is null or 0)
            {
                http.Response.ContentType = null;
                http.Response.ContentLength = null;
            }
        });
    }

    public static IEndpointRouteBuilder MapErrorPage(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/error/{status:int}", ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"], Render)
            .ExcludeFromDescription()
            .DisableAntiforgery()
            .AllowAnonymous();
        return app;
    }

    // IResult rather than RazorComponentResult<ErrorDocument>: the compile-time request delegate generator cannot see
    // types the Razor generator makes, so the endpoint's declared return type must not name a component.
    private static IResult Render(int status, HttpContext http)
    {
        // A re-executed request keeps the headers the failed page endpoint already set.
        http.Response.Headers.Remove("blazor-enhanced-nav");
        return new RazorComponentResult<ErrorDocument>(new { Status = status }) { StatusCode = status is >= 400 and < 600 ? status : 404 };
    }

    private static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi")
        || http.Request.Path.StartsWithSegments("/staff/events");
}
