using System.Security.Claims;
using System.Text.Json.Nodes;
using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.HsdsApi;

/// <summary>How much of an object a document carries.</summary>
internal enum Shape
{
    /// <summary>Only the object's own fields.</summary>
    Minimal,
    /// <summary>Own fields and its one-to-one parents (a service's organization and program): the list shape.</summary>
    List,
    /// <summary>Everything beneath it.</summary>
    Full,
}

/// <summary>
/// Builds HSDS 3.0 documents (as the compiled schemas nest them) from rows already loaded by
/// <see cref="HsdsRows"/>. Kith's extensions: a service's <c>capacities</c> (HSDS 3.1's shape) and a
/// <c>kith</c> object on services (<c>waitlist</c>) and locations (<c>confidential</c>).
/// A confidential location is written without where it is unless the reader may see addresses.
/// </summary>
internal sealed class HsdsDocuments(HsdsRows rows, ClaimsPrincipal user)
{
    public const string Extension = "kith";

    private static readonly HashSet<string> HiddenLocationFields =
        ["url", "alternate_name", "transportation", "latitude", "longitude", "external_identifier", "external_identifier_type"];

    public JsonObject Service(Service service, Shape shape, bool withServiceAtLocations = true)
    {
        var json = HsdsJson.Fields(service);
        json[Extension] = new JsonObject { ["waitlist"] = service.Waitlist };
        if (shape == Shape.Minimal) return json;
        if (rows.Find<DirectoryOrganization>(service.OrganizationId) is { } org) json["organization"] = HsdsJson.Fields(org);
        if (rows.Find<ServiceProgram>(service.ProgramId) is { } program) json["program"] = HsdsJson.Fields(program);
        if (shape == Shape.List) return json;

        var id = service.Id;
        json["phones"] = Array(rows.Children<Phone>(nameof(Domain.Phone.ServiceId), id).Select(Phone));
        json["schedules"] = Array(rows.Children<Schedule>(nameof(Schedule.ServiceId), id).Select(Plain));
        json["service_areas"] = Array(rows.Children<ServiceArea>(nameof(ServiceArea.ServiceId), id).Select(Plain));
        if (withServiceAtLocations)
            json["service_at_locations"] = Array(rows.Children<ServiceAtLocation>(nameof(Domain.ServiceAtLocation.ServiceId), id)
                .Select(s => ServiceAtLocation(s, Shape.Full, withService: false)));
        json["languages"] = Array(rows.Children<Language>(nameof(Language.ServiceId), id).Select(Plain));
        json["funding"] = Array(rows.Children<Funding>(nameof(Funding.ServiceId), id).Select(Plain));
        json["cost_options"] = Array(rows.Children<CostOption>(nameof(CostOption.ServiceId), id).Select(Plain));
        json["required_documents"] = Array(rows.Children<RequiredDocument>(nameof(RequiredDocument.ServiceId), id).Select(Plain));
        json["contacts"] = Array(rows.Children<Contact>(nameof(Domain.Contact.ServiceId), id).Select(Contact));
        json["capacities"] = Array(rows.Children<ServiceCapacity>(nameof(ServiceCapacity.ServiceId), id).Select(Capacity));
        AddAttributesAndMetadata(json, id);
        return json;
    }

    public JsonObject ServiceAtLocation(ServiceAtLocation sal, Shape shape, bool withService = true)
    {
        var json = HsdsJson.Fields(sal);
        var location = rows.Find<Location>(sal.LocationId);
        var service = rows.Find<Service>(sal.ServiceId);
        if (shape == Shape.Minimal) return json;
        if (shape == Shape.List)
        {
            if (location is not null) json["location"] = Location(location, Shape.Minimal);
            if (service is not null && withService) json["service"] = Service(service, Shape.Minimal);
            return json;
        }
        var id = sal.Id;
        json["contacts"] = Array(rows.Children<Contact>(nameof(Domain.Contact.ServiceAtLocationId), id).Select(Contact));
        json["phones"] = Array(rows.Children<Phone>(nameof(Domain.Phone.ServiceAtLocationId), id).Select(Phone));
        json["schedules"] = Array(rows.Children<Schedule>(nameof(Schedule.ServiceAtLocationId), id).Select(Plain));
        if (location is not null) json["location"] = Location(location, Shape.Full);
        AddAttributesAndMetadata(json, id);
        if (service is not null && withService) json["service"] = Service(service, Shape.Full, withServiceAtLocations: false);
        return json;
    }

    public JsonObject Location(Location location, Shape shape)
    {
        var owner = rows.Find<DirectoryOrganization>(location.OrganizationId)?.KithOrganisationId;
        var hidden = location.Confidential && !ConfidentialLocations.MaySeeAddresses(user, owner);
        var json = HsdsJson.Fields(location, hidden ? f => !HiddenLocationFields.Contains(f.Name) : null);
        json[Extension] = new JsonObject { ["confidential"] = location.Confidential };
        if (shape != Shape.Full) return json;
        var id = location.Id;
        json["languages"] = Array(rows.Children<Language>(nameof(Language.LocationId), id).Select(Plain));
        if (!hidden)
        {
            json["addresses"] = Array(rows.Children<Address>(nameof(Address.LocationId), id).Select(Plain));
            json["contacts"] = Array(rows.Children<Contact>(nameof(Domain.Contact.LocationId), id).Select(Contact));
        }
        json["accessibility"] = Array(rows.Children<Accessibility>(nameof(Accessibility.LocationId), id).Select(Plain));
        json["phones"] = Array(rows.Children<Phone>(nameof(Domain.Phone.LocationId), id).Select(Phone));
        json["schedules"] = Array(rows.Children<Schedule>(nameof(Schedule.LocationId), id).Select(Plain));
        // Metadata may hold a previous address; attributes may describe the place. Neither goes out when hidden.
        if (!hidden) AddAttributesAndMetadata(json, id);
        return json;
    }

    /// <summary>An organization; fully nested with its services (in <paramref name="services"/> shape) when <paramref name="full"/>.</summary>
    public JsonObject Organization(DirectoryOrganization org, bool full, Shape services)
    {
        var json = HsdsJson.Fields(org);
        if (!full) return json;
        var id = org.Id;
        json["funding"] = Array(rows.Children<Funding>(nameof(Funding.OrganizationId), id).Select(Plain));
        json["contacts"] = Array(rows.Children<Contact>(nameof(Domain.Contact.OrganizationId), id).Select(Contact));
        json["phones"] = Array(rows.Children<Phone>(nameof(Domain.Phone.OrganizationId), id).Select(Phone));
        json["locations"] = Array(rows.Children<Location>(nameof(Domain.Location.OrganizationId), id).Select(l => Location(l, Shape.Full)));
        json["programs"] = Array(rows.Children<ServiceProgram>(nameof(ServiceProgram.OrganizationId), id).Select(Plain));
        json["organization_identifiers"] = Array(rows.Children<OrganizationIdentifier>(nameof(OrganizationIdentifier.OrganizationId), id).Select(Plain));
        AddAttributesAndMetadata(json, id);
        json["services"] = Array(rows.Children<Service>(nameof(Domain.Service.OrganizationId), id)
            .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => Service(s, services)));
        return json;
    }

    public JsonObject Taxonomy(Taxonomy taxonomy) => Plain(taxonomy);

    public JsonObject TaxonomyTerm(TaxonomyTerm term)
    {
        var json = HsdsJson.Fields(term);
        if (rows.Find<Taxonomy>(term.TaxonomyId) is { } taxonomy) json["taxonomy_detail"] = Taxonomy(taxonomy);
        AddAttributesAndMetadata(json, term.Id, attributes: false);
        return json;
    }

    private JsonObject Phone(Phone phone)
    {
        var json = HsdsJson.Fields(phone);
        json["languages"] = Array(rows.Children<Language>(nameof(Language.PhoneId), phone.Id).Select(Plain));
        AddAttributesAndMetadata(json, phone.Id);
        return json;
    }

    private JsonObject Contact(Contact contact)
    {
        var json = HsdsJson.Fields(contact);
        json["phones"] = Array(rows.Children<Phone>(nameof(Domain.Phone.ContactId), contact.Id).Select(Phone));
        AddAttributesAndMetadata(json, contact.Id);
        return json;
    }

    private static JsonObject Capacity(ServiceCapacity c)
    {
        var json = new JsonObject { ["id"] = c.Id, ["service_id"] = c.ServiceId, ["unit"] = new JsonObject { ["name"] = c.Unit }, ["available"] = c.Available };
        if (c.Maximum is { } max) json["maximum"] = max;
        if (c.Description is { } description) json["description"] = description;
        json["updated"] = HsdsJson.Utc(c.Updated);
        return json;
    }

    private JsonObject Plain(object row)
    {
        var json = HsdsJson.Fields(row);
        AddAttributesAndMetadata(json, (string)json["id"]!);
        return json;
    }

    private void AddAttributesAndMetadata(JsonObject json, string id, bool attributes = true)
    {
        if (attributes && rows.Children<HsdsAttribute>(nameof(HsdsAttribute.LinkId), id).ToList() is { Count: > 0 } found)
            json["attributes"] = Array(found.Select(Attribute));
        if (rows.Children<MetadataEntry>(nameof(MetadataEntry.ResourceId), id).ToList() is { Count: > 0 } metadata)
            json["metadata"] = Array(metadata.Select(m => HsdsJson.Fields(m)));
    }

    private JsonObject Attribute(HsdsAttribute attribute)
    {
        var json = HsdsJson.Fields(attribute);
        if (rows.Find<TaxonomyTerm>(attribute.TaxonomyTermId) is { } term) json["taxonomy_term"] = TaxonomyTerm(term);
        AddAttributesAndMetadata(json, attribute.Id, attributes: false);
        return json;
    }

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);
}
