using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kith.Platform;
using Kith.ServiceDirectory.Hsds;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.HsdsApi;

internal sealed record HsdsRoot(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("openapi_url")] string OpenApiUrl);

/// <summary>
/// The directory as an HSDS 3.0 API (Open Referral), open to anyone and any web page: read-only, rate
/// limited, CORS open for GET. Signed-in staff are still recognised (their cookie is read), so admins,
/// responders and the owning coordinators see confidential addresses that others do not.
/// </summary>
internal static class HsdsApi
{
    public const string CorsPolicy = "hsds-open";
    public const string Prefix = "/api/hsds";

    public static IServiceCollection AddHsdsApi(this IServiceCollection services) =>
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD", "OPTIONS").AllowAnyHeader()));

    public static IEndpointRouteBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).AllowAnonymous().RequireRateLimiting(PlatformModule.PublicRateLimit)
            .RequireCors(CorsPolicy).WithTags("HSDS");
        api.MapGet("/", Root).WithName("HsdsRoot").WithSummary("HSDS version, profile and OpenAPI document of this API.");
        api.MapGet("/profile", (HttpContext http) => TypedResults.Ok(HsdsProfile.Describe(Url(http, ""))))
            .WithName("HsdsProfile").WithSummary("Kith's HSDS profile: its extensions and how it reads the parameters.");
        api.MapServices();
        api.MapServiceAtLocations();
        api.MapOrganizations();
        api.MapTaxonomies();
        return app;
    }

    private static Ok<HsdsRoot> Root(HttpContext http) =>
        TypedResults.Ok(new HsdsRoot(HsdsSchema.Version, Url(http, "/profile"), $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/openapi/v1.json"));

    private static string Url(HttpContext http, string path) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}{path}";

    public static ProblemHttpResult NotFound(IStringLocalizer<SharedResource> T) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: T["Not found"], detail: T["Nothing in the directory has this id."]);

    /// <summary>The one document with this id, or a 404 problem.</summary>
    public static async Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> OneAsync(string id,
        Func<IReadOnlyList<string>, Task<IEnumerable<JsonObject>>> documents, IStringLocalizer<SharedResource> T)
    {
        var found = Plausible(id) ? (await documents([id])).ToList() : [];
        return found.Count == 1 ? TypedResults.Json(found[0]) : NotFound(T);
    }

    /// <summary>Ids too long or odd to be ours are simply not found (and never reach the database).</summary>
    public static bool Plausible(string id) => id.Length <= HsdsQuery.MaxText && !id.Any(c => char.IsControl(c) || char.IsSurrogate(c));
}
