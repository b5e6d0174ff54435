using System.Text.Json.Nodes;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kith.ServiceDirectory.HsdsApi;

/// <summary><c>/taxonomies</c>, <c>/taxonomy_terms</c> and one of each.</summary>
internal static class TaxonomiesEndpoints
{
    public static void MapTaxonomies(this RouteGroupBuilder api)
    {
        api.MapGet("/taxonomies", ListTaxonomies).WithName("HsdsListTaxonomies").WithSummary("Taxonomies, paged or as ndjson.");
        api.MapGet("/taxonomies/{id}", GetTaxonomy).WithName("HsdsGetTaxonomy").WithSummary("One taxonomy.");
        api.MapGet("/taxonomy_terms", ListTerms).WithName("HsdsListTaxonomyTerms")
            .WithSummary("Taxonomy terms, paged or as ndjson. top_only: terms without a parent; parent_id: the children of a term.");
        api.MapGet("/taxonomy_terms/{id}", GetTerm).WithName("HsdsGetTaxonomyTerm").WithSummary("One taxonomy term, with its taxonomy.");
    }

    private static async Task<Results<JsonHttpResult<JsonObject>, PushStreamHttpResult, ValidationProblem>> ListTaxonomies(
        string? search, string? page, [FromQuery(Name = "per_page")] string? perPage, string? format,
        KithDb db, IStringLocalizer<SharedResource> T, CancellationToken ct)
    {
        var query = new HsdsQuery(T);
        var paging = query.Paging(page, perPage, format);
        var text = query.Text("search", search)?.ToLowerInvariant();
        if (query.HasErrors) return query.Problem();
        IQueryable<Taxonomy> taxonomies = db.Taxonomies;
        if (text is not null) taxonomies = taxonomies.Where(t => t.Name.ToLower().Contains(text) || t.Description.ToLower().Contains(text));
        return await HsdsPages.AnswerAsync(new HsdsList(
            taxonomies.CountAsync,
            (skip, take, c) => taxonomies.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip(skip).Take(take).Select(t => t.Id).ToListAsync(c),
            (ids, c) => TaxonomyDocumentsAsync(db, ids, c)), paging, ct);
    }

    private static Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> GetTaxonomy(
        string id, KithDb db, IStringLocalizer<SharedResource> T, CancellationToken ct) =>
        HsdsApi.OneAsync(id, ids => TaxonomyDocumentsAsync(db, ids, ct), T);

    private static async Task<Results<JsonHttpResult<JsonObject>, PushStreamHttpResult, ValidationProblem>> ListTerms(
        string? search, string? page, [FromQuery(Name = "per_page")] string? perPage, string? format,
        [FromQuery(Name = "taxonomy_id")] string? taxonomyId, [FromQuery(Name = "top_only")] string? topOnly,
        [FromQuery(Name = "parent_id")] string? parentId, KithDb db, IStringLocalizer<SharedResource> T, CancellationToken ct)
    {
        var query = new HsdsQuery(T);
        var paging = query.Paging(page, perPage, format);
        var text = query.Text("search", search)?.ToLowerInvariant();
        var taxonomy = query.Text("taxonomy_id", taxonomyId);
        var top = query.Bool("top_only", topOnly);
        var parent = query.Text("parent_id", parentId);
        if (query.HasErrors) return query.Problem();
        IQueryable<TaxonomyTerm> terms = db.TaxonomyTerms;
        if (text is not null)
            terms = terms.Where(t => t.Name.ToLower().Contains(text) || t.Description.ToLower().Contains(text) || (t.Code != null && t.Code.ToLower().Contains(text)));
        if (taxonomy is not null) terms = terms.Where(t => t.TaxonomyId == taxonomy);
        if (top) terms = terms.Where(t => t.ParentId == null || t.ParentId == "");
        if (parent is not null) terms = terms.Where(t => t.ParentId == parent);
        return await HsdsPages.AnswerAsync(new HsdsList(
            terms.CountAsync,
            (skip, take, c) => terms.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip(skip).Take(take).Select(t => t.Id).ToListAsync(c),
            (ids, c) => TermDocumentsAsync(db, ids, c)), paging, ct);
    }

    private static Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> GetTerm(
        string id, KithDb db, IStringLocalizer<SharedResource> T, CancellationToken ct) =>
        HsdsApi.OneAsync(id, ids => TermDocumentsAsync(db, ids, ct), T);

    private static async Task<IEnumerable<JsonObject>> TaxonomyDocumentsAsync(KithDb db, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var rows = new HsdsRows(db);
        await rows.LoadAsync<Taxonomy>(nameof(Taxonomy.Id), ids, ct);
        await rows.LoadAttributesAndMetadataAsync(ct);
        var documents = new HsdsDocuments(rows, new());
        return ids.Select(rows.Find<Taxonomy>).OfType<Taxonomy>().Select(documents.Taxonomy).ToList();
    }

    private static async Task<IEnumerable<JsonObject>> TermDocumentsAsync(KithDb db, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var rows = new HsdsRows(db);
        await rows.LoadAsync<TaxonomyTerm>(nameof(TaxonomyTerm.Id), ids, ct);
        await rows.LoadAsync<Taxonomy>(nameof(Taxonomy.Id), rows.All<TaxonomyTerm>().Select(t => t.TaxonomyId), ct);
        await rows.LoadAttributesAndMetadataAsync(ct);
        var documents = new HsdsDocuments(rows, new());
        return ids.Select(rows.Find<TaxonomyTerm>).OfType<TaxonomyTerm>().Select(documents.TaxonomyTerm).ToList();
    }
}
