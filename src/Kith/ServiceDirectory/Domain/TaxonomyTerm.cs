namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>taxonomy_term</c> (taxonomy_terms.csv): Each service can be categorized according to one or more taxonomy terms. The taxonomy_term object contains a list of taxonomy terms, their names, and, for hierarchical taxonomies, their structure.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class TaxonomyTerm
{
    /// <summary>The identifier for this taxonomy term. Each taxonomy term must have a unique identifier, within the scope of the dataset.</summary>
    public string Id { get; set; } = "";
    /// <summary>The term identfier as used in the taxonomy. This and the taxonomy_id combined define the term.</summary>
    public string? Code { get; set; }
    /// <summary>The taxonomy term itself.</summary>
    public string Name { get; set; } = "";
    /// <summary>A free text description of the term.</summary>
    public string Description { get; set; } = "";
    /// <summary>If this is a child term in a hierarchical taxonomy, give the identifier of the parent category. For top-level categories, this is not required.</summary>
    public string? ParentId { get; set; }
    /// <summary>If this is an established taxonomy, a free text description of which taxonomy is in use. If possible, provide a URI.</summary>
    public string? Taxonomy { get; set; }
    /// <summary>An ISO 639-1, or ISO 639-2 [language code](available at http://www.loc.gov/standards/iso639-2/php/code_list.php) to represent the language of the term. The three-letter codes from ISO 639-2 provide greater accuracy when describing variants of languages, which may be relevant to particular communities.</summary>
    public string? Language { get; set; }
    /// <summary>The identifier of the taxonomy containing the term.</summary>
    public string? TaxonomyId { get; set; }
    /// <summary>URI of the term.</summary>
    public string? TermUri { get; set; }
}
