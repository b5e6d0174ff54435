using Kith.Platform.Security;
using Scalar.AspNetCore;

namespace Kith.Platform.Api;

/// <summary>
/// <c>/api/reference</c>: the OpenAPI document as a page a partner can read and try (Scalar). Its script and
/// styles come from the package, served by the app — no CDN, no web fonts. Scalar starts from one inline script,
/// so this page alone gets a per-request nonce for it, and inline styles (its components set them); every other
/// page keeps <see cref="SecurityHeaders.ContentSecurityPolicy"/>. The page holds no personal data.
/// </summary>
internal static class ApiReference
{
    public const string Path = "/api/reference";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, (options, http) =>
        {
            // Hex: nothing in it is changed by HTML encoding, so the tag's nonce is exactly the header's.
            var nonce = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            options.WithTitle("Kith API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .WithNonce(nonce);
            SecurityHeaders.UsePolicy(http, Policy(nonce));
        }).AllowAnonymous();
        return app;
    }

    private static string Policy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
