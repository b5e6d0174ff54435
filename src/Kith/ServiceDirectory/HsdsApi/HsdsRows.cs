using System.Collections.Concurrent;
using System.Reflection;
using Kith.Platform.Data;
using Kith.ServiceDirectory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kith.ServiceDirectory.HsdsApi;

/// <summary>
/// The rows behind a page of nested HSDS documents, loaded set-wise: one query per (table, link) for
/// all the page's parents at once (<c>WHERE link IN (…)</c>, in chunks), grouped in memory — never a
/// query per child. A page of fully nested services costs a few dozen small queries, whatever its size.
/// </summary>
internal sealed class HsdsRows(KithDb db)
{
    // SQLite allows 32766 parameters, PostgreSQL 65535; chunks keep each query well inside both.
    private const int Chunk = 2000;
    private readonly Dictionary<Type, Dictionary<string, object>> rows = [];
    private readonly Dictionary<(Type, string), ILookup<string, object>> lookups = [];

    public IEnumerable<T> All<T>() => Table(typeof(T)).Values.Cast<T>();

    public T? Find<T>(string? id) where T : class =>
        id is not null && Table(typeof(T)).TryGetValue(id, out var row) ? (T)row : null;

    /// <summary>Rows of <typeparamref name="T"/> whose <paramref name="property"/> is <paramref name="parentId"/>, by id.</summary>
    public IEnumerable<T> Children<T>(string property, string parentId)
    {
        if (!lookups.TryGetValue((typeof(T), property), out var lookup))
        {
            var link = typeof(T).GetProperty(property)!;
            lookup = Table(typeof(T)).Values.Where(r => link.GetValue(r) is string).ToLookup(r => (string)link.GetValue(r)!);
            lookups[(typeof(T), property)] = lookup;
        }
        return lookup[parentId].Cast<T>().OrderBy(r => IdOf(r!), StringComparer.Ordinal);
    }

    /// <summary>Loads the rows of <typeparamref name="T"/> whose <paramref name="property"/> is one of <paramref name="keys"/>.</summary>
    public async Task LoadAsync<T>(string property, IEnumerable<string?> keys, CancellationToken ct) where T : class
    {
        var table = Table(typeof(T));
        var wanted = keys.OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(k => property != nameof(Service.Id) || !table.ContainsKey(k)).ToList();
        foreach (var chunk in wanted.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            var found = await db.Set<T>().AsNoTracking().Where(e => ids.Contains(EF.Property<string>(e, property))).ToListAsync(ct);
            foreach (var row in found) table[IdOf(row)] = row;
        }
        lookups.Clear();
    }

    /// <summary>Services with their organization and program (the list shape), or everything beneath them.</summary>
    public async Task LoadServicesAsync(IReadOnlyCollection<string> serviceIds, bool full, CancellationToken ct)
    {
        await LoadServiceParentsAsync(serviceIds, ct);
        if (!full) return;
        var (sals, locations) = await LoadPlacesAsync(serviceIds, ct);
        await CompleteAsync(serviceIds, sals, locations, [], ct);
    }

    private async Task LoadServiceParentsAsync(IReadOnlyCollection<string> serviceIds, CancellationToken ct)
    {
        await LoadAsync<Service>(nameof(Service.Id), serviceIds, ct);
        var services = All<Service>().Where(s => serviceIds.Contains(s.Id)).ToList();
        await LoadAsync<DirectoryOrganization>(nameof(DirectoryOrganization.Id), services.Select(s => s.OrganizationId), ct);
        await LoadAsync<ServiceProgram>(nameof(ServiceProgram.Id), services.Select(s => s.ProgramId), ct);
    }

    /// <summary>The services' service-at-locations and their locations; returns the ids of both.</summary>
    private async Task<(List<string> Sals, List<string> Locations)> LoadPlacesAsync(IReadOnlyCollection<string> serviceIds, CancellationToken ct)
    {
        await LoadAsync<ServiceAtLocation>(nameof(ServiceAtLocation.ServiceId), serviceIds, ct);
        var sals = All<ServiceAtLocation>().Where(s => serviceIds.Contains(s.ServiceId)).ToList();
        await LoadAsync<Location>(nameof(Location.Id), sals.Select(s => s.LocationId), ct);
        return (sals.Select(s => s.Id).ToList(), sals.Select(s => s.LocationId).Distinct().ToList());
    }

    /// <summary>Service-at-locations with their service and location (the list shape), or everything beneath them.</summary>
    public async Task LoadServiceAtLocationsAsync(IReadOnlyCollection<string> ids, bool full, CancellationToken ct)
    {
        await LoadAsync<ServiceAtLocation>(nameof(ServiceAtLocation.Id), ids, ct);
        var sals = All<ServiceAtLocation>().Where(s => ids.Contains(s.Id)).ToList();
        var serviceIds = sals.Select(s => s.ServiceId).Distinct().ToList();
        await LoadAsync<Location>(nameof(Location.Id), sals.Select(s => s.LocationId), ct);
        await LoadAsync<Service>(nameof(Service.Id), serviceIds, ct);
        await LoadAsync<DirectoryOrganization>(nameof(DirectoryOrganization.Id), All<Location>().Select(l => l.OrganizationId), ct);
        if (!full) return;
        await LoadServicesAsync(serviceIds, full: false, ct);
        await CompleteAsync(serviceIds, ids, sals.Select(s => s.LocationId).ToList(), [], ct);
    }

    /// <summary>Organizations; when <paramref name="full"/>, with everything they hold and their services (fully nested when <paramref name="fullServices"/>).</summary>
    public async Task LoadOrganizationsAsync(IReadOnlyCollection<string> orgIds, bool full, bool fullServices, CancellationToken ct)
    {
        await LoadAsync<DirectoryOrganization>(nameof(DirectoryOrganization.Id), orgIds, ct);
        if (!full) return;
        await LoadAsync<Service>(nameof(Service.OrganizationId), orgIds, ct);
        var serviceIds = All<Service>().Where(s => orgIds.Contains(s.OrganizationId)).Select(s => s.Id).ToList();
        List<string> sals = [], serviceLocations = [];
        if (fullServices)
        {
            await LoadServiceParentsAsync(serviceIds, ct);
            (sals, serviceLocations) = await LoadPlacesAsync(serviceIds, ct);
        }
        await LoadAsync<Location>(nameof(Location.OrganizationId), orgIds, ct);
        await LoadAsync<ServiceProgram>(nameof(ServiceProgram.OrganizationId), orgIds, ct);
        await LoadAsync<OrganizationIdentifier>(nameof(OrganizationIdentifier.OrganizationId), orgIds, ct);
        var locationIds = All<Location>().Where(l => l.OrganizationId is { } o && orgIds.Contains(o)).Select(l => l.Id).Union(serviceLocations).ToList();
        // One pass for the organizations' own children and their services' together.
        await CompleteAsync(fullServices ? serviceIds : [], sals, locationIds, orgIds, ct);
    }

    /// <summary>Everything that hangs off the given services, service-at-locations, locations and organizations.</summary>
    private async Task CompleteAsync(IReadOnlyCollection<string> services, IReadOnlyCollection<string> sals,
        IReadOnlyCollection<string> locations, IReadOnlyCollection<string> organizations, CancellationToken ct)
    {
        // Owners of locations decide who may see a confidential address.
        await LoadAsync<DirectoryOrganization>(nameof(DirectoryOrganization.Id), All<Location>().Select(l => l.OrganizationId), ct);
        await LoadAsync<Contact>(nameof(Contact.ServiceId), services, ct);
        await LoadAsync<Contact>(nameof(Contact.ServiceAtLocationId), sals, ct);
        await LoadAsync<Contact>(nameof(Contact.LocationId), locations, ct);
        await LoadAsync<Contact>(nameof(Contact.OrganizationId), organizations, ct);
        await LoadAsync<Phone>(nameof(Phone.ServiceId), services, ct);
        await LoadAsync<Phone>(nameof(Phone.ServiceAtLocationId), sals, ct);
        await LoadAsync<Phone>(nameof(Phone.LocationId), locations, ct);
        await LoadAsync<Phone>(nameof(Phone.OrganizationId), organizations, ct);
        await LoadAsync<Phone>(nameof(Phone.ContactId), All<Contact>().Select(c => c.Id), ct);
        await LoadAsync<Language>(nameof(Language.ServiceId), services, ct);
        await LoadAsync<Language>(nameof(Language.LocationId), locations, ct);
        await LoadAsync<Language>(nameof(Language.PhoneId), All<Phone>().Select(p => p.Id), ct);
        await LoadAsync<Schedule>(nameof(Schedule.ServiceId), services, ct);
        await LoadAsync<Schedule>(nameof(Schedule.ServiceAtLocationId), sals, ct);
        await LoadAsync<Schedule>(nameof(Schedule.LocationId), locations, ct);
        await LoadAsync<ServiceArea>(nameof(ServiceArea.ServiceId), services, ct);
        await LoadAsync<Funding>(nameof(Funding.ServiceId), services, ct);
        await LoadAsync<Funding>(nameof(Funding.OrganizationId), organizations, ct);
        await LoadAsync<CostOption>(nameof(CostOption.ServiceId), services, ct);
        await LoadAsync<RequiredDocument>(nameof(RequiredDocument.ServiceId), services, ct);
        await LoadAsync<ServiceCapacity>(nameof(ServiceCapacity.ServiceId), services, ct);
        await LoadAsync<Address>(nameof(Address.LocationId), locations, ct);
        await LoadAsync<Accessibility>(nameof(Accessibility.LocationId), locations, ct);
        await LoadAttributesAndMetadataAsync(ct);
    }

    /// <summary>Attributes (with their terms and taxonomies) and metadata of every row loaded so far.</summary>
    public async Task LoadAttributesAndMetadataAsync(CancellationToken ct)
    {
        await LoadAsync<HsdsAttribute>(nameof(HsdsAttribute.LinkId), AllIds(), ct);
        await LoadAsync<TaxonomyTerm>(nameof(TaxonomyTerm.Id), All<HsdsAttribute>().Select(a => a.TaxonomyTermId), ct);
        await LoadAsync<Taxonomy>(nameof(Taxonomy.Id), All<TaxonomyTerm>().Select(t => t.TaxonomyId), ct);
        await LoadAsync<MetadataEntry>(nameof(MetadataEntry.ResourceId), AllIds(), ct);
    }

    private List<string> AllIds() =>
        rows.Where(t => t.Key != typeof(MetadataEntry)).SelectMany(t => t.Value.Keys).Distinct(StringComparer.Ordinal).ToList();

    private Dictionary<string, object> Table(Type type)
    {
        if (!rows.TryGetValue(type, out var table)) rows[type] = table = new(StringComparer.Ordinal);
        return table;
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo> IdProperties = [];

    private static string IdOf(object row) =>
        (string)IdProperties.GetOrAdd(row.GetType(), t => t.GetProperty("Id")!).GetValue(row)!;
}
