using Kith.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.Domain;

/// <summary>
/// Kith's own taxonomies and terms as HSDS rows. The editor's attributes point at these terms, so the rows must be
/// in every directory a staff member edits (not only one the demo seeded), or its export names terms it lacks and
/// will not import again.
/// </summary>
internal static class KithVocabularyRows
{
    public static IReadOnlyList<Taxonomy> Taxonomies { get; } =
    [
        new() { Id = KithVocabulary.NeedsTaxonomyId, Name = "Kith needs", Description = "What people look for help with: the categories of search and of gap analysis.", Version = "1" },
        new() { Id = KithVocabulary.DeliveryTaxonomyId, Name = "Kith delivery", Description = "How a service is delivered: in person, by phone, by text message or by video.", Version = "1" },
        new() { Id = KithVocabulary.AccessibilityTaxonomyId, Name = "Kith accessibility", Description = "Accessibility features of the places where services are delivered.", Version = "1" },
    ];

    public static IEnumerable<TaxonomyTerm> Terms() =>
        Terms(Taxonomies[0], KithVocabulary.Needs).Concat(Terms(Taxonomies[1], KithVocabulary.Delivery)).Concat(Terms(Taxonomies[2], KithVocabulary.AccessibilityFeatures));

    private static IEnumerable<TaxonomyTerm> Terms(Taxonomy taxonomy, IReadOnlyList<VocabularyTerm> terms) => terms.Select(term => new TaxonomyTerm
    {
        Id = term.Id, Code = term.Code, Name = term.Name, Description = term.Name, Taxonomy = taxonomy.Name, Language = "en", TaxonomyId = taxonomy.Id,
        ParentId = term.ParentCode is null ? null : KithVocabulary.NeedId(term.ParentCode),
    });

    /// <summary>Stages the rows the database lacks (the caller saves); rows already there are left as they are.</summary>
    public static async Task AddMissingAsync(KithDb db, CancellationToken ct)
    {
        var taxonomyIds = Taxonomies.Select(t => t.Id).ToList();
        var haveTaxonomies = await db.Taxonomies.Where(t => taxonomyIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        var terms = Terms().ToList();
        var termIds = terms.Select(t => t.Id).ToList();
        var haveTerms = await db.TaxonomyTerms.Where(t => termIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        db.Taxonomies.AddRange(Taxonomies.Where(t => !haveTaxonomies.Contains(t.Id)).Select(Copy));
        db.TaxonomyTerms.AddRange(terms.Where(t => !haveTerms.Contains(t.Id)));
    }

    // Tracked entities must be new instances: the list above is shared.
    private static Taxonomy Copy(Taxonomy t) => new() { Id = t.Id, Name = t.Name, Description = t.Description, Version = t.Version };
}
