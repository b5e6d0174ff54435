namespace Kith.ServiceDirectory.Domain;

/// <summary>A term of one of Kith's own taxonomies: stable id, code, English name (also the translation key).</summary>
internal sealed record VocabularyTerm(string Id, string Code, string Name, string? ParentCode = null);

/// <summary>
/// The three small taxonomies Kith itself reads, published as ordinary HSDS taxonomies so any HSDS client
/// sees them: the needs people search by (also the gap analysis categories), how a service is delivered,
/// and accessibility features. A deployment may import any other taxonomy (e.g. 211 LA / AIRS) beside them;
/// services are linked to terms with HSDS attributes (<c>link_entity</c> "service" or "location").
/// </summary>
internal static class KithVocabulary
{
    public static readonly string NeedsTaxonomyId = StableId.For("taxonomy:kith-needs");
    public static readonly string DeliveryTaxonomyId = StableId.For("taxonomy:kith-delivery");
    public static readonly string AccessibilityTaxonomyId = StableId.For("taxonomy:kith-accessibility");

    /// <summary>Top-level needs are the categories of search and gap analysis; "crisis-line" marks pinned crisis lines.</summary>
    public static readonly IReadOnlyList<VocabularyTerm> Needs =
    [
        Need("crisis", "Crisis support"),
        Need("crisis-line", "Crisis and text lines (24/7)", "crisis"),
        Need("counselling", "Counselling and therapy"),
        Need("psychiatry", "Psychiatry and medication", "counselling"),
        Need("grief", "Grief and loss"),
        Need("peer-support", "Peer support and groups"),
        Need("substance-use", "Alcohol and drugs"),
        Need("abuse", "Safety from abuse"),
        Need("youth", "Children and young people"),
        Need("older-adults", "Older adults"),
        Need("veterans", "Veterans"),
        Need("farm-stress", "Farm and rural stress"),
        Need("wellbeing", "Wellbeing and connection"),
        Need("training", "Training and workshops"),
        Need("health", "Health care"),
        Need("food", "Food"),
        Need("housing", "Housing and shelter"),
        Need("childcare", "Childcare"),
        Need("transport", "Transport"),
    ];

    public static readonly IReadOnlyList<VocabularyTerm> Delivery =
    [
        Term("delivery", "in-person", "In person"),
        Term("delivery", "phone", "By phone"),
        Term("delivery", "text", "By text message"),
        Term("delivery", "video", "By video"),
    ];

    public static readonly IReadOnlyList<VocabularyTerm> AccessibilityFeatures =
    [
        Term("accessibility", "wheelchair", "Wheelchair accessible"),
        Term("accessibility", "step-free", "Step-free entrance"),
        Term("accessibility", "accessible-toilet", "Accessible toilet"),
        Term("accessibility", "hearing-loop", "Hearing loop"),
        Term("accessibility", "interpreter", "Interpreters available"),
        Term("accessibility", "sign-language", "Sign language"),
        Term("accessibility", "quiet-space", "Quiet space"),
        Term("accessibility", "large-print", "Large print"),
        Term("accessibility", "parking", "Accessible parking"),
    ];

    public static string NeedId(string code) => StableId.For("term:kith-needs:" + code);
    public static string DeliveryId(string code) => StableId.For("term:kith-delivery:" + code);
    public static string AccessibilityId(string code) => StableId.For("term:kith-accessibility:" + code);

    private static VocabularyTerm Need(string code, string name, string? parent = null) => new(NeedId(code), code, name, parent);
    private static VocabularyTerm Term(string taxonomy, string code, string name) => new(StableId.For($"term:kith-{taxonomy}:{code}"), code, name);
}
