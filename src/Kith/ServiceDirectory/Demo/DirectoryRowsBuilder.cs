using Kith.Community.Contracts;
using Kith.ServiceDirectory.Domain;

namespace Kith.ServiceDirectory.Demo;

/// <summary>
/// Expands the compact demo definitions into HSDS rows. Every id is <see cref="StableId"/> of a "demo:…"
/// name, so the demo has the same ids in every database and re-seeding recognises what is already there.
/// </summary>
internal sealed partial class DirectoryRowsBuilder
{
    private readonly DemoRows rows = new();
    private readonly DateTime now;
    private readonly IReadOnlyDictionary<string, Guid> kithOrganisations;
    private readonly IReadOnlyDictionary<string, AreaFact> areas;
    private readonly AreaLocator locator;
    private readonly Dictionary<string, DemoProvider> providers = DemoDirectory.Providers.ToDictionary(p => p.Key);
    private readonly Dictionary<string, DemoPlace> places = DemoDirectory.Places.ToDictionary(p => p.Key);

    private DirectoryRowsBuilder(DateTime nowUtc, IEnumerable<OrganisationFact> organisations, IReadOnlyList<AreaFact> areaFacts)
    {
        now = nowUtc;
        kithOrganisations = organisations.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First().Id);
        areas = areaFacts.ToDictionary(a => a.Code);
        locator = new AreaLocator(areaFacts);
    }

    public static DemoRows Build(DateTime nowUtc, IEnumerable<OrganisationFact> organisations, IReadOnlyList<AreaFact> areas)
    {
        var builder = new DirectoryRowsBuilder(nowUtc, organisations, areas);
        builder.AddVocabulary();
        foreach (var provider in DemoDirectory.Providers) builder.AddProvider(provider);
        foreach (var program in DemoDirectory.Programs)
            builder.rows.Add(new ServiceProgram { Id = Id("program", program.Key), OrganizationId = Id("org", program.Provider), Name = program.Name, Description = program.Description });
        foreach (var place in DemoDirectory.Places) builder.AddPlace(place);
        foreach (var service in DemoDirectory.Services) builder.AddService(service);
        builder.AddTranslations();
        return builder.rows;
    }

    public static string Id(params string[] path) => StableId.For("demo:" + string.Join(':', path));

    private void AddVocabulary()
    {
        foreach (var taxonomy in KithVocabularyRows.Taxonomies)
            rows.Add(new Taxonomy { Id = taxonomy.Id, Name = taxonomy.Name, Description = taxonomy.Description, Version = taxonomy.Version });
        foreach (var term in KithVocabularyRows.Terms()) rows.Add(term);
    }

    private void AddProvider(DemoProvider p)
    {
        var id = Id("org", p.Key);
        Guid? owner = p.KithName is null ? null
            : kithOrganisations.TryGetValue(p.KithName, out var kith) ? kith
            : throw new InvalidOperationException($"Demo directory: the community module has no organisation named '{p.KithName}'.");
        rows.Add(new DirectoryOrganization
        {
            Id = id, Name = p.Name, Description = p.Description, Email = p.Email, Website = p.Website,
            YearIncorporated = p.YearIncorporated, KithOrganisationId = owner,
        });
        if (p.Phone is not null) rows.Add(new Phone { Id = Id("org", p.Key, "phone"), OrganizationId = id, Number = p.Phone, Type = "voice" });
    }

    private void AddPlace(DemoPlace p)
    {
        var id = Id("location", p.Key);
        Provider(p.Provider);
        if (p.IsVirtual)
        {
            rows.Add(new Location { Id = id, LocationType = "virtual", Url = p.Url, OrganizationId = Id("org", p.Provider), Name = p.Name, Description = p.Description });
            return;
        }
        if (!areas.ContainsKey(p.Area)) throw new InvalidOperationException($"Demo directory: place '{p.Key}' names unknown area '{p.Area}'.");
        rows.Add(new Location
        {
            Id = id, LocationType = "physical", OrganizationId = Id("org", p.Provider), Name = p.Name, Description = p.Description,
            Transportation = p.Transportation, Latitude = p.Latitude, Longitude = p.Longitude, Confidential = p.Confidential,
            // Confidential places keep their address and coordinates (staff see them); the public sees only area and phone.
            AreaId = locator.Find(p.Latitude, p.Longitude),
        });
        rows.Add(new Address
        {
            Id = Id("location", p.Key, "address"), LocationId = id, Address1 = p.Street, City = "Riverbend", StateProvince = "MN",
            PostalCode = DemoDirectory.PostalCodes[p.Area], Country = "US", AddressType = "physical",
        });
        foreach (var (code, index) in p.Access.Select((c, i) => (c, i)))
        {
            var term = Term(KithVocabulary.AccessibilityFeatures, code, p.Key);
            rows.Add(new Accessibility { Id = Id("location", p.Key, "accessibility", code), LocationId = id, Description = term.Name, Details = index == 0 ? p.AccessDetails : null });
            rows.Add(new HsdsAttribute { Id = Id("location", p.Key, "attribute", code), LinkId = id, LinkEntity = "location", LinkType = "accessibility", TaxonomyTermId = term.Id });
        }
        if (p.Phone is not null) rows.Add(new Phone { Id = Id("location", p.Key, "phone"), LocationId = id, Number = p.Phone, Type = "voice" });
    }

    private DemoProvider Provider(string key) =>
        providers.TryGetValue(key, out var p) ? p : throw new InvalidOperationException($"Demo directory: unknown provider '{key}'.");

    private static VocabularyTerm Term(IReadOnlyList<VocabularyTerm> vocabulary, string code, string user) =>
        vocabulary.FirstOrDefault(t => t.Code == code) ?? throw new InvalidOperationException($"Demo directory: '{user}' uses unknown term '{code}'.");
}
