using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.HsdsApi;

/// <summary>
/// The HSDS service filters, combined with AND, evaluated by the database. <c>search</c> is a plain
/// case-insensitive substring match on the service's name, alternate name and description and its
/// organization's name (the ranked search is a separate endpoint).
/// </summary>
internal sealed record ServiceFilter(string? Search, string? OrganizationId, string? TaxonomyTermId, string? TaxonomyId, DateTime? ModifiedAfter)
{
    public static ServiceFilter Read(HsdsQuery query, string? search, string? organizationId, string? taxonomyTermId, string? taxonomyId, string? modifiedAfter) =>
        new(query.Text("search", search), query.Text("organization_id", organizationId), query.Text("taxonomy_term_id", taxonomyTermId),
            query.Text("taxonomy_id", taxonomyId), query.Moment("modified_after", modifiedAfter));

    public IQueryable<Service> Apply(KithDb db, bool withSearch = true)
    {
        IQueryable<Service> q = db.Services;
        if (withSearch && Search is not null) q = Matching(db, q, Search);
        if (OrganizationId is { } org) q = q.Where(s => s.OrganizationId == org);
        if (TaxonomyTermId is { } term) q = q.Where(s => db.HsdsAttributes.Any(a => a.LinkId == s.Id && a.TaxonomyTermId == term));
        if (TaxonomyId is { } taxonomy)
            q = q.Where(s => db.HsdsAttributes.Any(a => a.LinkId == s.Id
                && db.TaxonomyTerms.Any(t => t.Id == a.TaxonomyTermId && t.TaxonomyId == taxonomy)));
        if (ModifiedAfter is { } after) q = q.Where(s => s.LastModified >= after);
        return q;
    }

    public static IQueryable<Service> Matching(KithDb db, IQueryable<Service> q, string search)
    {
        var term = search.ToLowerInvariant();
        return q.Where(s => s.Name.ToLower().Contains(term)
            || (s.AlternateName != null && s.AlternateName.ToLower().Contains(term))
            || (s.Description != null && s.Description.ToLower().Contains(term))
            || db.DirectoryOrganizations.Any(o => o.Id == s.OrganizationId && o.Name.ToLower().Contains(term)));
    }
}
