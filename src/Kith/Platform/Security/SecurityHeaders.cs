namespace Kith.Platform.Security;

/// <summary>
/// Headers on every response. Scripts only from our own origin (no inline script anywhere), no framing,
/// no referrer: a person's visit to a mental-health service must not leak to the next site they open.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly object PagePolicy = new();

    /// <summary>A page that cannot live with the default policy sets its own, for its response only (the API reference).</summary>
    public static void UsePolicy(HttpContext context, string policy) => context.Items[PagePolicy] = policy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = context.Items[PagePolicy] as string ?? ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Cross-Origin-Resource-Policy"] = "same-origin";
                // Geolocation only for our own pages: Find help's "Use my location" (opt-in, rounded to ~1 km in the browser).
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self), interest-cohort=()";
                // Staff pages and sign-in responses must not linger in shared or back-button caches.
                if (context.Request.Path.StartsWithSegments("/staff") || context.Request.Path.StartsWithSegments("/api"))
                    h.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
