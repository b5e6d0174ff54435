using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Kith.Platform.Localization;

/// <summary>The languages Kith ships. Adding one is a .resx file and a line here.</summary>
internal static class Cultures
{
    public static readonly IReadOnlyList<(string Code, string NativeName)> Supported =
    [
        ("en", "English"),
        ("es", "Español"),
        ("so", "Soomaali"),
    ];

    public const string CookieName = "kith-lang";

    public static bool IsSupported(string? code) => Supported.Any(s => s.Code == code);

    public static IApplicationBuilder UseKithLocalization(this IApplicationBuilder app)
    {
        var cultures = Supported.Select(s => new CultureInfo(s.Code)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        // The choice is remembered in a session cookie holding only the language code — the same value for
        // everyone who picks it, so it identifies nobody — and set only when the person picks a language
        // (ADR 0032). Otherwise the browser's language decides.
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
            new CookieRequestCultureProvider { CookieName = CookieName },
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return app.UseRequestLocalization(options);
    }

    /// <summary>
    /// <c>GET /language/{code}?returnUrl=…</c>: remembers the choice for this browser session and goes back. A plain
    /// link, so it works without JavaScript. No Expires or Max-Age: a cookie that outlives the session would tell
    /// whoever picks up the phone later that Kith was visited (ADR 0032).
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            if (!IsSupported(code))
                return Results.Problem(statusCode: 404, title: "Unknown language", detail: "Supported: " + string.Join(", ", Supported.Select(s => s.Code)));
            http.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
                new CookieOptions
                {
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>Only same-site paths: an open redirect here would let a link send a person anywhere.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl); // LocalRedirect refuses them (a 500), and a browser drops tabs: "/\t/evil" means "//evil"
}
