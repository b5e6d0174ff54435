using System.Security.Claims;
using System.Text.Json;
using Kith.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Community.Areas;

internal sealed record AreaSummary(Guid Id, string Code, string Name, int Population, double CentroidLatitude, double CentroidLongitude);

internal sealed record AreaProperties(string Code, string Name, string? Description, int Population, double CentroidLatitude, double CentroidLongitude, DateTime UpdatedAt);

/// <summary>One area as a GeoJSON Feature (RFC 7946) with its stored boundary.</summary>
internal sealed record AreaFeature(string Type, Guid Id, JsonElement Geometry, AreaProperties Properties);

internal sealed record AreaImportResponse(int Created, int Updated);

/// <summary>The areas API: staff read; admins import a GeoJSON FeatureCollection, all or nothing.</summary>
internal static class AreasApi
{
    public const string ProblemsField = "geojson";

    private const string ExampleCollection = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"old-town","name":"Old Town","population":12000},
        "geometry":{"type":"Polygon","coordinates":[[[-70.0,44.0],[-69.99,44.0],[-69.99,44.01],[-70.0,44.01],[-70.0,44.0]]]}}]}
        """;

    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/areas").RequireAuthorization(StaffPolicies.Staff).WithTags("Areas");
        api.MapGet("/", List).WithName("ListAreas").WithSummary("Lists every area with its population and centroid.");
        api.MapGet("/{id:guid}", Get).WithName("GetArea").WithSummary("One area as a GeoJSON Feature with its boundary.");
        api.MapPost("/import", Import).RequireAuthorization(StaffPolicies.Admin)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AreaImport.MaxBytes))
            .WithName("ImportAreas").WithSummary("Creates or updates areas from a GeoJSON FeatureCollection; any problem changes nothing.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The body is free GeoJSON (no schema to build an example from): show one small area.
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                    body.Example = System.Text.Json.Nodes.JsonNode.Parse(ExampleCollection);
                return Task.CompletedTask;
            });
        return app;
    }

    public static IQueryable<AreaSummary> Summaries(KithDb db) =>
        db.Areas.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new AreaSummary(a.Id, a.Code, a.Name, a.Population, a.CentroidLatitude, a.CentroidLongitude));

    private static async Task<Ok<List<AreaSummary>>> List(KithDb db, CancellationToken ct) =>
        TypedResults.Ok(await Summaries(db).ToListAsync(ct));

    private static async Task<Results<Ok<AreaFeature>, NotFound>> Get(Guid id, KithDb db, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Id, a.BoundaryGeoJson, Properties = new AreaProperties(a.Code, a.Name, a.Description, a.Population, a.CentroidLatitude, a.CentroidLongitude, a.UpdatedAt) })
            .SingleOrDefaultAsync(ct);
        if (area is null) return TypedResults.NotFound();
        using var geometry = JsonDocument.Parse(area.BoundaryGeoJson);
        return TypedResults.Ok(new AreaFeature("Feature", area.Id, geometry.RootElement.Clone(), area.Properties));
    }

    private static async Task<Results<Ok<AreaImportResponse>, ValidationProblem>> Import(
        JsonElement body, AreaImport import, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await import.ImportAsync(body, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return result.Succeeded
            ? TypedResults.Ok(new AreaImportResponse(result.Created, result.Updated))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ProblemsField] = result.Problems.ToArray() },
                title: "The areas were not imported");
    }
}
