using System.Text.Json.Serialization;

namespace Kith.ServiceDirectory.HsdsApi;

internal sealed record HsdsExtension(
    [property: JsonPropertyName("property")] string Property,
    [property: JsonPropertyName("on")] string On,
    [property: JsonPropertyName("description")] string Description);

internal sealed record HsdsProfile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("hsds_version")] string HsdsVersion,
    [property: JsonPropertyName("api")] string Api,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("extensions")] IReadOnlyList<HsdsExtension> Extensions,
    [property: JsonPropertyName("rules")] IReadOnlyList<string> Rules)
{
    /// <summary>What the root's <c>profile</c> URL resolves to: the ways Kith's API differs from or adds to plain HSDS 3.0.</summary>
    public static HsdsProfile Describe(string api) => new(
        "Kith HSDS profile", Hsds.HsdsSchema.Version, api,
        "HSDS 3.0 with a few namespaced additions for a community mental-health directory. Every document validates against the "
        + "HSDS 3.0 compiled schemas; additions are extra properties, which those schemas allow.",
        [
            new("capacities", "service (fully nested)",
                "How much of the service is free now, in the shape of HSDS 3.1 service_capacity: "
                + "[{id, service_id, unit: {name}, available, maximum?, description?, updated}] (updated: ISO 8601 UTC)."),
            new("kith.waitlist", "service", "true when the service keeps a waiting list."),
            new("kith.confidential", "location",
                "true for a confidential location (a refuge, a safe house). Unless the reader is an administrator, a responder or a "
                + "coordinator of the owning organisation (signed in), it is served without addresses, latitude, longitude, "
                + "transportation, url, alternate_name, external identifiers, contacts, attributes and metadata; it keeps id, name, "
                + "description, location_type, organization_id, phones, languages, schedules and accessibility."),
        ],
        [
            "Lists are paged: page >= 1 (default 1), per_page 1-1000 (default 50). size is the number of items on the page; "
            + "total_pages is 0 when nothing matches; a page past the end is empty (empty: true). Order is stable: by name, then id.",
            "format=ndjson streams every match, one document per line, without paging (application/x-ndjson).",
            "Filters combine with AND. search is a case-insensitive substring match on names and descriptions (services: also "
            + "the organization's name; service_at_locations: also the location's name).",
            "services: minimal=true gives own fields only; the default adds organization and program; full=true nests everything. "
            + "minimal and full cannot be combined.",
            "taxonomy_term_id matches services with an attribute of that term; taxonomy_id matches services with an attribute of any term of that taxonomy.",
            "modified_after (ISO 8601; a bare date is midnight UTC) matches services whose last_modified is on or after it.",
            "service_at_locations: postcode matches a location's address (spaces and case ignored); proximity (metres, up to 200000, "
            + "needs postcode) instead matches locations within that distance of the centroid of the locations at that postcode. "
            + "Confidential locations the reader may not see never match either.",
            "taxonomy_terms: top_only=true gives terms without a parent; parent_id gives a term's children.",
            "organizations: full=true nests everything, with services' own fields; full_service=true nests the services fully too. "
            + "organizations/{id} is always fully nested.",
            "Bad parameters answer 400 with a problem detail whose errors name the parameter; unknown ids answer 404.",
        ]);
}
