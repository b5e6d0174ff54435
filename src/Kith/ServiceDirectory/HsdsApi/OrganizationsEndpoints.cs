using System.Security.Claims;
using System.Text.Json.Nodes;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.HsdsApi;

/// <summary><c>/organizations</c> and <c>/organizations/{id}</c>.</summary>
internal static class OrganizationsEndpoints
{
    public static void MapOrganizations(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations", List).WithName("HsdsListOrganizations")
            .WithSummary("Organizations, paged or as ndjson. full: fully nested, with their services (fully nested too with full_service).");
        api.MapGet("/organizations/{id}", Get).WithName("HsdsGetOrganization")
            .WithSummary("One organization, fully nested, with its services (own fields, or fully nested with full_service).");
    }

    private static async Task<Results<JsonHttpResult<JsonObject>, PushStreamHttpResult, ValidationProblem>> List(
        string? search, [FromQuery(Name = "full_service")] string? fullService, string? full, string? page,
        [FromQuery(Name = "per_page")] string? perPage, string? format,
        KithDb db, ClaimsPrincipal user, IStringLocalizer<SharedResource> T, CancellationToken ct)
    {
        var query = new HsdsQuery(T);
        var paging = query.Paging(page, perPage, format);
        var text = query.Text("search", search);
        var isFull = query.Bool("full", full);
        var withFullServices = query.Bool("full_service", fullService);
        if (query.HasErrors) return query.Problem();

        IQueryable<DirectoryOrganization> orgs = db.DirectoryOrganizations;
        if (text is not null)
        {
            var lower = text.ToLowerInvariant();
            orgs = orgs.Where(o => o.Name.ToLower().Contains(lower) || (o.AlternateName != null && o.AlternateName.ToLower().Contains(lower))
                || o.Description.ToLower().Contains(lower));
        }
        return await HsdsPages.AnswerAsync(new HsdsList(
            orgs.CountAsync,
            (skip, take, c) => orgs.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip(skip).Take(take).Select(o => o.Id).ToListAsync(c),
            (ids, c) => DocumentsAsync(db, user, ids, isFull || withFullServices, withFullServices, c)), paging, ct);
    }

    private static async Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult, ValidationProblem>> Get(
        string id, [FromQuery(Name = "full_service")] string? fullService,
        KithDb db, ClaimsPrincipal user, IStringLocalizer<SharedResource> T, CancellationToken ct)
    {
        var query = new HsdsQuery(T);
        var withFullServices = query.Bool("full_service", fullService);
        if (query.HasErrors) return query.Problem();
        return (await HsdsApi.OneAsync(id, ids => DocumentsAsync(db, user, ids, full: true, withFullServices, ct), T)).Result switch
        {
            JsonHttpResult<JsonObject> found => found,
            var problem => (ProblemHttpResult)problem,
        };
    }

    private static async Task<IEnumerable<JsonObject>> DocumentsAsync(KithDb db, ClaimsPrincipal user, IReadOnlyList<string> ids,
        bool full, bool fullServices, CancellationToken ct)
    {
        var rows = new HsdsRows(db);
        await rows.LoadOrganizationsAsync(ids, full, fullServices, ct);
        var documents = new HsdsDocuments(rows, user);
        return ids.Select(rows.Find<DirectoryOrganization>).OfType<DirectoryOrganization>()
            .Select(o => documents.Organization(o, full, fullServices ? Shape.Full : Shape.Minimal)).ToList();
    }
}
