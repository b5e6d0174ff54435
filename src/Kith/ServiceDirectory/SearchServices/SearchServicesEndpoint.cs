using Kith.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kith.ServiceDirectory.SearchServices;

/// <summary><c>GET /api/directory/search</c>: the search behind Find help, for partner apps and kiosks. Anonymous, read-only.</summary>
internal static class SearchServicesEndpoint
{
    public static IEndpointRouteBuilder MapSearchServices(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/directory/search", Search)
            .AllowAnonymous()
            .RequireRateLimiting(PlatformModule.LookupRateLimit)
            .RequireCors(HsdsApi.HsdsApi.CorsPolicy)
            .WithTags("Directory")
            .WithName("SearchServices")
            .WithSummary("Finds services by words (typos, stems and synonyms in English, Spanish and Somali) and filters; pins crisis lines when the words signal risk.")
            .WithDescription("Parameters: q, category (term id or need code), language (ISO 639-1), lat+lon, radius_km, postcode, area (code, name or id), open_now, open_at (ISO 8601; local time when no offset), age, free, delivery (in-person,phone,text,video), accessibility (codes), has_capacity, page, per_page (max 100).");
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> Search(HttpContext http, ServiceSearch search,
        Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> T, CancellationToken ct)
    {
        try
        {
            var (response, errors) = await search.RunAsync(SearchRequest.From(http.Request.Query), ct);
            return response is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(response);
        }
        catch (TimeoutException)
        {
            // Only right after start-up, before this node has read the directory once (database unreachable).
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: T["The directory is not ready yet"],
                detail: T["Please try again in a minute. If you need help now, call or text 988."]);
        }
    }
}
