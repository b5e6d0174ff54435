using System.Security.Claims;
using System.Text.Json.Nodes;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.HsdsApi;

/// <summary><c>/services</c> and <c>/services/{id}</c>.</summary>
internal static class ServicesEndpoints
{
    public static void MapServices(this RouteGroupBuilder api)
    {
        api.MapGet("/services", List).WithName("HsdsListServices")
            .WithSummary("Services, paged (per_page 1–1000, default 50) or as ndjson; filters combine with AND. minimal: own fields only; full: fully nested.");
        api.MapGet("/services/{id}", Get).WithName("HsdsGetService").WithSummary("One service, fully nested.");
    }

    private static async Task<Results<JsonHttpResult<JsonObject>, PushStreamHttpResult, ValidationProblem>> List(
        string? search, string? page, [FromQuery(Name = "per_page")] string? perPage, string? format,
        [FromQuery(Name = "taxonomy_term_id")] string? taxonomyTermId, [FromQuery(Name = "taxonomy_id")] string? taxonomyId,
        [FromQuery(Name = "organization_id")] string? organizationId, [FromQuery(Name = "modified_after")] string? modifiedAfter,
        string? minimal, string? full, KithDb db, ClaimsPrincipal user, IStringLocalizer<SharedResource> T, CancellationToken ct)
    {
        var query = new HsdsQuery(T);
        var paging = query.Paging(page, perPage, format);
        var filter = ServiceFilter.Read(query, search, organizationId, taxonomyTermId, taxonomyId, modifiedAfter);
        var shape = ReadShape(query, minimal, full, T);
        if (query.HasErrors) return query.Problem();

        var services = filter.Apply(db);
        return await HsdsPages.AnswerAsync(new HsdsList(
            services.CountAsync,
            (skip, take, c) => services.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip(skip).Take(take).Select(s => s.Id).ToListAsync(c),
            (ids, c) => DocumentsAsync(db, user, ids, shape, c)), paging, ct);
    }

    private static Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> Get(
        string id, KithDb db, ClaimsPrincipal user, IStringLocalizer<SharedResource> T, CancellationToken ct) =>
        HsdsApi.OneAsync(id, ids => DocumentsAsync(db, user, ids, Shape.Full, ct), T);

    /// <summary>Service documents for <paramref name="ids"/>, in that order (unknown ids are skipped).</summary>
    public static async Task<IEnumerable<JsonObject>> DocumentsAsync(KithDb db, ClaimsPrincipal user, IReadOnlyList<string> ids, Shape shape, CancellationToken ct)
    {
        var rows = new HsdsRows(db);
        if (shape == Shape.Minimal) await rows.LoadAsync<Service>(nameof(Service.Id), ids, ct);
        else await rows.LoadServicesAsync(ids, shape == Shape.Full, ct);
        var documents = new HsdsDocuments(rows, user);
        return ids.Select(rows.Find<Service>).OfType<Service>().Select(s => documents.Service(s, shape)).ToList();
    }

    private static Shape ReadShape(HsdsQuery query, string? minimal, string? full, IStringLocalizer<SharedResource> T)
    {
        var isMinimal = query.Bool("minimal", minimal);
        var isFull = query.Bool("full", full);
        if (isMinimal && isFull) query.Fail("minimal", T["{0} and {1} cannot be combined.", "minimal", "full"]);
        return isFull ? Shape.Full : isMinimal ? Shape.Minimal : Shape.List;
    }
}
